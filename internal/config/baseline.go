package config

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
)

// maxBaselineSize bounds a baseline SARIF file.
const maxBaselineSize = 256 << 20

// LoadBaseline reads the partialFingerprints["gate/v1"] of every result in a
// SARIF file written by the gate.
func LoadBaseline(ctx context.Context, path string) (map[string]bool, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, &Error{Path: path, Err: err}
	}
	defer f.Close()
	var doc struct {
		Version string `json:"version"`
		Runs    []struct {
			Results []struct {
				PartialFingerprints map[string]string `json:"partialFingerprints"`
			} `json:"results"`
		} `json:"runs"`
	}
	dec := json.NewDecoder(io.LimitReader(f, maxBaselineSize))
	if err := dec.Decode(&doc); err != nil {
		return nil, &Error{Path: path, Err: fmt.Errorf("baseline is not SARIF JSON (byte offset %d): %w", dec.InputOffset(), err)}
	}
	if doc.Version != "2.1.0" {
		return nil, &Error{Path: path, Err: fmt.Errorf("baseline SARIF version %q, want 2.1.0", doc.Version)}
	}
	out := map[string]bool{}
	for _, r := range doc.Runs {
		for _, res := range r.Results {
			if fp := res.PartialFingerprints["gate/v1"]; fp != "" {
				out[fp] = true
			}
		}
	}
	return out, nil
}
