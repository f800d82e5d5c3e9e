package engine

import (
	"fmt"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/gatehq/gate/engine/model"
	"github.com/gatehq/gate/internal/par"
)

// IndexKey is the input key under which the engine indexes Terraform
// resources by mode and type for gate.lib.terraform.
const IndexKey = "_index"

// InputValue converts a document's input into the value rules see. For
// Terraform documents it adds input._index, built in one pass in Go so that
// rules look resources up rather than scan (Rego builds the same indexes
// from input.resources when _index is absent, as in unit tests with a
// literal input; TestGoIndexMatchesRego keeps the two equal):
//
//   - _index.<mode>.<type> = [resources] (the same terms as
//     input.resources, no copy), for gate.lib.terraform.resources;
//   - _index.by_address[config address] = [positions in input.resources];
//   - _index.managed_by_type[type] = [positions of managed resources];
//   - _index.by_identity[v] = [positions of managed resources whose id,
//     arn, bucket or name is the known string v];
//   - _index.address_kinds[config address] = [mode, type];
//   - _index.links, literal_links, floating, literal_only: gate.lib.aws's
//     joins between resources and the resources that configure them
//     (joins.go);
//
// the last eight for gate.lib.aws.
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
	var byAddress, managedByType, byIdentity positions
	// Converting a large plan's resources is a tenth of its evaluation:
	// spread it over the cores.
	err := par.Ranges(len(rs), 256, func(i int) error {
		v, err := ast.InterfaceToValue(rs[i])
		if err != nil {
			return fmt.Errorf("convert resource %d: %w", i, err)
		}
		terms[i] = ast.NewTerm(v)
		return nil
	})
	if err != nil {
		return nil, err
	}
	maps := make([]map[string]any, len(rs))
	kinds := map[string][2]string{}
	for i, r := range rs {
		m, _ := r.(map[string]any)
		maps[i] = m
		mode, _ := m["mode"].(string)
		typ, _ := m["type"].(string)
		if byMode[mode] == nil {
			byMode[mode] = map[string][]*ast.Term{}
		}
		byMode[mode][typ] = append(byMode[mode][typ], terms[i])
		if a, ok := m["config_address"].(string); ok {
			byAddress.add(a, i)
			if _, seen := kinds[a]; !seen {
				kinds[a] = [2]string{mode, typ}
			}
		}
		if mode != "managed" {
			continue
		}
		managedByType.add(typ, i)
		values, _ := m["values"].(map[string]any)
		for _, k := range identityKeys {
			if s, ok := values[k].(string); ok && s != model.Unknown {
				byIdentity.add(s, i)
			}
		}
	}
	// The joins need every address's kind: a second pass, over the
	// configuring resources only.
	j := &joinIndex{relations: joinKinds(), rs: maps, byAddress: byAddress, kinds: kinds}
	for i, m := range maps {
		typ, _ := m["type"].(string)
		if m["mode"] == "managed" && j.relations[typ] != nil {
			j.build(i, m, typ)
		}
	}
	index := ast.NewObject()
	index.Insert(ast.StringTerm("links"), j.links.term())
	index.Insert(ast.StringTerm("literal_links"), j.literalLinks.term())
	index.Insert(ast.StringTerm("floating"), j.floating.term())
	index.Insert(ast.StringTerm("literal_only"), j.literalOnly.term())
	for _, mode := range []string{"managed", "data"} {
		obj := ast.NewObject()
		for typ, list := range byMode[mode] {
			obj.Insert(ast.StringTerm(typ), ast.ArrayTerm(list...))
		}
		index.Insert(ast.StringTerm(mode), ast.NewTerm(obj))
	}
	akinds := ast.NewObject()
	for a, mt := range kinds {
		akinds.Insert(ast.StringTerm(a), ast.ArrayTerm(ast.StringTerm(mt[0]), ast.StringTerm(mt[1])))
	}
	index.Insert(ast.StringTerm("by_address"), byAddress.term())
	index.Insert(ast.StringTerm("managed_by_type"), managedByType.term())
	index.Insert(ast.StringTerm("by_identity"), byIdentity.term())
	index.Insert(ast.StringTerm("address_kinds"), ast.NewTerm(akinds))
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

// identityKeys are the attributes that identify a resource when another
// names it by a literal (gate.lib.aws.identity_keys).
var identityKeys = [...]string{"id", "arn", "bucket", "name"}

// positions maps a key to ascending, distinct positions in input.resources.
type positions map[string][]int

func (p *positions) add(key string, i int) {
	if *p == nil {
		*p = positions{}
	}
	l := (*p)[key]
	if n := len(l); n > 0 && l[n-1] == i {
		return // the same resource under two identity keys
	}
	(*p)[key] = append(l, i)
}

func (p positions) term() *ast.Term {
	obj := ast.NewObject()
	for k, l := range p {
		ts := make([]*ast.Term, len(l))
		for j, i := range l {
			ts[j] = ast.InternedTerm(i)
		}
		obj.Insert(ast.StringTerm(k), ast.ArrayTerm(ts...))
	}
	return ast.NewTerm(obj)
}
