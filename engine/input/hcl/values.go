package hcl

import (
	"encoding/json"
	"fmt"
	"math/big"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/zclconf/go-cty/cty"

	"github.com/gatehq/gate/engine/model"
)

// Sensitive is the value written in place of anything derived from a
// variable declared sensitive (or passed through sensitive()).
const Sensitive = "<<sensitive>>"

// markKind is the type of the cty marks this package sets.
type markKind string

const sensitiveMark markKind = "sensitive"

// toJSON converts a cty value to JSON-shaped Go values: unknown values
// become model.Unknown, sensitive ones Sensitive, nested collections
// []any and map[string]any. See the package documentation for numbers.
func toJSON(v cty.Value) any {
	return toJSONDepth(v, 0)
}

func toJSONDepth(v cty.Value, depth int) any {
	if v == cty.NilVal || depth > maxValueDepth+maxNesting {
		return model.Unknown
	}
	v, marks := v.Unmark()
	if _, ok := marks[sensitiveMark]; ok {
		return Sensitive
	}
	if !v.IsKnown() {
		return model.Unknown
	}
	if v.IsNull() {
		return nil
	}
	ty := v.Type()
	switch {
	case ty == cty.String:
		return v.AsString()
	case ty == cty.Number:
		return numberJSON(v.AsBigFloat())
	case ty == cty.Bool:
		return v.True()
	case ty.IsListType() || ty.IsSetType() || ty.IsTupleType():
		out := make([]any, 0, v.LengthInt())
		for it := v.ElementIterator(); it.Next(); {
			_, ev := it.Element()
			out = append(out, toJSONDepth(ev, depth+1))
		}
		return out
	case ty.IsMapType() || ty.IsObjectType():
		out := make(map[string]any, v.LengthInt())
		for it := v.ElementIterator(); it.Next(); {
			k, ev := it.Element()
			out[k.AsString()] = toJSONDepth(ev, depth+1)
		}
		return out
	}
	return model.Unknown
}

// numberJSON converts a number: float64 for integers up to 2^53 and for
// decimals whose nearest float64 has the same shortest decimal form as the
// exact value; otherwise json.Number with the exact value (all digits for
// integers below 2^1024, else the shortest exponent form).
func numberJSON(bf *big.Float) any {
	if bf.IsInf() {
		return model.Unknown
	}
	if bf.IsInt() {
		if i, acc := bf.Int64(); acc == big.Exact && i >= -(1<<53) && i <= 1<<53 {
			return float64(i)
		}
	}
	if bf.IsInt() && bf.MantExp(nil) <= 1024 {
		// A large integer: all its digits (at most about 300).
		return json.Number(bf.Text('f', 0))
	}
	f, _ := bf.Float64()
	exact := bf.Text('g', -1)
	back, _, err := big.ParseFloat(strconv.FormatFloat(f, 'g', -1, 64), 10, bf.Prec(), big.ToNearestEven)
	if err == nil && back.Cmp(bf) == 0 {
		return f
	}
	return json.Number(exact)
}

// measure walks v and returns its size in budget units (elementCost per
// value, one per byte of string or key) and its nesting depth. The walk
// stops once the size passes limit.
func measure(v cty.Value, limit int64) (size int64, depth int) {
	var walk func(v cty.Value, d int)
	walk = func(v cty.Value, d int) {
		if size > limit {
			return
		}
		if d > depth {
			depth = d
		}
		size += elementCost
		v, _ = v.Unmark()
		if !v.IsKnown() || v.IsNull() {
			return
		}
		ty := v.Type()
		switch {
		case ty == cty.String:
			size += int64(len(v.AsString()))
		case ty.IsListType() || ty.IsSetType() || ty.IsTupleType() || ty.IsMapType() || ty.IsObjectType():
			keyed := ty.IsMapType() || ty.IsObjectType()
			for it := v.ElementIterator(); it.Next(); {
				k, ev := it.Element()
				if keyed {
					size += int64(len(k.AsString()))
				}
				walk(ev, d+1)
				if size > limit {
					return
				}
			}
		}
	}
	walk(v, 1)
	return size, depth
}

// instanceKey renders an instance key as Terraform prints it: [0] or ["a"].
func instanceKey(key cty.Value) string {
	if key.Type() == cty.Number {
		bf := key.AsBigFloat()
		if i, acc := bf.Int64(); acc == big.Exact {
			return "[" + strconv.FormatInt(i, 10) + "]"
		}
		return "[" + bf.Text('g', -1) + "]"
	}
	return "[" + hclQuote(key.AsString()) + "]"
}

// hclQuote quotes a string the way Terraform quotes instance keys.
func hclQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i, r := range s {
		switch r {
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '$', '%':
			b.WriteRune(r)
			if i+1 < len(s) && s[i+1] == '{' {
				b.WriteRune(r)
			}
		default:
			if !unicode.IsPrint(r) {
				if r < 65536 {
					fmt.Fprintf(&b, `\u%04x`, r)
				} else {
					fmt.Fprintf(&b, `\U%08x`, r)
				}
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

// joinAddr prefixes an address with a module path.
func joinAddr(modulePath, addr string) string {
	if modulePath == "" {
		return addr
	}
	return modulePath + "." + addr
}

// joinPath joins attribute path segments with dots.
func joinPath(prefix, name string) string {
	if prefix == "" {
		return name
	}
	return prefix + "." + name
}

// keySegment renders an object key as an attribute path segment.
func keySegment(prefix, key string) string {
	ident := key != ""
	for i := 0; i < len(key); i++ {
		c := key[i]
		if !(c == '_' || c == '-' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (i > 0 && c >= '0' && c <= '9')) {
			ident = false
			break
		}
	}
	if ident {
		return joinPath(prefix, key)
	}
	return prefix + "[" + strconv.Quote(key) + "]"
}

// refSet collects the config addresses an attribute refers to.
type refSet map[string]map[string]struct{}

func (rs refSet) add(path string, addrs []string) {
	if len(addrs) == 0 {
		return
	}
	m := rs[path]
	if m == nil {
		m = map[string]struct{}{}
		rs[path] = m
	}
	for _, a := range addrs {
		m[a] = struct{}{}
	}
}

func (rs refSet) json() map[string]any {
	out := make(map[string]any, len(rs))
	for path, m := range rs {
		list := make([]string, 0, len(m))
		for a := range m {
			list = append(list, a)
		}
		sort.Strings(list)
		arr := make([]any, len(list))
		for i, a := range list {
			arr[i] = a
		}
		out[path] = arr
	}
	return out
}

// unionSorted merges address lists into one sorted list without repeats.
func unionSorted(lists ...[]string) []string {
	seen := map[string]struct{}{}
	var out []string
	for _, l := range lists {
		for _, a := range l {
			if _, ok := seen[a]; !ok {
				seen[a] = struct{}{}
				out = append(out, a)
			}
		}
	}
	sort.Strings(out)
	return out
}
