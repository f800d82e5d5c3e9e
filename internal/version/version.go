// Package version names the gate's version.
package version

import "runtime/debug"

// Version of the gate and of its built-in rule pack.
const Version = "0.1.0"

// String is the version with the VCS revision when the binary carries one.
func String() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				return Version + "+" + s.Value[:12]
			}
		}
	}
	return Version
}
