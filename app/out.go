package app

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"
)

// --out names a folder in every command: the command writes its files
// into it (calc, cqf, simulate, report and export --format bundle / site
// write several; proof, tree and export --format gitcoin / allo one, under
// a fixed name). Where one file is natural, "-" (and no --out) is stdout.
// The old form of those, --out FILE.json or FILE.csv, still writes that
// file, with a deprecation warning on stderr.

// stdoutOut is the --out value for standard output.
const stdoutOut = "-"

// outFile resolves --out for a command that writes the one file name:
// "" for stdout (no --out, or -), else the path to write. A path ending
// in name's extension that is not a folder is the old file form: it is
// the path itself, and a warning says what to write instead.
func outFile(c *cli.Context, name string) string {
	out := c.String("out")
	if out == "" || out == stdoutOut {
		return ""
	}
	ext := filepath.Ext(name)
	if strings.EqualFold(filepath.Ext(out), ext) {
		if st, err := os.Stat(out); err != nil || !st.IsDir() {
			fmt.Fprintf(c.App.ErrWriter, "qf: warning: --out %s: --out names a folder now (this command writes %s into it); a file path still works but is deprecated: pass a folder, or --out - (stdout) and redirect\n", out, name)
			return out
		}
	}
	return filepath.Join(out, name)
}

// writeOutFile writes b to path, creating its folder.
func writeOutFile(path string, b []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("--out: %w", err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		return fmt.Errorf("--out: %w", err)
	}
	return nil
}

// outDir reads --out for a command that writes a folder of files: "" when
// not given; - (stdout) is refused, since several files cannot share it.
func outDir(c *cli.Context) (string, error) {
	out := c.String("out")
	if out == stdoutOut {
		return "", usageErr("--out -: this command writes several files; pass a folder")
	}
	return out, nil
}

// exportNames are the files qf export --out writes, by --format.
var exportNames = map[string]string{"gitcoin": "matching_distribution.csv", "allo": "allo.json"}

// outUsage is --out's usage, the same in every command.
const outUsage = "write into folder `DIR` (a command that prints one file — proof, tree, export --format gitcoin or allo — writes it there under a fixed name, and prints it to stdout without --out or with --out -)"

// outOneFlag is --out for a command that writes one file (proof: <gap>.json
// or <gap>-<account>.json; tree: tree.json; export: matching_distribution.csv
// or allo.json).
func outOneFlag() cli.Flag {
	return &cli.StringFlag{Name: "out", Usage: outUsage}
}

// outDirFlag is --out for a command that writes a folder of files: what
// names them. - (stdout) is refused: several files cannot share it.
func outDirFlag(what string) cli.Flag {
	return &cli.StringFlag{Name: "out", Usage: outUsage,
		Action: func(_ *cli.Context, v string) error {
			if v == stdoutOut {
				return usageErr("--out -: this command writes several files (%s); pass a folder", what)
			}
			return nil
		}}
}
