package evidence

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"sort"
)

// RulePackDigest is the SHA-256 (hex) of a rule pack's files: the digest of
// the text "<sha256 of the file>  <path>\n" for every file, paths in byte
// order — what `find lib terraform github repo -type f | LC_ALL=C sort |
// xargs sha256sum | sha256sum` prints in the rules directory.
func RulePackDigest(fsys fs.FS) (string, error) {
	var paths []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("rule pack digest: %w", err)
	}
	// WalkDir visits in lexical order within each directory, which is not
	// byte order over whole paths ("a/b" vs "a-b"): sort them.
	sort.Strings(paths)
	h := sha256.New()
	for _, p := range paths {
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return "", fmt.Errorf("rule pack digest: %w", err)
		}
		sum := sha256.Sum256(b)
		fmt.Fprintf(h, "%s  %s\n", hex.EncodeToString(sum[:]), p)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
