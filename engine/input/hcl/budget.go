package hcl

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// Evaluation is metered so that a small hostile file cannot make the reader
// build huge values (nested for expressions, doubling string templates,
// count = 1e9 in nested modules, …). Every value built by a for expression,
// a template, a function call, a conditional, an equality test or a splat is
// charged by its size; so is every attribute value and position of every
// instance. The budget is per document; once spent, further values are
// unknown and the document gets an input error.
const (
	budgetUnits int64 = 1 << 26
	elementCost int64 = 16
	// sizeFuncName is the function instrument wraps around metered
	// sub-expressions. It is not a Terraform function.
	sizeFuncName = "gate__size"
)

type budget struct {
	left      int64
	exhausted bool
}

// charge takes n units, reporting false (and marking the budget spent) when
// there are not that many left.
func (b *budget) charge(n int64) bool {
	if b.exhausted {
		return false
	}
	if n > b.left {
		b.left = 0
		b.exhausted = true
		return false
	}
	b.left -= n
	return true
}

// chargeValue charges the size of v.
func (b *budget) chargeValue(v cty.Value) bool {
	if b.exhausted {
		return false
	}
	size, _ := measure(v, b.left)
	return b.charge(size)
}

// instrument rewrites a parsed body or expression in place so that the
// values of metered sub-expressions pass through sizeFuncName.
func instrument(node hclsyntax.Node) {
	hclsyntax.VisitAll(node, func(n hclsyntax.Node) hcl.Diagnostics {
		switch e := n.(type) {
		case *hclsyntax.ForExpr:
			e.CollExpr = sizeCall(e.CollExpr)
			if e.KeyExpr != nil {
				e.KeyExpr = sizeCall(e.KeyExpr)
			}
			e.ValExpr = sizeCall(e.ValExpr)
		case *hclsyntax.TemplateExpr:
			for i, p := range e.Parts {
				if _, lit := p.(*hclsyntax.LiteralValueExpr); !lit {
					e.Parts[i] = sizeCall(p)
				}
			}
		case *hclsyntax.ConditionalExpr:
			e.TrueResult = sizeCall(e.TrueResult)
			e.FalseResult = sizeCall(e.FalseResult)
		case *hclsyntax.BinaryOpExpr:
			if e.Op == hclsyntax.OpEqual || e.Op == hclsyntax.OpNotEqual {
				e.LHS = sizeCall(e.LHS)
				e.RHS = sizeCall(e.RHS)
			}
		case *hclsyntax.SplatExpr:
			e.Source = sizeCall(e.Source)
		}
		return nil
	})
}

func sizeCall(e hclsyntax.Expression) hclsyntax.Expression {
	if c, ok := e.(*hclsyntax.FunctionCallExpr); ok && c.Name == sizeFuncName {
		return e
	}
	rng := e.Range()
	return &hclsyntax.FunctionCallExpr{
		Name:            sizeFuncName,
		Args:            []hclsyntax.Expression{e},
		NameRange:       rng,
		OpenParenRange:  rng,
		CloseParenRange: rng,
	}
}

// sizeFunc passes its argument through, charging its size; once the budget
// is spent it returns an unknown value of the same type.
func sizeFunc(b *budget) function.Function {
	return function.New(&function.Spec{
		Description: "Meters a value against the evaluation budget.",
		Params: []function.Parameter{{
			Name: "value", Type: cty.DynamicPseudoType,
			AllowUnknown: true, AllowNull: true, AllowMarked: true, AllowDynamicType: true,
		}},
		Type: func(args []cty.Value) (cty.Type, error) { return args[0].Type(), nil },
		Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
			v := args[0]
			if !b.chargeValue(v) {
				return cty.UnknownVal(retType).WithMarks(v.Marks()), nil
			}
			return v, nil
		},
	})
}
