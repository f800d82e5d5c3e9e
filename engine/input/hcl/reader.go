package hcl

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	hcljson "github.com/hashicorp/hcl/v2/json"
	"github.com/zclconf/go-cty/cty/function"

	"github.com/gatehq/gate/engine/model"
)

// Options tells ReadDir where the scan root is and which extra variable
// files to load.
type Options struct {
	// Root is the scan root: positions, file records and errors name files
	// by their slash-separated path relative to it.
	Root string
	// VarFiles are extra -var-file paths, loaded after the automatic ones in
	// the order given (later files win).
	VarFiles []string
	// MaxFileSize is the largest file read, in bytes; 0 means 10 MiB.
	MaxFileSize int64
}

const (
	defaultMaxFileSize = 10 << 20
	maxModuleDepth     = 20
	maxInstances       = 10000
	// maxNesting bounds how deep the parser may recurse on one file
	// (brackets, templates and chained operators; see nestingTooDeep).
	maxNesting = 500
	// maxValueDepth bounds how deeply nested an evaluated value may be.
	maxValueDepth = 100
	maxNotes      = 200
)

// skippedDirs are never searched for modules.
var skippedDirs = map[string]bool{".git": true, ".terraform": true, "node_modules": true}

// reader holds the state of one ReadDir call.
type reader struct {
	ctx      context.Context
	opts     Options
	root     string // absolute scan root
	rootReal string // scan root with symlinks resolved, for file() containment
	rootDir  string // absolute root module directory
	maxSize  int64

	files   map[string]*srcFile      // parsed files by absolute path (nil: could not be read)
	modules map[string]*moduleConfig // module configurations by absolute directory
	inputs  map[string]model.InputFile
	aux     map[string][]byte // files read by file()/templatefile()

	errs         []*model.InputError
	notes        []string
	noteSet      map[string]bool
	notesDropped int

	budget         *budget
	budgetReported bool
	funcs          map[string]function.Function
	astSizes       map[hclsyntax.Expression]int64 // node counts of attribute expressions

	resources    []any
	moduleList   []any
	moduleSeen   map[string]bool
	positions    model.Positions
	suppressions map[string]model.Suppression
}

func newReader(ctx context.Context, dir string, opts Options, units int64) (*reader, error) {
	root := opts.Root
	if root == "" {
		root = dir
	}
	absRoot, err := filepath.Abs(root)
	if err != nil {
		return nil, fmt.Errorf("resolve scan root %s: %w", root, err)
	}
	absDir, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("resolve directory %s: %w", dir, err)
	}
	rootReal, err := filepath.EvalSymlinks(absRoot)
	if err != nil {
		rootReal = absRoot
	}
	maxSize := opts.MaxFileSize
	if maxSize <= 0 {
		maxSize = defaultMaxFileSize
	}
	r := &reader{
		ctx:          ctx,
		opts:         opts,
		root:         absRoot,
		rootReal:     rootReal,
		rootDir:      absDir,
		maxSize:      maxSize,
		files:        map[string]*srcFile{},
		modules:      map[string]*moduleConfig{},
		inputs:       map[string]model.InputFile{},
		aux:          map[string][]byte{},
		noteSet:      map[string]bool{},
		budget:       &budget{left: units},
		astSizes:     map[hclsyntax.Expression]int64{},
		moduleSeen:   map[string]bool{},
		positions:    model.Positions{},
		suppressions: map[string]model.Suppression{},
	}
	r.funcs = r.functions()
	return r, nil
}

// ReadDir reads the Terraform root module in dir (all *.tf in that
// directory, not subdirectories), follows local child modules (source =
// "./x" or "../x") recursively with their inputs, and loads terraform.tfvars,
// *.auto.tfvars and opts.VarFiles. It returns one document (nil if dir has no
// .tf files) and input errors (file:line:col) for files that could not be
// parsed; a file that fails to parse is reported and the rest of the module
// is still read.
func ReadDir(ctx context.Context, dir string, opts Options) (*model.Document, []*model.InputError) {
	return readDir(ctx, dir, opts, budgetUnits)
}

// readDir is ReadDir with an evaluation budget of the given size.
func readDir(ctx context.Context, dir string, opts Options, units int64) (doc *model.Document, errs []*model.InputError) {
	r, err := newReader(ctx, dir, opts, units)
	if err != nil {
		return nil, []*model.InputError{{Path: filepath.ToSlash(dir), Err: err}}
	}
	relDir := r.rel(r.rootDir)
	defer func() {
		if p := recover(); p != nil {
			doc = nil
			errs = append(r.errs, &model.InputError{Path: relDir,
				Err: fmt.Errorf("internal error reading Terraform module: %v\n%s", p, debug.Stack())})
		}
	}()
	if err := ctx.Err(); err != nil {
		return nil, []*model.InputError{{Path: relDir, Err: err}}
	}
	cfg, err := r.loadModule(r.rootDir)
	if err != nil {
		return nil, []*model.InputError{{Path: relDir, Err: err}}
	}
	if cfg.tfFiles == 0 {
		return nil, r.errs
	}
	root := &moduleInst{r: r, cfg: cfg, stack: []string{r.rootDir}, pathModule: "."}
	inputs := r.rootInputs()
	root.run(inputs, true)
	if err := ctx.Err(); err != nil {
		return nil, append(r.errs, &model.InputError{Path: relDir, Err: err})
	}
	sortErrors(r.errs)
	return r.document(relDir, root), r.errs
}

// sortErrors orders input errors by file, line and column.
func sortErrors(errs []*model.InputError) {
	sort.SliceStable(errs, func(i, j int) bool {
		a, b := errs[i], errs[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Column < b.Column
	})
}

func (r *reader) document(relDir string, root *moduleInst) *model.Document {
	vars := map[string]any{}
	for name, v := range root.vars {
		vars[name] = toJSON(v)
	}
	resources := r.resources
	if resources == nil {
		resources = []any{}
	}
	modules := r.moduleList
	if modules == nil {
		modules = []any{}
	}
	doc := &model.Document{
		Kind:   model.KindTerraform,
		Source: "hcl",
		Path:   relDir,
		Input: map[string]any{
			"kind":      model.KindTerraform,
			"source":    "hcl",
			"path":      relDir,
			"resources": resources,
			"modules":   modules,
			"variables": vars,
		},
		Positions: r.positions,
	}
	for _, f := range r.inputs {
		doc.Files = append(doc.Files, f)
	}
	sort.Slice(doc.Files, func(i, j int) bool { return doc.Files[i].Path < doc.Files[j].Path })
	for _, s := range r.suppressions {
		doc.Suppressions = append(doc.Suppressions, s)
	}
	sort.Slice(doc.Suppressions, func(i, j int) bool {
		a, b := doc.Suppressions[i], doc.Suppressions[j]
		if a.Location.File != b.Location.File {
			return a.Location.File < b.Location.File
		}
		if a.Location.Line != b.Location.Line {
			return a.Location.Line < b.Location.Line
		}
		if a.Subject != b.Subject {
			return a.Subject < b.Subject
		}
		return a.RuleID < b.RuleID
	})
	doc.Notes = append(doc.Notes, r.notes...)
	if r.notesDropped > 0 {
		doc.Notes = append(doc.Notes, fmt.Sprintf("%d further notes left out", r.notesDropped))
	}
	return doc
}

// rel names a file or directory relative to the scan root, slash-separated.
func (r *reader) rel(abs string) string {
	rel, err := filepath.Rel(r.root, abs)
	if err != nil {
		return filepath.ToSlash(abs)
	}
	return filepath.ToSlash(rel)
}

// note records a fact worth showing, once.
func (r *reader) note(format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if r.noteSet[msg] {
		return
	}
	if len(r.notes) >= maxNotes {
		r.notesDropped++
		return
	}
	r.noteSet[msg] = true
	r.notes = append(r.notes, msg)
}

// inputError records an input error at a source range.
func (r *reader) inputError(rng *hcl.Range, path string, err error) {
	ie := &model.InputError{Path: path, Err: err}
	if rng != nil {
		ie.Path = rng.Filename
		ie.Line = rng.Start.Line
		ie.Column = rng.Start.Column
	}
	r.errs = append(r.errs, ie)
}

func position(rng hcl.Range) model.Position {
	return model.Position{File: rng.Filename, Line: rng.Start.Line, Column: rng.Start.Column,
		EndLine: rng.End.Line, EndColumn: rng.End.Column}
}

func rangeString(rng hcl.Range) string {
	return fmt.Sprintf("%s:%d:%d", rng.Filename, rng.Start.Line, rng.Start.Column)
}

// srcFile is one parsed configuration or variables file.
type srcFile struct {
	abs, rel string
	body     *hclsyntax.Body // .tf and .tfvars
	jsonBody hcl.Body        // .tfvars.json
	ignores  []ignoreComment
}

type fileKind int

const (
	kindConfig fileKind = iota
	kindVarsHCL
	kindVarsJSON
)

// readText reads a file for parsing: size limit, encoding checks, and the
// evidence record. It returns the text without a UTF-8 byte-order mark.
func (r *reader) readText(abs string, explicit bool) ([]byte, *model.InputError) {
	rel := r.rel(abs)
	data, err := r.readLimited(abs)
	if err != nil {
		return nil, &model.InputError{Path: rel, Err: err, Explicit: explicit}
	}
	if line, col, err := checkText(data); err != nil {
		return nil, &model.InputError{Path: rel, Line: line, Column: col, Err: err, Explicit: explicit}
	}
	return bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), nil
}

// readLimited reads a regular file of at most maxSize bytes and records it.
func (r *reader) readLimited(abs string) ([]byte, error) {
	f, err := os.Open(abs)
	if err != nil {
		return nil, fmt.Errorf("open: %w", err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("stat: %w", err)
	}
	if !st.Mode().IsRegular() {
		return nil, errors.New("not a regular file")
	}
	if st.Size() > r.maxSize {
		return nil, fmt.Errorf("file is %d bytes, over the %d-byte limit", st.Size(), r.maxSize)
	}
	data, err := io.ReadAll(io.LimitReader(f, r.maxSize+1))
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	if int64(len(data)) > r.maxSize {
		return nil, fmt.Errorf("file is over the %d-byte limit", r.maxSize)
	}
	sum := sha256.Sum256(data)
	rel := r.rel(abs)
	r.inputs[rel] = model.InputFile{Path: rel, SHA256: hex.EncodeToString(sum[:]), Size: int64(len(data))}
	return data, nil
}

// checkText rejects binary, UTF-16 and otherwise non-UTF-8 content, naming
// the line and column of the first offending byte.
func checkText(b []byte) (line, col int, err error) {
	if bytes.HasPrefix(b, []byte{0xFF, 0xFE}) || bytes.HasPrefix(b, []byte{0xFE, 0xFF}) {
		return 1, 1, errors.New("file is UTF-16 encoded; Terraform files must be UTF-8")
	}
	binary := bytes.IndexByte(b, 0) >= 0
	line, col = 1, 1
	for i := 0; i < len(b); {
		c := b[i]
		if c == 0 {
			return line, col, errors.New("binary file: contains a NUL byte")
		}
		if c < utf8.RuneSelf {
			if c == '\n' {
				line++
				col = 1
			} else {
				col++
			}
			i++
			continue
		}
		ru, size := utf8.DecodeRune(b[i:])
		if ru == utf8.RuneError && size <= 1 && !binary {
			return line, col, fmt.Errorf("not valid UTF-8 (byte 0x%02x); Terraform files must be UTF-8", c)
		}
		i += size
		col++
	}
	return 0, 0, nil
}

// parseFile reads and parses one file, once. It returns nil when the file
// could not be read or parsed; the error is recorded.
func (r *reader) parseFile(abs string, kind fileKind, explicit bool) (sf *srcFile) {
	if f, ok := r.files[abs]; ok {
		return f
	}
	rel := r.rel(abs)
	defer func() {
		if p := recover(); p != nil {
			r.errs = append(r.errs, &model.InputError{Path: rel, Explicit: explicit,
				Err: fmt.Errorf("internal error parsing file: %v", p)})
			sf = nil
		}
		r.files[abs] = sf
	}()
	src, ie := r.readText(abs, explicit)
	if ie != nil {
		r.errs = append(r.errs, ie)
		return nil
	}
	sf = &srcFile{abs: abs, rel: rel}
	r.budget.grant(sourceGrant * int64(len(src)))
	if kind == kindVarsJSON {
		if rng, ok := jsonTooDeep(src, rel); ok {
			r.errs = append(r.errs, &model.InputError{Path: rel, Line: rng.Start.Line, Column: rng.Start.Column,
				Explicit: explicit, Err: fmt.Errorf("JSON nested deeper than %d levels", maxNesting)})
			return nil
		}
		f, diags := hcljson.Parse(src, rel)
		if diags.HasErrors() {
			r.errs = append(r.errs, diagError(rel, diags, explicit))
			return nil
		}
		sf.jsonBody = f.Body
		return sf
	}
	toks, _ := hclsyntax.LexConfig(src, rel, hcl.InitialPos)
	if rng, ok := nestingTooDeep(toks); ok {
		r.errs = append(r.errs, &model.InputError{Path: rel, Line: rng.Start.Line, Column: rng.Start.Column,
			Explicit: explicit, Err: fmt.Errorf("expression nested deeper than %d levels", maxNesting)})
		return nil
	}
	var ignores []ignoreComment
	if kind == kindConfig {
		var errs []*model.InputError
		ignores, errs = scanIgnores(toks)
		r.errs = append(r.errs, errs...)
	}
	toks = nil
	f, diags := hclsyntax.ParseConfig(src, rel, hcl.InitialPos)
	if diags.HasErrors() {
		r.errs = append(r.errs, diagError(rel, diags, explicit))
		return nil
	}
	body, ok := f.Body.(*hclsyntax.Body)
	if !ok {
		r.errs = append(r.errs, &model.InputError{Path: rel, Explicit: explicit, Err: errors.New("not native HCL syntax")})
		return nil
	}
	instrument(body, r.astSizes)
	sf.body = body
	sf.ignores = ignores
	return sf
}

// diagError turns the first error of a parse into an input error.
func diagError(rel string, diags hcl.Diagnostics, explicit bool) *model.InputError {
	var first *hcl.Diagnostic
	n := 0
	for _, d := range diags {
		if d.Severity != hcl.DiagError {
			continue
		}
		if first == nil {
			first = d
		}
		n++
	}
	if first == nil {
		return &model.InputError{Path: rel, Explicit: explicit, Err: errors.New("invalid file")}
	}
	msg := first.Summary
	if first.Detail != "" {
		msg += ": " + first.Detail
	}
	if n > 1 {
		msg += fmt.Sprintf(" (and %d more errors)", n-1)
	}
	ie := &model.InputError{Path: rel, Explicit: explicit, Err: errors.New(msg)}
	if first.Subject != nil {
		ie.Line = first.Subject.Start.Line
		ie.Column = first.Subject.Start.Column
	}
	return ie
}

// nestingTooDeep estimates how deeply the HCL parser and evaluator will
// recurse on a token stream and reports the first token past maxNesting.
// Brackets, quotes, heredocs, template sequences and directives each add a
// level; so do the operators of one expression (the parser nests
// conditionals and unary operators, and left-nested operator chains make
// deep trees), counted until a comma, a closing bracket or the end of a
// line in a block body or object.
func nestingTooDeep(toks hclsyntax.Tokens) (hcl.Range, bool) {
	type frame struct {
		brace bool
		ops   int
	}
	stack := []frame{{brace: true}}
	opsTotal := 0
	directives := 0
	afterControl := false
	for _, t := range toks {
		top := &stack[len(stack)-1]
		switch t.Type {
		case hclsyntax.TokenOBrace:
			stack = append(stack, frame{brace: true})
		case hclsyntax.TokenOBrack, hclsyntax.TokenOParen, hclsyntax.TokenOQuote, hclsyntax.TokenOHeredoc,
			hclsyntax.TokenTemplateInterp, hclsyntax.TokenTemplateControl:
			stack = append(stack, frame{})
		case hclsyntax.TokenCBrace, hclsyntax.TokenCBrack, hclsyntax.TokenCParen, hclsyntax.TokenCQuote,
			hclsyntax.TokenCHeredoc, hclsyntax.TokenTemplateSeqEnd:
			if len(stack) > 1 {
				opsTotal -= top.ops
				stack = stack[:len(stack)-1]
			}
		case hclsyntax.TokenComma:
			opsTotal -= top.ops
			top.ops = 0
		case hclsyntax.TokenNewline:
			if top.brace {
				opsTotal -= top.ops
				top.ops = 0
			}
		case hclsyntax.TokenQuestion, hclsyntax.TokenBang, hclsyntax.TokenMinus, hclsyntax.TokenPlus,
			hclsyntax.TokenStar, hclsyntax.TokenSlash, hclsyntax.TokenPercent, hclsyntax.TokenEqualOp,
			hclsyntax.TokenNotEqual, hclsyntax.TokenLessThan, hclsyntax.TokenLessThanEq,
			hclsyntax.TokenGreaterThan, hclsyntax.TokenGreaterThanEq, hclsyntax.TokenAnd, hclsyntax.TokenOr:
			top.ops++
			opsTotal++
		case hclsyntax.TokenIdent:
			if afterControl {
				switch string(t.Bytes) {
				case "if", "for":
					directives++
				case "endif", "endfor":
					if directives > 0 {
						directives--
					}
				}
			}
		}
		if t.Type != hclsyntax.TokenBitwiseNot {
			afterControl = t.Type == hclsyntax.TokenTemplateControl
		}
		if len(stack)+opsTotal+directives > maxNesting {
			return t.Range, true
		}
	}
	return hcl.Range{}, false
}

// jsonTooDeep reports the first bracket of a JSON text nested past maxNesting.
func jsonTooDeep(src []byte, filename string) (hcl.Range, bool) {
	depth := 0
	inString, escaped := false, false
	line, col := 1, 1
	for _, c := range src {
		switch {
		case inString:
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
		case c == '"':
			inString = true
		case c == '[' || c == '{':
			depth++
			if depth > maxNesting {
				p := hcl.Pos{Line: line, Column: col}
				return hcl.Range{Filename: filename, Start: p, End: p}, true
			}
		case c == ']' || c == '}':
			if depth > 0 {
				depth--
			}
		}
		if c == '\n' {
			line++
			col = 1
		} else if c < utf8.RuneSelf || c >= 0xC0 {
			col++
		}
	}
	return hcl.Range{}, false
}

// ignoredFile mirrors the names Terraform skips in a module directory.
func ignoredFile(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") ||
		(strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"))
}

// tfFiles lists the .tf files (and, separately, .tf.json files) of dir.
func tfFiles(dir string) (tf, tfJSON []string, err error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, nil, err
	}
	for _, e := range entries {
		name := e.Name()
		if ignoredFile(name) || !(strings.HasSuffix(name, ".tf") || strings.HasSuffix(name, ".tf.json")) {
			continue
		}
		if e.IsDir() {
			continue
		}
		if e.Type()&fs.ModeSymlink != 0 {
			st, err := os.Stat(filepath.Join(dir, name))
			if err != nil || st.IsDir() {
				continue
			}
		}
		if strings.HasSuffix(name, ".tf") {
			tf = append(tf, name)
		} else {
			tfJSON = append(tfJSON, name)
		}
	}
	sort.Strings(tf)
	sort.Strings(tfJSON)
	return tf, tfJSON, nil
}

// FindModuleDirs lists directories under root (skipping .git, .terraform,
// node_modules, and directories that are only reached as child modules of
// another directory found) that contain *.tf files, sorted.
func FindModuleDirs(ctx context.Context, root string) ([]string, error) {
	var dirs []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("walk %s: %w", p, err)
		}
		if cerr := ctx.Err(); cerr != nil {
			return cerr
		}
		if !d.IsDir() {
			return nil
		}
		if p != root && skippedDirs[d.Name()] {
			return filepath.SkipDir
		}
		tf, _, err := tfFiles(p)
		if err != nil {
			return fmt.Errorf("list %s: %w", p, err)
		}
		if len(tf) > 0 {
			dirs = append(dirs, p)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	found := map[string]bool{}
	abs := map[string]string{}
	for _, d := range dirs {
		a, err := filepath.Abs(d)
		if err != nil {
			return nil, fmt.Errorf("resolve %s: %w", d, err)
		}
		abs[d] = a
		found[a] = true
	}
	// Edges from each directory to the local child modules it calls.
	children := map[string][]string{}
	called := map[string]bool{}
	for _, d := range dirs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		for _, c := range localModuleSources(ctx, abs[d]) {
			if c != abs[d] && found[c] {
				children[abs[d]] = append(children[abs[d]], c)
				called[c] = true
			}
		}
	}
	reached := map[string]bool{}
	var visit func(a string)
	visit = func(a string) {
		stack := []string{a}
		for len(stack) > 0 {
			n := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			for _, c := range children[n] {
				if !reached[c] {
					reached[c] = true
					stack = append(stack, c)
				}
			}
		}
	}
	var out []string
	for _, d := range dirs {
		if !called[abs[d]] {
			out = append(out, d)
			reached[abs[d]] = true
			visit(abs[d])
		}
	}
	// Directories reached only through a cycle of module calls: keep the
	// first of each cycle so that nothing goes unread.
	sort.Strings(dirs)
	for _, d := range dirs {
		if !reached[abs[d]] {
			out = append(out, d)
			reached[abs[d]] = true
			visit(abs[d])
		}
	}
	sort.Strings(out)
	return out, nil
}

// localModuleSources lists the directories of the local modules called by
// the .tf files of dir. Files that cannot be read are skipped here; ReadDir
// reports them.
func localModuleSources(ctx context.Context, dir string) []string {
	r, err := newReader(ctx, dir, Options{Root: dir}, budgetUnits)
	if err != nil {
		return nil
	}
	names, _, err := tfFiles(dir)
	if err != nil {
		return nil
	}
	var out []string
	for _, name := range names {
		sf := r.parseFile(filepath.Join(dir, name), kindConfig, false)
		if sf == nil {
			continue
		}
		for _, b := range sf.body.Blocks {
			if b.Type != "module" || len(b.Labels) != 1 {
				continue
			}
			src, ok := literalString(b.Body.Attributes["source"])
			if ok && isLocalSource(src) {
				out = append(out, filepath.Join(dir, filepath.FromSlash(src)))
			}
		}
	}
	return out
}
