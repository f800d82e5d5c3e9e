package engine

import (
	"fmt"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/gatehq/gate/engine/model"
)

// IndexKey is the input key under which the engine indexes Terraform
// resources by mode and type for gate.lib.terraform.
const IndexKey = "_index"

// InputValue converts a document's input into the value rules see. For
// Terraform documents it adds input._index.<mode>.<type> = [resources],
// built from the same terms as input.resources (no copy), so that rules
// find the resources of a type by lookup rather than by scanning.
func InputValue(d *model.Document) (ast.Value, error) {
	rs, ok := d.Input["resources"].([]any)
	if d.Kind != model.KindTerraform || !ok {
		v, err := ast.InterfaceToValue(d.Input)
		if err != nil {
			return nil, fmt.Errorf("convert document: %w", err)
		}
		return v, nil
	}
	terms := make([]*ast.Term, len(rs))
	byMode := map[string]map[string][]*ast.Term{}
	for i, r := range rs {
		v, err := ast.InterfaceToValue(r)
		if err != nil {
			return nil, fmt.Errorf("convert resource %d: %w", i, err)
		}
		terms[i] = ast.NewTerm(v)
		m, _ := r.(map[string]any)
		mode, _ := m["mode"].(string)
		typ, _ := m["type"].(string)
		if byMode[mode] == nil {
			byMode[mode] = map[string][]*ast.Term{}
		}
		byMode[mode][typ] = append(byMode[mode][typ], terms[i])
	}
	index := ast.NewObject()
	for _, mode := range []string{"managed", "data"} {
		obj := ast.NewObject()
		for typ, list := range byMode[mode] {
			obj.Insert(ast.StringTerm(typ), ast.ArrayTerm(list...))
		}
		index.Insert(ast.StringTerm(mode), ast.NewTerm(obj))
	}
	top := ast.NewObject()
	for k, v := range d.Input {
		if k == "resources" {
			continue
		}
		val, err := ast.InterfaceToValue(v)
		if err != nil {
			return nil, fmt.Errorf("convert document key %s: %w", k, err)
		}
		top.Insert(ast.StringTerm(k), ast.NewTerm(val))
	}
	top.Insert(ast.StringTerm("resources"), ast.ArrayTerm(terms...))
	top.Insert(ast.StringTerm(IndexKey), ast.NewTerm(index))
	return top, nil
}
