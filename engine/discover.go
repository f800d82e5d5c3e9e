package engine

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/gatehq/gate/engine/model"
)

// Readers are the functions that turn files into documents. Each one lives
// in its own package under engine/input; the engine only routes files.
type Readers struct {
	// Plan reads one plan JSON file.
	Plan func(ctx context.Context, file, root string, explicit bool) (*model.Document, *model.InputError)
	// TerraformDir reads the Terraform module in dir (nil document: no .tf files).
	TerraformDir func(ctx context.Context, dir, root string) (*model.Document, []*model.InputError)
	// TerraformDirs lists Terraform root module directories under dir.
	TerraformDirs func(ctx context.Context, dir string) ([]string, error)
	// Repo reads the repository configuration files under root.
	Repo func(ctx context.Context, root string, explicit []string) (*model.Document, []*model.InputError)
}

// skipDirs are never walked.
var skipDirs = map[string]bool{".git": true, ".terraform": true, "node_modules": true, ".terragrunt-cache": true}

// IsPlanFile reports whether a discovered file name looks like plan JSON.
func IsPlanFile(name string) bool {
	name = strings.ToLower(name)
	return name == "plan.json" || name == "tfplan.json" ||
		strings.HasSuffix(name, ".tfplan.json") || strings.HasSuffix(name, ".plan.json")
}

// isRepoFile reports whether a file named on the command line is one the
// repository reader reads.
func isRepoFile(rel string) bool {
	base := path.Base(rel)
	switch {
	case strings.HasPrefix(rel, ".github/workflows/") && (strings.HasSuffix(base, ".yml") || strings.HasSuffix(base, ".yaml")):
		return true
	case base == "CODEOWNERS", base == "SECURITY.md", base == "dependabot.yml", base == "dependabot.yaml",
		base == "renovate.json", base == ".pre-commit-config.yaml":
		return true
	}
	return false
}

// rel makes p relative to root, slash-separated.
func rel(root, p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return filepath.ToSlash(p)
	}
	r, err := filepath.Rel(root, abs)
	if err != nil || strings.HasPrefix(r, "..") {
		return filepath.ToSlash(p)
	}
	return filepath.ToSlash(r)
}

// excluded reports whether a root-relative path matches an exclude pattern.
func excluded(patterns []*regexp.Regexp, relPath string) bool {
	for _, re := range patterns {
		if re.MatchString(relPath) {
			return true
		}
	}
	return false
}

// compileGlob turns a slash glob (*, ?, ** for any number of directories)
// into a regexp matching the path or anything below it.
func compileGlob(g string) (*regexp.Regexp, error) {
	g = strings.TrimPrefix(strings.TrimSuffix(filepath.ToSlash(g), "/"), "./")
	var b strings.Builder
	b.WriteString("^")
	for i := 0; i < len(g); i++ {
		c := g[i]
		switch {
		case c == '*' && i+1 < len(g) && g[i+1] == '*':
			b.WriteString(".*")
			i++
			if i+1 < len(g) && g[i+1] == '/' {
				i++
				b.WriteString("/?")
			}
		case c == '*':
			b.WriteString("[^/]*")
		case c == '?':
			b.WriteString("[^/]")
		default:
			b.WriteString(regexp.QuoteMeta(string(c)))
		}
	}
	b.WriteString("(/.*)?$")
	re, err := regexp.Compile(b.String())
	if err != nil {
		return nil, fmt.Errorf("exclude pattern %q: %w", g, err)
	}
	return re, nil
}

// discover finds and reads every input. It returns the documents to
// evaluate, the input errors, and for each plan document the Terraform
// source document its findings are mapped onto.
func discover(ctx context.Context, opts *Options) ([]*model.Document, []*model.InputError, map[*model.Document]*model.Document, error) {
	rd := DefaultReaders(opts.MaxFileSize, opts.LookupEnv)
	root, err := filepath.Abs(opts.Root)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("root: %w", err)
	}
	var excl []*regexp.Regexp
	for _, g := range opts.Exclude {
		re, err := compileGlob(g)
		if err != nil {
			return nil, nil, nil, err
		}
		excl = append(excl, re)
	}

	type planRef struct {
		file     string
		explicit bool
	}
	var plans []planRef
	tfDirs := map[string]bool{} // absolute dirs
	repoScan := false
	var repoExplicit []string
	var errs []*model.InputError

	for _, p := range opts.Plans {
		plans = append(plans, planRef{p, true})
	}
	paths := opts.Paths
	if len(paths) == 0 && len(opts.Plans) == 0 {
		paths = []string{"."}
	}
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return nil, nil, nil, err
		}
		abs, _ := filepath.Abs(p)
		st, err := os.Stat(p)
		if err != nil {
			errs = append(errs, &model.InputError{Path: rel(root, p), Err: errors.Unwrap(err), Explicit: true})
			if errors.Unwrap(err) == nil {
				errs[len(errs)-1].Err = err
			}
			continue
		}
		if !st.IsDir() {
			r := rel(root, abs)
			switch {
			case strings.HasSuffix(strings.ToLower(p), ".json"):
				plans = append(plans, planRef{p, true})
			case strings.HasSuffix(p, ".tf") || strings.HasSuffix(p, ".tfvars"):
				tfDirs[filepath.Dir(abs)] = true
			case isRepoFile(r):
				repoScan = true
				repoExplicit = append(repoExplicit, r)
			default:
				errs = append(errs, &model.InputError{Path: r, Explicit: true,
					Err: errors.New("not an input the gate reads (want a plan .json, a .tf file, a workflow, CODEOWNERS, dependabot.yml or SECURITY.md)")})
			}
			continue
		}
		if abs == root || exists(filepath.Join(abs, ".github")) {
			repoScan = true
		}
		// A directory named on the command line is scanned even when an
		// exclude pattern covers it: the user asked for it.
		walkExcl := excl
		if excluded(excl, rel(root, abs)) {
			walkExcl = nil
		}
		walkErr := filepath.WalkDir(abs, func(fp string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, &model.InputError{Path: rel(root, fp), Err: err})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			r := rel(root, fp)
			if d.IsDir() {
				if fp != abs && (skipDirs[d.Name()] || excluded(walkExcl, r)) {
					return fs.SkipDir
				}
				return nil
			}
			if IsPlanFile(d.Name()) && !excluded(walkExcl, r) {
				plans = append(plans, planRef{fp, false})
			}
			return nil
		})
		if walkErr != nil {
			return nil, nil, nil, fmt.Errorf("scan %s: %w", p, walkErr)
		}
		if rd.TerraformDirs != nil {
			dirs, err := rd.TerraformDirs(ctx, abs)
			if err != nil {
				errs = append(errs, &model.InputError{Path: rel(root, abs), Err: err})
			}
			for _, d := range dirs {
				if !excluded(walkExcl, rel(root, d)) {
					tfDirs[d] = true
				}
			}
		}
	}

	var docs []*model.Document
	mapped := map[*model.Document]*model.Document{}
	// Plans first; the Terraform directory beside a plan becomes its source map.
	sort.SliceStable(plans, func(i, j int) bool { return plans[i].file < plans[j].file })
	seenPlan := map[string]bool{}
	hclDocs := map[string]*model.Document{}
	readTF := func(dir string) *model.Document {
		if d, ok := hclDocs[dir]; ok {
			return d
		}
		if rd.TerraformDir == nil {
			hclDocs[dir] = nil
			return nil
		}
		d, ie := rd.TerraformDir(ctx, dir, root)
		errs = append(errs, ie...)
		hclDocs[dir] = d
		return d
	}
	planDirs := map[string]bool{}
	for _, p := range plans {
		abs, _ := filepath.Abs(p.file)
		if seenPlan[abs] {
			continue
		}
		seenPlan[abs] = true
		d, ie := rd.Plan(ctx, abs, root, p.explicit)
		if ie != nil {
			errs = append(errs, ie)
			continue
		}
		docs = append(docs, d)
		dir := filepath.Dir(abs)
		if src := readTF(dir); src != nil {
			mapped[d] = src
			planDirs[dir] = true
		} else if dir != root && tfDirs[root] {
			if src := readTF(root); src != nil {
				mapped[d] = src
				planDirs[root] = true
			}
		}
	}
	dirs := make([]string, 0, len(tfDirs))
	for d := range tfDirs {
		dirs = append(dirs, d)
	}
	sort.Strings(dirs)
	for _, dir := range dirs {
		if planDirs[dir] {
			continue // evaluated through its plan, which knows more
		}
		if d := readTF(dir); d != nil {
			docs = append(docs, d)
		}
	}
	if repoScan && rd.Repo != nil {
		d, ie := rd.Repo(ctx, root, repoExplicit)
		errs = append(errs, ie...)
		if d != nil {
			docs = append(docs, d)
		}
	}
	return docs, errs, mapped, nil
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
