// Package repo reads a repository's own configuration — GitHub Actions
// workflows, CODEOWNERS, Dependabot and Renovate configs, SECURITY.md,
// .pre-commit-config.yaml — and the package ecosystems it contains into one
// document of kind repo, with the position of every YAML key and value.
//
// The document shape is described in rules/repo/README.md.
package repo

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/gatehq/gate/engine/model"
)

// DefaultMaxFileSize is the size limit of one file when Options.MaxFileSize is 0.
const DefaultMaxFileSize = 10 << 20

// Options tell Read what to scan.
type Options struct {
	// Root is the repository's top directory.
	Root string
	// MaxFileSize is the largest file read (0 = DefaultMaxFileSize). A
	// larger file is an input error, never silently skipped.
	MaxFileSize int64
	// Explicit lists the files the user named (as given, relative to the
	// working directory or absolute). Input errors on them are marked
	// Explicit so that the run ends with exit code 2.
	Explicit []string
	// LookupEnv reads the environment (nil = os.LookupEnv). Read uses it
	// for GITHUB_EVENT_PATH only, to learn the repository's visibility from
	// the event payload a GitHub Actions run provides.
	LookupEnv func(string) (string, bool)
}

// Standard locations, in the order GitHub looks at them.
var (
	codeownersPaths = []string{".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"}
	dependabotPaths = []string{".github/dependabot.yml", ".github/dependabot.yaml"}
	renovatePaths   = []string{
		"renovate.json", "renovate.json5", ".github/renovate.json", ".github/renovate.json5",
		".gitlab/renovate.json", ".gitlab/renovate.json5", ".renovaterc", ".renovaterc.json", ".renovaterc.json5",
	}
	securityDirs   = []string{".", ".github", "docs"}
	preCommitPaths = []string{".pre-commit-config.yaml", ".pre-commit-config.yml"}
)

const workflowsDir = ".github/workflows"

type reader struct {
	ctx      context.Context
	root     string // absolute
	realRoot string // root with symlinks resolved
	max      int64
	explicit map[string]bool // slash paths relative to root
	doc      *model.Document
	errs     []*model.InputError
}

// Read scans the repository rooted at opts.Root and returns one document of
// kind repo and the input errors of the files that could not be read. The
// document is nil only when the root itself cannot be read.
func Read(ctx context.Context, opts Options) (*model.Document, []*model.InputError) {
	root, err := filepath.Abs(opts.Root)
	if err == nil {
		var st os.FileInfo
		if st, err = os.Stat(root); err == nil && !st.IsDir() {
			err = fmt.Errorf("%s is not a directory", opts.Root)
		}
	}
	var real string
	if err == nil {
		real, err = filepath.EvalSymlinks(root)
	}
	if err != nil {
		return nil, []*model.InputError{{Path: filepath.ToSlash(opts.Root), Err: fmt.Errorf("repository root: %w", err), Explicit: true}}
	}
	r := &reader{
		ctx:      ctx,
		root:     root,
		realRoot: real,
		max:      opts.MaxFileSize,
		explicit: map[string]bool{},
		doc: &model.Document{
			Kind:      model.KindRepo,
			Source:    "repo",
			Path:      ".",
			Positions: model.Positions{},
		},
	}
	if r.max <= 0 {
		r.max = DefaultMaxFileSize
	}
	for _, e := range opts.Explicit {
		if rel, ok := r.relPath(e); ok {
			r.explicit[rel] = true
		}
	}
	lookup := opts.LookupEnv
	if lookup == nil {
		lookup = os.LookupEnv
	}

	workflows, wfPaths := r.workflows()
	if err := ctx.Err(); err != nil {
		return nil, []*model.InputError{{Path: ".", Err: err}}
	}
	scan, err := scanEcosystems(ctx, root)
	if err != nil {
		return nil, append(r.errs, &model.InputError{Path: ".", Err: err})
	}
	input := map[string]any{
		"repository":  map[string]any{"visibility": r.visibility(lookup)},
		"workflows":   workflows,
		"codeowners":  r.codeowners(wfPaths, scan.tfFiles),
		"dependabot":  r.dependabot(),
		"renovate":    r.renovate(),
		"security_md": r.securityMD(),
		"pre_commit":  r.preCommit(),
		"ecosystems":  scan.ecosystems(len(wfPaths) > 0),
	}
	r.doc.Input = input
	sort.Slice(r.doc.Files, func(i, j int) bool { return r.doc.Files[i].Path < r.doc.Files[j].Path })
	return r.doc, r.errs
}

// relPath turns a user-given path into a slash path relative to the root.
func (r *reader) relPath(p string) (string, bool) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", false
	}
	rel, err := filepath.Rel(r.root, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

// fail records an input error for a file, with the line when err has one.
func (r *reader) fail(rel string, err error) {
	ie := &model.InputError{Path: rel, Err: err, Explicit: r.explicit[rel]}
	var pe *posError
	if errors.As(err, &pe) {
		ie.Line, ie.Column = pe.Line, pe.Column
	}
	r.errs = append(r.errs, ie)
}

// exists reports whether rel names a file (or a symlink to one).
func (r *reader) exists(rel string) bool {
	fi, err := os.Lstat(filepath.Join(r.root, filepath.FromSlash(rel)))
	return err == nil && !fi.IsDir()
}

// read reads one file under the root: regular files only, symlinks only when
// they stay inside the repository, at most r.max bytes.
func (r *reader) read(rel string) ([]byte, error) {
	if err := r.ctx.Err(); err != nil {
		return nil, err
	}
	full := filepath.Join(r.root, filepath.FromSlash(rel))
	fi, err := os.Lstat(full)
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	if fi.Mode()&os.ModeSymlink != 0 {
		target, err := filepath.EvalSymlinks(full)
		if err != nil {
			return nil, fmt.Errorf("resolve symlink: %w", err)
		}
		if t, err := filepath.Rel(r.realRoot, target); err != nil || t == ".." || strings.HasPrefix(t, ".."+string(filepath.Separator)) {
			return nil, fmt.Errorf("symlink points outside the repository (%s)", target)
		}
		full = target
		if fi, err = os.Stat(full); err != nil {
			return nil, fmt.Errorf("read: %w", err)
		}
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("not a regular file (%s)", fi.Mode().Type())
	}
	if fi.Size() > r.max {
		return nil, fmt.Errorf("file is %d bytes, over the %d-byte limit", fi.Size(), r.max)
	}
	f, err := os.Open(full)
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, r.max+1))
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	if int64(len(data)) > r.max {
		return nil, fmt.Errorf("file grew over the %d-byte limit while being read", r.max)
	}
	sum := sha256.Sum256(data)
	r.doc.Files = append(r.doc.Files, model.InputFile{Path: rel, SHA256: hex.EncodeToString(sum[:]), Size: int64(len(data))})
	r.doc.Positions.Set(rel, "", model.Position{File: rel, Line: 1})
	return data, nil
}

// readYAML reads and converts one YAML file; on failure it records the input
// error and returns the message.
func (r *reader) readYAML(rel string) (any, string) {
	data, err := r.read(rel)
	if err != nil {
		r.fail(rel, err)
		return nil, err.Error()
	}
	v, err := decodeYAML(rel, data, r.doc.Positions)
	if err != nil {
		r.fail(rel, err)
		return nil, errMessage(err)
	}
	return v, ""
}

func errMessage(err error) string {
	var pe *posError
	if errors.As(err, &pe) && pe.Line > 0 {
		return fmt.Sprintf("line %d: %s", pe.Line, pe.Error())
	}
	return err.Error()
}

// workflows reads .github/workflows/*.yml|yaml (not subdirectories: GitHub
// does not look there).
func (r *reader) workflows() ([]any, []string) {
	entries, err := os.ReadDir(filepath.Join(r.root, filepath.FromSlash(workflowsDir)))
	if err != nil {
		if !errors.Is(err, os.ErrNotExist) {
			r.fail(workflowsDir, fmt.Errorf("read directory: %w", err))
		}
		return []any{}, nil
	}
	var paths []string
	for _, e := range entries {
		ext := strings.ToLower(path.Ext(e.Name()))
		if e.IsDir() || (ext != ".yml" && ext != ".yaml") {
			continue
		}
		paths = append(paths, workflowsDir+"/"+e.Name())
	}
	sort.Strings(paths)
	out := make([]any, 0, len(paths))
	for _, p := range paths {
		w := map[string]any{"path": p, "content": nil}
		v, msg := r.readYAML(p)
		if msg == "" {
			if _, ok := v.(map[string]any); ok {
				w["content"] = v
			} else {
				err := &posError{Line: 1, Err: fmt.Errorf("top level is %s, want a mapping (a workflow)", describe(v))}
				r.fail(p, err)
				msg = errMessage(err)
			}
		}
		if msg != "" {
			w["error"] = msg
		}
		out = append(out, w)
	}
	return out, paths
}

// codeowners reads the CODEOWNERS file GitHub uses (the first of
// .github/, root, docs/) and resolves who owns the paths rules care about:
// every workflow, the CODEOWNERS file itself and every Terraform file.
func (r *reader) codeowners(workflows, tfFiles []string) any {
	var found []string
	for _, p := range codeownersPaths {
		if r.exists(p) {
			found = append(found, p)
		}
	}
	if len(found) == 0 {
		return nil
	}
	p := found[0]
	out := map[string]any{
		"path":     p,
		"ignored":  toAny(found[1:]),
		"rules":    []any{},
		"errors":   []any{},
		"coverage": []any{},
	}
	data, err := r.read(p)
	if err == nil {
		err = checkText(data)
	}
	if err != nil {
		r.fail(p, err)
		out["error"] = errMessage(err)
		return out
	}
	out["size"] = json.Number(fmt.Sprint(len(data)))
	rules, bad := parseCodeowners(string(data))
	if len(data) > codeownersMaxSize {
		bad = append([]coError{{Line: 1, Message: fmt.Sprintf("file is %d bytes: GitHub ignores a CODEOWNERS file larger than 3 MB", len(data))}}, bad...)
		rules = nil
	}
	rs := make([]any, len(rules))
	for i, rule := range rules {
		rs[i] = map[string]any{"pattern": rule.Pattern, "owners": toAny(rule.Owners), "line": json.Number(fmt.Sprint(rule.Line))}
		r.doc.Positions.Set(p, indexPath("rules", i), model.Position{File: p, Line: rule.Line, Column: 1})
	}
	es := make([]any, len(bad))
	for i, e := range bad {
		es[i] = map[string]any{"line": json.Number(fmt.Sprint(e.Line)), "message": e.Message, "text": e.Text}
		r.doc.Positions.Set(p, indexPath("errors", i), model.Position{File: p, Line: e.Line, Column: 1})
	}
	out["rules"], out["errors"] = rs, es

	type probe struct{ path, kind string }
	var probes []probe
	for _, w := range workflows {
		probes = append(probes, probe{w, "workflow"})
	}
	probes = append(probes, probe{p, "codeowners"})
	for _, f := range tfFiles {
		probes = append(probes, probe{f, "terraform"})
	}
	cov := make([]any, 0, len(probes))
	for _, pr := range probes {
		c := map[string]any{"path": pr.path, "kind": pr.kind, "owners": []any{}, "rule": json.Number("-1"), "line": json.Number("0")}
		if pr.kind == "terraform" {
			c["directory"] = depDir(path.Dir(pr.path))
		}
		if i := lastMatch(rules, pr.path); i >= 0 {
			c["owners"] = toAny(rules[i].Owners)
			c["rule"] = json.Number(fmt.Sprint(i))
			c["line"] = json.Number(fmt.Sprint(rules[i].Line))
		}
		cov = append(cov, c)
	}
	out["coverage"] = cov
	return out
}

func toAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// dependabot reads .github/dependabot.yml and checks the parts that decide
// whether Dependabot runs.
func (r *reader) dependabot() any {
	for _, p := range dependabotPaths {
		if !r.exists(p) {
			continue
		}
		out := map[string]any{"path": p, "content": nil, "updates": []any{}, "errors": []any{}}
		v, msg := r.readYAML(p)
		if msg != "" {
			out["errors"] = []any{map[string]any{"line": json.Number("0"), "message": msg}}
			return out
		}
		out["content"] = v
		updates, errs := dependabotUpdates(p, v, r.doc.Positions)
		out["updates"] = updates
		es := make([]any, 0, len(errs))
		for _, e := range errs {
			r.fail(p, e)
			es = append(es, map[string]any{"line": json.Number(fmt.Sprint(e.Line)), "message": e.Error()})
		}
		out["errors"] = es
		return out
	}
	return nil
}

// renovate reads the first Renovate config found (renovate.json and friends,
// then the "renovate" key of the root package.json). JSON5 files are
// recorded without content.
func (r *reader) renovate() any {
	for _, p := range renovatePaths {
		if !r.exists(p) {
			continue
		}
		out := map[string]any{"path": p, "format": "json", "content": nil}
		data, err := r.read(p)
		if err != nil {
			r.fail(p, err)
			out["error"] = err.Error()
			return out
		}
		if strings.HasSuffix(p, ".json5") {
			out["format"] = "json5"
			return out
		}
		v, err := decodeJSON(data)
		if err != nil {
			r.fail(p, err)
			out["error"] = errMessage(err)
			return out
		}
		out["content"] = v
		return out
	}
	if !r.exists("package.json") {
		return nil
	}
	data, err := r.read("package.json")
	if err != nil {
		r.doc.Notes = append(r.doc.Notes, "package.json not read for a Renovate config: "+err.Error())
		return nil
	}
	v, err := decodeJSON(data)
	if err != nil {
		r.doc.Notes = append(r.doc.Notes, "package.json not read for a Renovate config: "+errMessage(err))
		return nil
	}
	m, _ := v.(map[string]any)
	if cfg, ok := m["renovate"]; ok {
		return map[string]any{"path": "package.json", "format": "package.json", "content": cfg}
	}
	return nil
}

// decodeJSON decodes one JSON value with numbers kept as json.Number; a
// syntax error carries its line.
func decodeJSON(data []byte) (any, error) {
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	if err := checkText(data); err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	err := dec.Decode(&v)
	if err == nil {
		if _, e := dec.Token(); !errors.Is(e, io.EOF) {
			line, col := lineCol(data, int(dec.InputOffset()))
			return nil, errAt(line, col, "invalid JSON: extra data after the top-level value")
		}
		return v, nil
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		line, col := lineCol(data, int(min(se.Offset, int64(len(data)))))
		return nil, errAt(line, col, "invalid JSON: %v", err)
	}
	if errors.Is(err, io.EOF) {
		return nil, errors.New("invalid JSON: empty file")
	}
	return nil, fmt.Errorf("invalid JSON: %w", err)
}

// securityMD finds SECURITY.md (any case) in the root, .github/ or docs/.
func (r *reader) securityMD() any {
	for _, dir := range securityDirs {
		entries, err := os.ReadDir(filepath.Join(r.root, filepath.FromSlash(dir)))
		if err != nil {
			continue
		}
		for _, e := range entries {
			if e.IsDir() || !strings.EqualFold(e.Name(), "SECURITY.md") {
				continue
			}
			p := path.Join(dir, e.Name())
			data, err := r.read(p)
			if err != nil {
				r.fail(p, err)
				return map[string]any{"path": p, "error": err.Error()}
			}
			return map[string]any{"path": p, "size": json.Number(fmt.Sprint(len(data)))}
		}
	}
	return nil
}

// preCommit reads .pre-commit-config.yaml.
func (r *reader) preCommit() any {
	for _, p := range preCommitPaths {
		if !r.exists(p) {
			continue
		}
		v, msg := r.readYAML(p)
		out := map[string]any{"path": p, "content": v}
		if msg != "" {
			out["error"] = msg
		}
		return out
	}
	return nil
}

// visibility reads repository.visibility (or repository.private) from the
// GitHub Actions event payload. Anything else is model.Unknown: the files of
// a repository do not say whether it is public.
func (r *reader) visibility(lookup func(string) (string, bool)) string {
	p, ok := lookup("GITHUB_EVENT_PATH")
	if !ok || p == "" {
		return model.Unknown
	}
	note := func(err error) string {
		r.doc.Notes = append(r.doc.Notes, "repository visibility unknown: GITHUB_EVENT_PATH: "+err.Error())
		return model.Unknown
	}
	f, err := os.Open(p)
	if err != nil {
		return note(err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, r.max+1))
	if err != nil {
		return note(err)
	}
	if int64(len(data)) > r.max {
		return note(fmt.Errorf("%s is over the %d-byte limit", p, r.max))
	}
	var ev struct {
		Repository *struct {
			Private    *bool  `json:"private"`
			Visibility string `json:"visibility"`
		} `json:"repository"`
	}
	if err := json.Unmarshal(data, &ev); err != nil {
		return note(fmt.Errorf("%s: %w", p, err))
	}
	if ev.Repository == nil {
		return note(fmt.Errorf("%s has no repository object", p))
	}
	switch v := strings.ToLower(ev.Repository.Visibility); v {
	case "public", "private", "internal":
		return v
	}
	if ev.Repository.Private != nil {
		if *ev.Repository.Private {
			return "private"
		}
		return "public"
	}
	return note(fmt.Errorf("%s: repository has neither visibility nor private", p))
}
