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
// unknown and the document gets an input error. 1<<24 units is about a
// million values or 16 MiB of strings; the largest corpus module uses 10^4.
// Every source file read adds sourceGrant units per byte, so that a large
// configuration gets a budget in proportion to its size (a 100,000-resource
// directory needs about 1<<27) while a small hostile file still gets only
// the base.
const (
	budgetUnits int64 = 1 << 24
	sourceGrant int64 = 16
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
	if n < 0 {
		n = 0
	}
	if n > b.left {
		b.left = 0
		b.exhausted = true
		return false
	}
	b.left -= n
	return true
}

// grant adds n units, unless the budget is already spent.
func (b *budget) grant(n int64) {
	if !b.exhausted && n > 0 {
		b.left += n
	}
}

// chargeValue charges the size of v.
func (b *budget) chargeValue(v cty.Value) bool {
	if b.exhausted {
		return false
	}
	size, _ := measure(v, b.left)
	return b.charge(size)
}

// nodeCost is the budget charged per syntax node evaluated: each
// evaluation of an attribute, and each iteration of a for expression, is
// charged for the size of the expression it evaluates, so that work that
// builds no large value (long operator chains in a loop) is metered too.
const nodeCost int64 = 2

// instrument rewrites a parsed body or expression in place so that the
// values of metered sub-expressions pass through sizeFuncName, and records
// in sizes (when not nil) the node count of every attribute expression.
func instrument(node hclsyntax.Node, sizes map[hclsyntax.Expression]int64) {
	w := &instrumenter{sizes: sizes}
	hclsyntax.Walk(node, w)
}

type instrumenter struct {
	stack []instrFrame
	sizes map[hclsyntax.Expression]int64
}

type instrFrame struct {
	node             hclsyntax.Node
	count            int64
	valSize, keySize int64
}

func (w *instrumenter) Enter(n hclsyntax.Node) hcl.Diagnostics {
	w.stack = append(w.stack, instrFrame{node: n})
	return nil
}

func (w *instrumenter) Exit(n hclsyntax.Node) hcl.Diagnostics {
	f := w.stack[len(w.stack)-1]
	w.stack = w.stack[:len(w.stack)-1]
	size := f.count + 1
	if len(w.stack) > 0 {
		parent := &w.stack[len(w.stack)-1]
		parent.count += size
		switch p := parent.node.(type) {
		case *hclsyntax.ForExpr:
			if n == hclsyntax.Node(p.ValExpr) {
				parent.valSize = size
			}
			if p.KeyExpr != nil && n == hclsyntax.Node(p.KeyExpr) {
				parent.keySize = size
			}
		case *hclsyntax.Attribute:
			if w.sizes != nil && n == hclsyntax.Node(p.Expr) {
				w.sizes[p.Expr] = size
			}
		}
	}
	switch e := n.(type) {
	case *hclsyntax.ForExpr:
		e.CollExpr = sizeCall(e.CollExpr, 0)
		if e.KeyExpr != nil {
			e.KeyExpr = sizeCall(e.KeyExpr, f.keySize)
		}
		e.ValExpr = sizeCall(e.ValExpr, f.valSize)
	case *hclsyntax.TemplateExpr:
		for i, p := range e.Parts {
			if _, lit := p.(*hclsyntax.LiteralValueExpr); !lit {
				e.Parts[i] = sizeCall(p, 0)
			}
		}
	case *hclsyntax.ConditionalExpr:
		e.TrueResult = sizeCall(e.TrueResult, 0)
		e.FalseResult = sizeCall(e.FalseResult, 0)
	case *hclsyntax.BinaryOpExpr:
		if e.Op == hclsyntax.OpEqual || e.Op == hclsyntax.OpNotEqual {
			e.LHS = sizeCall(e.LHS, 0)
			e.RHS = sizeCall(e.RHS, 0)
		}
	case *hclsyntax.SplatExpr:
		e.Source = sizeCall(e.Source, 0)
	}
	return nil
}

// sizeCall wraps e in a call of sizeFuncName that also charges nodes
// syntax nodes.
func sizeCall(e hclsyntax.Expression, nodes int64) hclsyntax.Expression {
	if c, ok := e.(*hclsyntax.FunctionCallExpr); ok && c.Name == sizeFuncName {
		return e
	}
	rng := e.Range()
	return &hclsyntax.FunctionCallExpr{
		Name:            sizeFuncName,
		Args:            []hclsyntax.Expression{e, &hclsyntax.LiteralValueExpr{Val: cty.NumberIntVal(nodes * nodeCost), SrcRange: rng}},
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
		}, {
			Name: "cost", Type: cty.Number,
		}},
		Type: func(args []cty.Value) (cty.Type, error) { return args[0].Type(), nil },
		Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
			v := args[0]
			extra, _ := args[1].AsBigFloat().Int64()
			if !b.charge(extra) || !b.chargeValue(v) {
				return cty.UnknownVal(retType).WithMarks(v.Marks()), nil
			}
			return v, nil
		},
	})
}
