// Package synth generates realistic synthetic Terraform inputs — plan JSON
// and source directories — of any size, deterministically from a seed, for
// benchmarks, scaling tests and comparisons with other tools.
package synth

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// kind is one resource shape: its type, and its planned values given a
// random source and whether this instance is misconfigured.
type kind struct {
	typ      string
	provider string
	values   func(r *rand.Rand, i int, bad bool) map[string]any
	unknown  map[string]any
	// child, when set, adds a second resource that configures the first
	// through a reference (aws_s3_bucket_versioning → aws_s3_bucket).
	child *kind
	// refAttr is the attribute of child that references the parent.
	refAttr string
}

func cidr(bad bool) []any {
	if bad {
		return []any{"0.0.0.0/0"}
	}
	return []any{"10.0.0.0/8"}
}

var kinds = []kind{
	{typ: "aws_s3_bucket", provider: "aws",
		values: func(r *rand.Rand, i int, bad bool) map[string]any {
			return map[string]any{"bucket": fmt.Sprintf("bucket-%d", i), "force_destroy": false, "tags": map[string]any{"team": "t" + fmt.Sprint(i%7)}}
		},
		unknown: map[string]any{"id": true, "arn": true, "versioning": true, "server_side_encryption_configuration": true, "logging": true},
		child: &kind{typ: "aws_s3_bucket_versioning", provider: "aws",
			values: func(r *rand.Rand, i int, bad bool) map[string]any {
				status := "Enabled"
				if bad {
					status = "Suspended"
				}
				return map[string]any{"versioning_configuration": []any{map[string]any{"status": status}}}
			},
			unknown: map[string]any{"id": true, "bucket": true}},
		refAttr: "bucket"},
	{typ: "aws_db_instance", provider: "aws",
		values: func(r *rand.Rand, i int, bad bool) map[string]any {
			return map[string]any{"identifier": fmt.Sprintf("db-%d", i), "engine": "postgres", "instance_class": "db.t3.medium",
				"allocated_storage": float64(20 + r.IntN(100)), "storage_encrypted": !bad, "publicly_accessible": bad,
				"backup_retention_period": float64(map[bool]int{true: 1, false: 14}[bad]), "deletion_protection": !bad, "password": "x"}
		},
		unknown: map[string]any{"id": true, "arn": true, "endpoint": true, "kms_key_id": true}},
	{typ: "aws_security_group", provider: "aws",
		values: func(r *rand.Rand, i int, bad bool) map[string]any {
			return map[string]any{"name": fmt.Sprintf("sg-%d", i), "vpc_id": "vpc-1", "description": "managed",
				"ingress": []any{map[string]any{"from_port": float64(22), "to_port": float64(22), "protocol": "tcp", "cidr_blocks": cidr(bad),
					"ipv6_cidr_blocks": []any{}, "prefix_list_ids": []any{}, "security_groups": []any{}, "self": false, "description": "ssh"}}}
		},
		unknown: map[string]any{"id": true, "arn": true, "egress": true}},
	{typ: "aws_ebs_volume", provider: "aws",
		values: func(r *rand.Rand, i int, bad bool) map[string]any {
			return map[string]any{"availability_zone": "eu-west-1a", "size": float64(10 + r.IntN(500)), "encrypted": !bad}
		},
		unknown: map[string]any{"id": true, "arn": true, "kms_key_id": true}},
	{typ: "aws_kms_key", provider: "aws",
		values: func(r *rand.Rand, i int, bad bool) map[string]any {
			return map[string]any{"description": "key", "enable_key_rotation": !bad, "key_usage": "ENCRYPT_DECRYPT", "customer_master_key_spec": "SYMMETRIC_DEFAULT"}
		},
		unknown: map[string]any{"id": true, "arn": true, "policy": true}},
	{typ: "aws_cloudtrail", provider: "aws",
		values: func(r *rand.Rand, i int, bad bool) map[string]any {
			return map[string]any{"name": fmt.Sprintf("trail-%d", i), "is_multi_region_trail": !bad, "enable_log_file_validation": !bad,
				"include_global_service_events": true, "enable_logging": true}
		},
		unknown: map[string]any{"id": true, "arn": true, "s3_bucket_name": true, "kms_key_id": true}},
	{typ: "azurerm_storage_account", provider: "azurerm",
		values: func(r *rand.Rand, i int, bad bool) map[string]any {
			tls := "TLS1_2"
			if bad {
				tls = "TLS1_0"
			}
			return map[string]any{"name": fmt.Sprintf("sa%d", i), "resource_group_name": "rg", "location": "westeurope",
				"account_tier": "Standard", "account_replication_type": "GRS", "min_tls_version": tls,
				"https_traffic_only_enabled": !bad, "allow_nested_items_to_be_public": bad}
		},
		unknown: map[string]any{"id": true, "primary_access_key": true}},
	{typ: "azurerm_network_security_rule", provider: "azurerm",
		values: func(r *rand.Rand, i int, bad bool) map[string]any {
			src := "10.0.0.0/8"
			if bad {
				src = "*"
			}
			return map[string]any{"name": fmt.Sprintf("rule%d", i), "priority": float64(100 + i%3000), "direction": "Inbound", "access": "Allow",
				"protocol": "Tcp", "source_port_range": "*", "destination_port_range": "3389", "source_address_prefix": src,
				"destination_address_prefix": "*", "resource_group_name": "rg", "network_security_group_name": "nsg"}
		},
		unknown: map[string]any{"id": true}},
	{typ: "google_storage_bucket", provider: "google",
		values: func(r *rand.Rand, i int, bad bool) map[string]any {
			return map[string]any{"name": fmt.Sprintf("gcs-%d", i), "location": "EU", "uniform_bucket_level_access": !bad,
				"public_access_prevention": map[bool]string{true: "inherited", false: "enforced"}[bad],
				"versioning":               []any{map[string]any{"enabled": !bad}}}
		},
		unknown: map[string]any{"id": true, "self_link": true, "url": true}},
	{typ: "google_compute_firewall", provider: "google",
		values: func(r *rand.Rand, i int, bad bool) map[string]any {
			src := []any{"10.0.0.0/8"}
			if bad {
				src = []any{"0.0.0.0/0"}
			}
			return map[string]any{"name": fmt.Sprintf("fw-%d", i), "network": "default", "direction": "INGRESS", "disabled": false,
				"source_ranges": src, "allow": []any{map[string]any{"protocol": "tcp", "ports": []any{"22"}}}, "deny": []any{}}
		},
		unknown: map[string]any{"id": true, "self_link": true}},
	{typ: "google_kms_crypto_key", provider: "google",
		values: func(r *rand.Rand, i int, bad bool) map[string]any {
			v := map[string]any{"name": fmt.Sprintf("key-%d", i), "purpose": "ENCRYPT_DECRYPT"}
			if !bad {
				v["rotation_period"] = "7776000s"
			}
			return v
		},
		unknown: map[string]any{"id": true, "key_ring": true}},
}

// Options shape a generated input.
type Options struct {
	Resources int     // total resources (approximate for kinds with children)
	Seed      uint64  // same seed, same output
	BadRatio  float64 // share of misconfigured resources (default 0.2)
	Modules   int     // resources are spread over this many module instances (default 10)
	// Files spreads the root module's resources over this many .tf files
	// in WriteDir (default 1: main.tf).
	Files int
}

type res struct {
	addr, module, typ, name, provider string
	index                             any
	values, unknown                   map[string]any
	refAttr, refTo                    string // child's attribute → parent's config address (within the module)
	moduleCall                        string
}

func generate(o Options) []res {
	if o.BadRatio == 0 {
		o.BadRatio = 0.2
	}
	if o.Modules <= 0 {
		o.Modules = 10
	}
	r := rand.New(rand.NewPCG(o.Seed, o.Seed^0x9e3779b97f4a7c15))
	var out []res
	for i := 0; len(out) < o.Resources; i++ {
		k := kinds[i%len(kinds)]
		bad := r.Float64() < o.BadRatio
		mod := ""
		call := ""
		if m := i % (o.Modules + 1); m > 0 {
			call = fmt.Sprintf("m%d", m)
			mod = fmt.Sprintf("module.%s", call)
		}
		name := fmt.Sprintf("r%d", i)
		prefix := ""
		if mod != "" {
			prefix = mod + "."
		}
		out = append(out, res{addr: prefix + k.typ + "." + name, module: mod, moduleCall: call, typ: k.typ, name: name, provider: k.provider,
			values: k.values(r, i, bad), unknown: k.unknown})
		if k.child != nil && len(out) < o.Resources {
			c := k.child
			out = append(out, res{addr: prefix + c.typ + "." + name, module: mod, moduleCall: call, typ: c.typ, name: name, provider: c.provider,
				values: c.values(r, i, bad), unknown: c.unknown, refAttr: k.refAttr, refTo: k.typ + "." + name})
		}
	}
	return out
}

// WritePlanFile writes the plan of WritePlan to a new file at path.
func WritePlanFile(path string, o Options) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := WritePlan(f, o); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// WritePlan writes a plan JSON (format 1.2) with resource_changes and a
// configuration whose expressions carry the references.
func WritePlan(w io.Writer, o Options) error {
	rs := generate(o)
	bw := bufio.NewWriterSize(w, 1<<20)
	enc := json.NewEncoder(bw)
	bw.WriteString(`{"format_version":"1.2","terraform_version":"1.9.8","resource_changes":[`)
	for i, x := range rs {
		if i > 0 {
			bw.WriteByte(',')
		}
		rc := map[string]any{
			"address": x.addr, "mode": "managed", "type": x.typ, "name": x.name,
			"provider_name": "registry.terraform.io/hashicorp/" + x.provider,
			"change": map[string]any{"actions": []any{"create"}, "before": nil, "after": x.values, "after_unknown": x.unknown,
				"before_sensitive": false, "after_sensitive": map[string]any{}},
		}
		if x.module != "" {
			rc["module_address"] = x.module
		}
		if err := enc.Encode(rc); err != nil {
			return err
		}
	}
	bw.WriteString(`],"configuration":{"root_module":{"resources":[`)
	mods := map[string][]res{}
	var order []string
	first := true
	for _, x := range rs {
		if x.moduleCall != "" {
			if _, ok := mods[x.moduleCall]; !ok {
				order = append(order, x.moduleCall)
			}
			mods[x.moduleCall] = append(mods[x.moduleCall], x)
			continue
		}
		if !first {
			bw.WriteByte(',')
		}
		first = false
		if err := enc.Encode(configResource(x)); err != nil {
			return err
		}
	}
	bw.WriteString(`],"module_calls":{`)
	for i, m := range order {
		if i > 0 {
			bw.WriteByte(',')
		}
		fmt.Fprintf(bw, `%q:{"source":"./modules/%s","module":{"resources":[`, m, m)
		for j, x := range mods[m] {
			if j > 0 {
				bw.WriteByte(',')
			}
			if err := enc.Encode(configResource(x)); err != nil {
				return err
			}
		}
		bw.WriteString(`]}}`)
	}
	bw.WriteString("}}}}\n")
	return bw.Flush()
}

func configResource(x res) map[string]any {
	ex := map[string]any{}
	if x.refAttr != "" {
		ex[x.refAttr] = map[string]any{"references": []any{x.refTo + ".id", x.refTo}}
	}
	return map[string]any{"address": x.typ + "." + x.name, "mode": "managed", "type": x.typ, "name": x.name,
		"provider_config_key": x.provider, "expressions": ex, "schema_version": 0}
}

// WriteDir writes a Terraform root module under dir: main.tf with the root
// resources and one local child module per module call.
func WriteDir(dir string, o Options) error {
	rs := generate(o)
	files := map[string]*strings.Builder{}
	get := func(p string) *strings.Builder {
		b := files[p]
		if b == nil {
			b = &strings.Builder{}
			files[p] = b
		}
		return b
	}
	calls := map[string]bool{}
	for _, x := range rs {
		p := "main.tf"
		if o.Files > 1 {
			p = fmt.Sprintf("r%03d.tf", len(files)%o.Files)
		}
		if x.moduleCall != "" {
			p = filepath.Join("modules", x.moduleCall, "main.tf")
			calls[x.moduleCall] = true
		}
		b := get(p)
		fmt.Fprintf(b, "resource %q %q {\n", x.typ, x.name)
		writeBody(b, x.values, "  ", x)
		b.WriteString("}\n\n")
	}
	root := get("main.tf")
	for i := 1; i <= len(calls); i++ {
		c := fmt.Sprintf("m%d", i)
		if calls[c] {
			fmt.Fprintf(root, "module %q {\n  source = \"./modules/%s\"\n}\n\n", c, c)
		}
	}
	for p, b := range files {
		full := filepath.Join(dir, p)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(full, []byte(b.String()), 0o644); err != nil {
			return err
		}
	}
	return nil
}

func writeBody(b *strings.Builder, v map[string]any, indent string, x res) {
	if x.refAttr != "" {
		fmt.Fprintf(b, "%s%s = %s.id\n", indent, x.refAttr, x.refTo)
	}
	keys := make([]string, 0, len(v))
	for k := range v {
		keys = append(keys, k)
	}
	sortStrings(keys)
	for _, k := range keys {
		switch val := v[k].(type) {
		case []any:
			if len(val) > 0 {
				if m, ok := val[0].(map[string]any); ok {
					for _, e := range val {
						m = e.(map[string]any)
						fmt.Fprintf(b, "%s%s {\n", indent, k)
						writeBody(b, m, indent+"  ", res{})
						fmt.Fprintf(b, "%s}\n", indent)
					}
					continue
				}
			}
			j, _ := json.Marshal(val)
			fmt.Fprintf(b, "%s%s = %s\n", indent, k, j)
		default:
			j, _ := json.Marshal(val)
			fmt.Fprintf(b, "%s%s = %s\n", indent, k, j)
		}
	}
}

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}
