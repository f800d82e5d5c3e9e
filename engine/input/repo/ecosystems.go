package repo

import (
	"context"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// Ecosystem names are Dependabot's package-ecosystem values.
const (
	ecoGo        = "gomod"
	ecoNPM       = "npm"
	ecoDocker    = "docker"
	ecoTerraform = "terraform"
	ecoPip       = "pip"
	ecoBundler   = "bundler"
	ecoMaven     = "maven"
	ecoGradle    = "gradle"
	ecoCargo     = "cargo"
	ecoActions   = "github-actions"
)

// skipDirs are never descended into: VCS data, installed dependencies and
// tool caches, whose manifests are not the repository's own.
var skipDirs = map[string]bool{
	".git": true, "node_modules": true, "vendor": true, ".terraform": true,
	".venv": true, ".tox": true,
}

// lockfiles mark a nested npm or cargo manifest as a project of its own
// rather than a workspace member updated through the root.
var lockfiles = map[string]string{
	"package-lock.json": ecoNPM, "npm-shrinkwrap.json": ecoNPM, "yarn.lock": ecoNPM,
	"pnpm-lock.yaml": ecoNPM, "bun.lockb": ecoNPM, "bun.lock": ecoNPM,
	"Cargo.lock": ecoCargo,
}

// ecosystemOf names the ecosystem a file is the manifest of, or "".
func ecosystemOf(name string) string {
	lower := strings.ToLower(name)
	switch {
	case name == "go.mod":
		return ecoGo
	case name == "package.json":
		return ecoNPM
	case strings.HasPrefix(lower, "dockerfile"), strings.HasSuffix(lower, ".dockerfile"), lower == "containerfile":
		return ecoDocker
	case strings.HasSuffix(name, ".tf"):
		return ecoTerraform
	case name == "requirements.txt", name == "pyproject.toml", name == "Pipfile":
		return ecoPip
	case name == "Gemfile":
		return ecoBundler
	case name == "pom.xml":
		return ecoMaven
	case name == "build.gradle", name == "build.gradle.kts":
		return ecoGradle
	case name == "Cargo.toml":
		return ecoCargo
	}
	return ""
}

// ecoScan is what a walk of the repository found.
type ecoScan struct {
	dirs    map[string]map[string]bool // ecosystem → directories ("/" form)
	locks   map[string]map[string]bool // ecosystem → directories with a lockfile
	tfFiles []string                   // every .tf file, slash paths
}

// scanEcosystems walks the tree under root (without following symlinks) and
// records the directories holding each ecosystem's manifests.
func scanEcosystems(ctx context.Context, root string) (*ecoScan, error) {
	s := &ecoScan{dirs: map[string]map[string]bool{}, locks: map[string]map[string]bool{}}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if cerr := ctx.Err(); cerr != nil {
			return cerr
		}
		if err != nil {
			// An unreadable subdirectory is skipped, not fatal: the
			// manifests we could see are still reported.
			if d != nil && d.IsDir() && p != root {
				return filepath.SkipDir
			}
			return err
		}
		if d.IsDir() {
			if p != root && skipDirs[d.Name()] {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return fmt.Errorf("walk %s: %w", p, err)
		}
		rel = filepath.ToSlash(rel)
		dir := depDir(path.Dir(rel))
		if eco, ok := lockfiles[d.Name()]; ok {
			add(s.locks, eco, dir)
		}
		eco := ecosystemOf(d.Name())
		if eco == "" {
			return nil
		}
		add(s.dirs, eco, dir)
		if eco == ecoTerraform {
			s.tfFiles = append(s.tfFiles, rel)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("scan %s: %w", root, err)
	}
	sort.Strings(s.tfFiles)
	return s, nil
}

func add(m map[string]map[string]bool, k, v string) {
	if m[k] == nil {
		m[k] = map[string]bool{}
	}
	m[k][v] = true
}

// depDir turns a slash path relative to the root into Dependabot's directory
// form: "/" for the root, "/a/b" below it.
func depDir(rel string) string {
	if rel == "." || rel == "" {
		return "/"
	}
	return "/" + rel
}

// under reports whether dir is strictly below parent (both in "/" form).
func under(dir, parent string) bool {
	if parent == "/" {
		return dir != "/"
	}
	return strings.HasPrefix(dir, parent+"/")
}

// ecosystems lists each ecosystem with its directories, sorted. Nested
// manifests that belong to a parent build are left out: npm and cargo
// members without a lockfile of their own (workspaces update through the
// root), and Maven/Gradle sub-modules.
func (s *ecoScan) ecosystems(hasWorkflows bool) []any {
	if hasWorkflows {
		add(s.dirs, ecoActions, "/")
	}
	names := make([]string, 0, len(s.dirs))
	for n := range s.dirs {
		names = append(names, n)
	}
	sort.Strings(names)
	out := make([]any, 0, len(names))
	for _, n := range names {
		dirs := sortedKeys(s.dirs[n])
		var kept []any
		for _, d := range dirs {
			if s.member(n, d, dirs) {
				continue
			}
			kept = append(kept, d)
		}
		out = append(out, map[string]any{"name": n, "directories": kept})
	}
	return out
}

func (s *ecoScan) member(eco, dir string, all []string) bool {
	switch eco {
	case ecoNPM, ecoCargo:
		if s.locks[eco][dir] {
			return false
		}
	case ecoMaven, ecoGradle:
	default:
		return false
	}
	for _, p := range all {
		if under(dir, p) {
			return true
		}
	}
	return false
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
