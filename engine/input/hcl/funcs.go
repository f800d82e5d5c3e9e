package hcl

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/tryfunc"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/function/stdlib"
)

// maxFormatWidth bounds widths and precisions in format verbs.
const maxFormatWidth = 10000

// unknownResultFuncs are Terraform functions whose result is not known
// before apply (timestamp, uuid, …) or that this reader does not compute;
// they return an unknown value.
var unknownResultFuncs = []string{
	"abspath", "base64gzip", "bcrypt", "cidrhost", "cidrnetmask", "cidrsubnet", "cidrsubnets",
	"filebase64sha256", "filebase64sha512", "filemd5", "filesha1", "filesha256", "filesha512", "fileset",
	"matchkeys", "pathexpand", "plantimestamp", "rsadecrypt", "templatestring", "textdecodebase64",
	"textencodebase64", "timecmp", "timestamp", "transpose", "type", "uuid", "uuidv5", "yamldecode", "yamlencode",
}

// functions builds the function table of one ReadDir: the Terraform
// language functions, each metered against the reader's budget.
func (r *reader) functions() map[string]function.Function {
	b := r.budget
	plain := map[string]function.Function{
		"abs":             stdlib.AbsoluteFunc,
		"ceil":            stdlib.CeilFunc,
		"chomp":           stdlib.ChompFunc,
		"chunklist":       stdlib.ChunklistFunc,
		"coalescelist":    stdlib.CoalesceListFunc,
		"compact":         stdlib.CompactFunc,
		"concat":          stdlib.ConcatFunc,
		"contains":        stdlib.ContainsFunc,
		"csvdecode":       stdlib.CSVDecodeFunc,
		"element":         stdlib.ElementFunc,
		"flatten":         stdlib.FlattenFunc,
		"floor":           stdlib.FloorFunc,
		"formatdate":      stdlib.FormatDateFunc,
		"join":            stdlib.JoinFunc,
		"jsonencode":      stdlib.JSONEncodeFunc,
		"keys":            stdlib.KeysFunc,
		"log":             stdlib.LogFunc,
		"lookup":          stdlib.LookupFunc,
		"lower":           stdlib.LowerFunc,
		"max":             stdlib.MaxFunc,
		"merge":           stdlib.MergeFunc,
		"min":             stdlib.MinFunc,
		"parseint":        stdlib.ParseIntFunc,
		"pow":             stdlib.PowFunc,
		"range":           stdlib.RangeFunc,
		"regex":           stdlib.RegexFunc,
		"reverse":         stdlib.ReverseListFunc,
		"setintersection": stdlib.SetIntersectionFunc,
		"setsubtract":     stdlib.SetSubtractFunc,
		"setunion":        stdlib.SetUnionFunc,
		"signum":          stdlib.SignumFunc,
		"slice":           stdlib.SliceFunc,
		"sort":            stdlib.SortFunc,
		"strrev":          stdlib.ReverseFunc,
		"substr":          stdlib.SubstrFunc,
		"timeadd":         stdlib.TimeAddFunc,
		"title":           stdlib.TitleFunc,
		"trim":            stdlib.TrimFunc,
		"trimprefix":      stdlib.TrimPrefixFunc,
		"trimspace":       stdlib.TrimSpaceFunc,
		"trimsuffix":      stdlib.TrimSuffixFunc,
		"upper":           stdlib.UpperFunc,
		"values":          stdlib.ValuesFunc,
		"zipmap":          stdlib.ZipmapFunc,
		"tobool":          stdlib.MakeToFunc(cty.Bool),
		"tolist":          stdlib.MakeToFunc(cty.List(cty.DynamicPseudoType)),
		"tomap":           stdlib.MakeToFunc(cty.Map(cty.DynamicPseudoType)),
		"tonumber":        stdlib.MakeToFunc(cty.Number),
		"toset":           stdlib.MakeToFunc(cty.Set(cty.DynamicPseudoType)),
		"tostring":        stdlib.MakeToFunc(cty.String),
		"alltrue":         allAnyFunc(true),
		"anytrue":         allAnyFunc(false),
		"base64decode":    base64DecodeFunc,
		"base64encode":    stringFunc("base64encode", func(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }),
		"base64sha256":    stringFunc("base64sha256", func(s string) string { h := sha256.Sum256([]byte(s)); return base64.StdEncoding.EncodeToString(h[:]) }),
		"base64sha512":    stringFunc("base64sha512", func(s string) string { h := sha512.Sum512([]byte(s)); return base64.StdEncoding.EncodeToString(h[:]) }),
		"basename":        stringFunc("basename", func(s string) string { return path.Base(filepath.ToSlash(s)) }),
		"coalesce":        coalesceFunc,
		"dirname":         stringFunc("dirname", func(s string) string { return path.Dir(filepath.ToSlash(s)) }),
		"endswith":        stringPredFunc(strings.HasSuffix),
		"ephemeralasnull": identityFunc,
		"index":           indexFunc,
		"issensitive":     isSensitiveFunc,
		"length":          lengthFunc,
		"md5":             stringFunc("md5", func(s string) string { h := md5.Sum([]byte(s)); return hex.EncodeToString(h[:]) }),
		"nonsensitive":    nonSensitiveFunc,
		"one":             oneFunc,
		"sensitive":       sensitiveFunc,
		"sha1":            stringFunc("sha1", func(s string) string { h := sha1.Sum([]byte(s)); return hex.EncodeToString(h[:]) }),
		"sha256":          stringFunc("sha256", func(s string) string { h := sha256.Sum256([]byte(s)); return hex.EncodeToString(h[:]) }),
		"sha512":          stringFunc("sha512", func(s string) string { h := sha512.Sum512([]byte(s)); return hex.EncodeToString(h[:]) }),
		"startswith":      stringPredFunc(strings.HasPrefix),
		"strcontains":     stringPredFunc(strings.Contains),
		"sum":             sumFunc,
		"urlencode":       stringFunc("urlencode", url.QueryEscape),
		"file":            r.fileFunc(false),
		"filebase64":      r.fileFunc(true),
		"fileexists":      r.fileExistsFunc(),
	}
	for _, name := range unknownResultFuncs {
		plain[name] = unknownFunc
	}
	// Functions whose cost is not proportional to their arguments get a
	// precheck that estimates the size of their result.
	prechecked := map[string]struct {
		f   function.Function
		pre precheck
	}{
		"distinct":   {stdlib.DistinctFunc, distinctCost},
		"format":     {stdlib.FormatFunc, formatCost},
		"formatlist": {stdlib.FormatListFunc, formatCost},
		"indent":     {stdlib.IndentFunc, indentCost},
		"jsondecode": {stdlib.JSONDecodeFunc, jsonDecodeCost},
		"regexall":   {stdlib.RegexAllFunc, regexAllCost},
		"replace":    {replaceFunc, replaceCost},
		"setproduct": {stdlib.SetProductFunc, setProductCost},
		"split":      {stdlib.SplitFunc, splitCost},
	}
	tmpl := map[string]function.Function{}
	for name, f := range plain {
		tmpl[name] = metered(b, f, nil)
	}
	for name, p := range prechecked {
		tmpl[name] = metered(b, p.f, p.pre)
	}
	tmpl["try"] = tryfunc.TryFunc
	tmpl["can"] = tryfunc.CanFunc
	tmpl[sizeFuncName] = sizeFunc(b)
	// templatefile is not available inside templates (as in Terraform),
	// which also keeps templates from recursing.
	all := make(map[string]function.Function, len(tmpl)+1)
	for name, f := range tmpl {
		all[name] = f
	}
	all["templatefile"] = metered(b, r.templateFileFunc(tmpl), nil)
	return all
}

// precheck returns the extra budget a call will need beyond the size of its
// arguments, or an error for a call that must not run.
type precheck func(args []cty.Value) (int64, error)

// metered wraps a function so that its arguments and result are charged to
// the budget; when the budget is spent the call returns an unknown value.
func metered(b *budget, f function.Function, pre precheck) function.Function {
	return function.New(&function.Spec{
		Description: f.Description(),
		Params:      f.Params(),
		VarParam:    f.VarParam(),
		Type:        func(args []cty.Value) (cty.Type, error) { return f.ReturnTypeForValues(args) },
		Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
			if b.exhausted {
				return cty.UnknownVal(retType), nil
			}
			var cost int64
			for _, a := range args {
				s, _ := measure(a, b.left-cost)
				cost += s
				if cost > b.left {
					break
				}
			}
			if pre != nil && cost <= b.left {
				extra, err := pre(args)
				if err != nil {
					return cty.NilVal, err
				}
				cost += extra
			}
			if !b.charge(cost) {
				return cty.UnknownVal(retType), nil
			}
			v, err := f.Call(args)
			if err != nil {
				return cty.NilVal, err
			}
			if !b.chargeValue(v) {
				return cty.UnknownVal(retType), nil
			}
			return v, nil
		},
	})
}

// knownString returns the string in v when it is a known, non-null string.
func knownString(v cty.Value) (string, bool) {
	v, _ = v.UnmarkDeep()
	if !v.IsKnown() || v.IsNull() || v.Type() != cty.String {
		return "", false
	}
	return v.AsString(), true
}

// knownLength returns the number of elements of a known collection.
func knownLength(v cty.Value) (int64, bool) {
	v, _ = v.Unmark()
	if !v.IsKnown() || v.IsNull() || !v.CanIterateElements() {
		return 0, false
	}
	return int64(v.LengthInt()), true
}

func formatCost(args []cty.Value) (int64, error) {
	f, ok := knownString(args[0])
	if !ok {
		return 0, nil
	}
	for i := 0; i < len(f); i++ {
		if f[i] != '%' {
			continue
		}
		i++
		n := 0
		for ; i < len(f); i++ {
			c := f[i]
			if c >= '0' && c <= '9' {
				n = n*10 + int(c-'0')
				if n > maxFormatWidth {
					return 0, fmt.Errorf("format width or precision over %d is not supported", maxFormatWidth)
				}
				continue
			}
			if c == '.' || c == '-' || c == '+' || c == '#' || c == ' ' || c == '[' || c == ']' {
				n = 0
				continue
			}
			break
		}
	}
	return 0, nil
}

func indentCost(args []cty.Value) (int64, error) {
	s, ok := knownString(args[1])
	n, nok := knownNumber(args[0])
	if !ok || !nok {
		return 0, nil
	}
	if n < 0 {
		return 0, errors.New("spaces must not be negative")
	}
	lines := int64(strings.Count(s, "\n"))
	if n > budgetUnits || lines*n > budgetUnits {
		return budgetUnits + 1, nil
	}
	return lines * n, nil
}

func knownNumber(v cty.Value) (int64, bool) {
	v, _ = v.UnmarkDeep()
	if !v.IsKnown() || v.IsNull() || v.Type() != cty.Number {
		return 0, false
	}
	bf := v.AsBigFloat()
	i, acc := bf.Int64()
	if acc != big.Exact {
		if bf.Sign() > 0 {
			return budgetUnits + 1, true
		}
		return -1, true
	}
	return i, true
}

func replaceCost(args []cty.Value) (int64, error) {
	s, ok1 := knownString(args[0])
	sub, ok2 := knownString(args[1])
	repl, ok3 := knownString(args[2])
	if !ok1 || !ok2 || !ok3 {
		return 0, nil
	}
	var n int64
	if sub == "" || isRegexLiteral(sub) {
		n = int64(len(s)) + 1
	} else {
		n = int64(strings.Count(s, sub))
	}
	return n * (int64(len(repl)) + elementCost), nil
}

func regexAllCost(args []cty.Value) (int64, error) {
	p, ok1 := knownString(args[0])
	s, ok2 := knownString(args[1])
	if !ok1 || !ok2 {
		return 0, nil
	}
	groups := int64(strings.Count(p, "(")) + 1
	return (int64(len(s)) + 1) * groups * elementCost, nil
}

func splitCost(args []cty.Value) (int64, error) {
	sep, ok1 := knownString(args[0])
	s, ok2 := knownString(args[1])
	if !ok1 || !ok2 {
		return 0, nil
	}
	if sep == "" {
		return int64(len(s)) * elementCost, nil
	}
	return int64(strings.Count(s, sep)+1) * elementCost, nil
}

func distinctCost(args []cty.Value) (int64, error) {
	n, ok := knownLength(args[0])
	if !ok {
		return 0, nil
	}
	if n > 1<<20 {
		return budgetUnits + 1, nil
	}
	return n * n / elementCost, nil
}

func setProductCost(args []cty.Value) (int64, error) {
	total := int64(1)
	for _, a := range args {
		n, ok := knownLength(a)
		if !ok {
			return 0, nil
		}
		total *= n
		if total > budgetUnits {
			return budgetUnits + 1, nil
		}
	}
	return total * int64(len(args)) * elementCost, nil
}

func jsonDecodeCost(args []cty.Value) (int64, error) {
	s, ok := knownString(args[0])
	if !ok {
		return 0, nil
	}
	if _, deep := jsonTooDeep([]byte(s), ""); deep {
		return 0, fmt.Errorf("JSON nested deeper than %d levels", maxNesting)
	}
	return 0, nil
}

var anyParam = function.Parameter{
	Name: "value", Type: cty.DynamicPseudoType,
	AllowUnknown: true, AllowNull: true, AllowMarked: true, AllowDynamicType: true,
}

// unknownFunc accepts any arguments and returns an unknown value.
var unknownFunc = function.New(&function.Spec{
	Description: "Returns a value that is not known before apply.",
	VarParam:    &anyParam,
	Type:        function.StaticReturnType(cty.DynamicPseudoType),
	Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
		return cty.DynamicVal, nil
	},
})

var identityFunc = function.New(&function.Spec{
	Params: []function.Parameter{anyParam},
	Type:   func(args []cty.Value) (cty.Type, error) { return args[0].Type(), nil },
	Impl:   func(args []cty.Value, retType cty.Type) (cty.Value, error) { return args[0], nil },
})

var sensitiveFunc = function.New(&function.Spec{
	Params: []function.Parameter{anyParam},
	Type:   func(args []cty.Value) (cty.Type, error) { return args[0].Type(), nil },
	Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
		return args[0].Mark(sensitiveMark), nil
	},
})

var nonSensitiveFunc = function.New(&function.Spec{
	Params: []function.Parameter{anyParam},
	Type:   func(args []cty.Value) (cty.Type, error) { return args[0].Type(), nil },
	Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
		v, marks := args[0].Unmark()
		delete(marks, sensitiveMark)
		return v.WithMarks(marks), nil
	},
})

var isSensitiveFunc = function.New(&function.Spec{
	Params: []function.Parameter{anyParam},
	Type:   function.StaticReturnType(cty.Bool),
	Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
		return cty.BoolVal(args[0].HasMark(sensitiveMark)), nil
	},
})

// stringFunc builds a function of one string argument.
func stringFunc(name string, fn func(string) string) function.Function {
	return function.New(&function.Spec{
		Description: name,
		Params:      []function.Parameter{{Name: "str", Type: cty.String}},
		Type:        function.StaticReturnType(cty.String),
		Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
			return cty.StringVal(fn(args[0].AsString())), nil
		},
	})
}

func stringPredFunc(fn func(s, sub string) bool) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "str", Type: cty.String}, {Name: "sub", Type: cty.String}},
		Type:   function.StaticReturnType(cty.Bool),
		Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
			return cty.BoolVal(fn(args[0].AsString(), args[1].AsString())), nil
		},
	})
}

var base64DecodeFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "str", Type: cty.String}},
	Type:   function.StaticReturnType(cty.String),
	Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
		b, err := base64.StdEncoding.DecodeString(args[0].AsString())
		if err != nil {
			return cty.NilVal, fmt.Errorf("invalid base64: %w", err)
		}
		if !utf8.Valid(b) {
			return cty.NilVal, errors.New("the decoded bytes are not valid UTF-8")
		}
		return cty.StringVal(string(b)), nil
	},
})

// isRegexLiteral reports whether replace() treats substr as a regular
// expression (written between slashes).
func isRegexLiteral(s string) bool {
	return len(s) > 1 && s[0] == '/' && s[len(s)-1] == '/'
}

// replaceFunc is Terraform's replace: substr between slashes is a regular
// expression.
var replaceFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "str", Type: cty.String}, {Name: "substr", Type: cty.String}, {Name: "replace", Type: cty.String},
	},
	Type: function.StaticReturnType(cty.String),
	Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
		s, sub, repl := args[0].AsString(), args[1].AsString(), args[2].AsString()
		if isRegexLiteral(sub) {
			re, err := regexp.Compile(sub[1 : len(sub)-1])
			if err != nil {
				return cty.NilVal, fmt.Errorf("invalid regular expression: %w", err)
			}
			return cty.StringVal(re.ReplaceAllString(s, repl)), nil
		}
		return cty.StringVal(strings.ReplaceAll(s, sub, repl)), nil
	},
})

// lengthFunc is Terraform's length: strings count characters, objects
// attributes.
var lengthFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "value", Type: cty.DynamicPseudoType, AllowDynamicType: true, AllowUnknown: true, AllowMarked: true}},
	Type: func(args []cty.Value) (cty.Type, error) {
		ty := args[0].Type()
		switch {
		case ty == cty.String, ty == cty.DynamicPseudoType, ty.IsObjectType(), ty.IsCollectionType(), ty.IsTupleType():
			return cty.Number, nil
		}
		return cty.NilType, errors.New("argument must be a string, a collection, or a structural type")
	},
	Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
		v, marks := args[0].Unmark()
		ty := v.Type()
		switch {
		case ty == cty.DynamicPseudoType:
			return cty.UnknownVal(cty.Number).WithMarks(marks), nil
		case ty == cty.String:
			n, err := stdlib.Strlen(v)
			return n.WithMarks(marks), err
		case ty.IsObjectType():
			return cty.NumberIntVal(int64(len(ty.AttributeTypes()))).WithMarks(marks), nil
		}
		if !v.IsKnown() {
			return cty.UnknownVal(cty.Number).WithMarks(marks), nil
		}
		return v.Length().WithMarks(marks), nil
	},
})

// coalesceFunc is Terraform's coalesce: the first argument that is neither
// null nor an empty string.
var coalesceFunc = function.New(&function.Spec{
	VarParam: &function.Parameter{Name: "vals", Type: cty.DynamicPseudoType, AllowUnknown: true, AllowNull: true, AllowDynamicType: true},
	Type: func(args []cty.Value) (cty.Type, error) {
		types := make([]cty.Type, len(args))
		for i, a := range args {
			types[i] = a.Type()
		}
		ty, _ := convert.UnifyUnsafe(types)
		if ty == cty.NilType {
			return cty.NilType, errors.New("all arguments must have the same type")
		}
		return ty, nil
	},
	Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
		for _, a := range args {
			v, err := convert.Convert(a, retType)
			if err != nil {
				return cty.NilVal, err
			}
			if !v.IsKnown() {
				return cty.UnknownVal(retType), nil
			}
			if v.IsNull() || (retType == cty.String && v.AsString() == "") {
				continue
			}
			return v, nil
		}
		return cty.NilVal, errors.New("no non-null, non-empty-string arguments")
	},
})

// indexFunc is Terraform's index(list, value).
var indexFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "list", Type: cty.DynamicPseudoType}, {Name: "value", Type: cty.DynamicPseudoType}},
	Type:   function.StaticReturnType(cty.Number),
	Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
		l := args[0]
		if !(l.Type().IsListType() || l.Type().IsTupleType()) {
			return cty.NilVal, errors.New("argument must be a list or tuple")
		}
		if !l.IsWhollyKnown() || !args[1].IsWhollyKnown() {
			return cty.UnknownVal(cty.Number), nil
		}
		for it := l.ElementIterator(); it.Next(); {
			i, v := it.Element()
			eq, err := stdlib.Equal(v, args[1])
			if err != nil {
				return cty.NilVal, err
			}
			if eq.True() {
				return i, nil
			}
		}
		return cty.NilVal, errors.New("item not found")
	},
})

var sumFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "list", Type: cty.DynamicPseudoType}},
	Type:   function.StaticReturnType(cty.Number),
	Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
		l := args[0]
		if !l.CanIterateElements() {
			return cty.NilVal, errors.New("cannot sum non-list")
		}
		if l.LengthInt() == 0 {
			return cty.NilVal, errors.New("cannot sum an empty list")
		}
		if !l.IsWhollyKnown() {
			return cty.UnknownVal(cty.Number), nil
		}
		sum := new(big.Float)
		for it := l.ElementIterator(); it.Next(); {
			_, v := it.Element()
			n, err := convert.Convert(v, cty.Number)
			if err != nil || n.IsNull() {
				return cty.NilVal, errors.New("every element must be a number")
			}
			sum.Add(sum, n.AsBigFloat())
		}
		return cty.NumberVal(sum), nil
	},
})

func allAnyFunc(all bool) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "list", Type: cty.List(cty.Bool)}},
		Type:   function.StaticReturnType(cty.Bool),
		Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
			unknown := false
			for it := args[0].ElementIterator(); it.Next(); {
				_, v := it.Element()
				switch {
				case !v.IsKnown():
					unknown = true
				case v.IsNull():
					if all {
						return cty.False, nil
					}
				case v.True() != all:
					return cty.BoolVal(!all), nil
				}
			}
			if unknown {
				return cty.UnknownVal(cty.Bool), nil
			}
			return cty.BoolVal(all), nil
		},
	})
}

var oneFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "list", Type: cty.DynamicPseudoType}},
	Type: func(args []cty.Value) (cty.Type, error) {
		ty := args[0].Type()
		switch {
		case ty.IsListType() || ty.IsSetType():
			return ty.ElementType(), nil
		case ty.IsTupleType():
			ets := ty.TupleElementTypes()
			switch len(ets) {
			case 0:
				return cty.DynamicPseudoType, nil
			case 1:
				return ets[0], nil
			}
			return cty.NilType, errors.New("must be a list, set, or tuple value with either zero or one elements")
		}
		return cty.NilType, errors.New("must be a list, set, or tuple value with either zero or one elements")
	},
	Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
		l := args[0]
		switch l.LengthInt() {
		case 0:
			return cty.NullVal(retType), nil
		case 1:
			it := l.ElementIterator()
			it.Next()
			_, v := it.Element()
			return v, nil
		}
		return cty.NilVal, errors.New("must be a list, set, or tuple value with either zero or one elements")
	},
})

// resolveFile resolves a path given to file() and friends: relative to the
// root module directory, and only inside the scan root.
func (r *reader) resolveFile(p string) (string, error) {
	given := p
	if !filepath.IsAbs(p) {
		p = filepath.Join(r.rootDir, filepath.FromSlash(p))
	}
	real, err := filepath.EvalSymlinks(filepath.Clean(p))
	if err != nil {
		return "", fmt.Errorf("%w %s", errNoFile, given)
	}
	rel, err := filepath.Rel(r.rootReal, real)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", fmt.Errorf("%s is outside the scan root and is not read", given)
	}
	return real, nil
}

// readAux reads a file named by file() or templatefile(), once.
func (r *reader) readAux(p string, text bool) ([]byte, string, error) {
	real, err := r.resolveFile(p)
	if err != nil {
		return nil, "", err
	}
	rel := r.rel(real)
	data, ok := r.aux[real]
	if !ok {
		data, err = r.readLimited(real)
		if err != nil {
			return nil, "", fmt.Errorf("%s: %w", rel, err)
		}
		r.aux[real] = data
	}
	if !r.budget.charge(int64(len(data))) {
		return nil, "", errBudget
	}
	if text && !utf8.Valid(data) {
		return nil, "", fmt.Errorf("%s is not valid UTF-8", rel)
	}
	return data, rel, nil
}

var (
	errBudget = errors.New("evaluation budget exhausted")
	errNoFile = errors.New("no file")
)

func (r *reader) fileFunc(b64 bool) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "path", Type: cty.String}},
		Type:   function.StaticReturnType(cty.String),
		Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
			data, _, err := r.readAux(args[0].AsString(), !b64)
			if err != nil {
				return cty.NilVal, err
			}
			if b64 {
				return cty.StringVal(base64.StdEncoding.EncodeToString(data)), nil
			}
			return cty.StringVal(string(data)), nil
		},
	})
}

func (r *reader) fileExistsFunc() function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "path", Type: cty.String}},
		Type:   function.StaticReturnType(cty.Bool),
		Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
			real, err := r.resolveFile(args[0].AsString())
			if err != nil {
				if errors.Is(err, errNoFile) {
					return cty.False, nil
				}
				return cty.NilVal, err
			}
			st, err := os.Stat(real)
			return cty.BoolVal(err == nil && st.Mode().IsRegular()), nil
		},
	})
}

// templateFileFunc renders a template file with the given variables, using
// funcs (which leave out templatefile itself).
func (r *reader) templateFileFunc(funcs map[string]function.Function) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "path", Type: cty.String}, {Name: "vars", Type: cty.DynamicPseudoType}},
		Type:   function.StaticReturnType(cty.DynamicPseudoType),
		Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
			src, rel, err := r.readAux(args[0].AsString(), true)
			if err != nil {
				return cty.NilVal, err
			}
			vars := args[1]
			if !vars.IsWhollyKnown() {
				return cty.DynamicVal, nil
			}
			if vars.IsNull() || !(vars.Type().IsMapType() || vars.Type().IsObjectType()) {
				return cty.NilVal, errors.New("vars must be a map or an object")
			}
			toks, _ := hclsyntax.LexTemplate(src, rel, hcl.InitialPos)
			if rng, deep := nestingTooDeep(toks); deep {
				return cty.NilVal, fmt.Errorf("%s: template nested deeper than %d levels", rangeString(rng), maxNesting)
			}
			expr, diags := hclsyntax.ParseTemplate(src, rel, hcl.InitialPos)
			if diags.HasErrors() {
				return cty.NilVal, fmt.Errorf("%s: %s", rel, diags.Error())
			}
			instrument(expr, nil)
			vm := map[string]cty.Value{}
			for it := vars.ElementIterator(); it.Next(); {
				k, v := it.Element()
				vm[k.AsString()] = v
			}
			val, diags := expr.Value(&hcl.EvalContext{Variables: vm, Functions: funcs})
			if diags.HasErrors() {
				return cty.NilVal, fmt.Errorf("%s: %s", rel, diags.Error())
			}
			return val, nil
		},
	})
}
