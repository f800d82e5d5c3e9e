// Package hcl reads Terraform configuration source (.tf files) into the
// document shape rules see (rules/README.md, "Terraform input shape").
//
// ReadDir reads one root module: every *.tf file of the directory (override
// files merged the way Terraform merges them), the local child modules it
// calls (recursively, with their inputs), terraform.tfvars(.json),
// *.auto.tfvars(.json) and the -var-file paths in Options. FindModuleDirs
// lists the root modules under a scan root.
//
// Evaluation follows Terraform as far as a static reader can:
//
//   - variables take their default, then tfvars values (in Terraform's
//     precedence), or the module call's argument in a child module; a
//     variable without a value is unknown. Variables declared sensitive are
//     written as "<<sensitive>>".
//   - locals are evaluated in dependency order; a local in a cycle is unknown.
//   - count and for_each with known values expand instances (count.index,
//     each.key, each.value); an unknown count or for_each gives one instance
//     with index null and a note. At most 10000 instances are read per block.
//   - a reference to a resource, data source or module output evaluates to
//     the unknown marker "<<unknown>>" and is recorded in refs under the
//     attribute's path (dotted through nested blocks, without indices), with
//     the config address of what it names (module-qualified). References
//     through locals, variables passed to child modules, for_each values and
//     dynamic-block iterators are followed to the resources behind them.
//   - nested blocks become arrays of objects; dynamic blocks are expanded
//     when their for_each is known, otherwise the block list gets one
//     "<<unknown>>" element. Attributes that are not written are absent.
//   - the Terraform function library is available (go-cty stdlib, try/can,
//     hashes and encodings, file/templatefile within the scan root);
//     functions whose result is not known before apply (timestamp, uuid, …)
//     or that are not implemented return an unknown value.
//
// Numbers are converted the same way everywhere in the document: integers
// of magnitude up to 2^53, and decimals whose nearest float64 has the same
// shortest decimal form as the exact value (0.25, 0.1), are float64; any
// other number is a json.Number holding the exact value (all digits for an
// integer, such as 9007199254740993).
//
// Hostile input is bounded: files over Options.MaxFileSize, binary or
// non-UTF-8 files and files nested deeper than the parser can safely follow
// are input errors; evaluation draws on a fixed budget per document, and
// running out of it is an input error (never a silent "unknown"), so a
// configuration cannot hide resources from the rules by being expensive.
package hcl
