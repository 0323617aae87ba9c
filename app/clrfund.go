package app

import (
	"fmt"

	"github.com/urfave/cli/v2"

	"github.com/qf-dev/qf/clrfund"
)

func verifyClrfundCommand() *cli.Command {
	return &cli.Command{
		Name:  "clrfund",
		Usage: "recompute published clr.fund rounds from their tallies and compare every project's allocation",
		Description: `Reads clr.fund round files (the front end's round JSON: round, projects,
tally) and recomputes each project's allocatedAmount exactly with clr.fund's
v1 formula (floor(pool·t/Σt) + s·v) or v2 ("alpha") formula. --formula auto
keeps the one that agrees to the wei, else the closer one. Prints each file's
outcome and every project that differs; exit 1 if any does.`,
		ArgsUsage: "FILE.json...",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "formula", Value: "auto", Usage: "`NAME`: auto, v1 or v2"},
		},
		Action: func(c *cli.Context) error {
			if c.Args().Len() == 0 {
				return usageErr("want one or more clr.fund round files")
			}
			type fileReport struct {
				File string `json:"file"`
				// Error is why the file could not be checked.
				Error string `json:"error,omitempty"`
				*clrfund.Report
			}
			var reports []fileReport
			bad, unchecked := 0, 0
			for _, path := range c.Args().Slice() {
				r, err := readClrfund(path)
				if err != nil {
					// report it and go on: every file gets its verdict
					unchecked++
					reports = append(reports, fileReport{File: path, Error: oneLine(err)})
					if !wantJSON(c) {
						fmt.Fprintf(c.App.Writer, "%s: cannot check: %s\n", path, oneLine(err))
					}
					continue
				}
				rep, err := clrfund.Verify(r, clrfund.Formula(c.String("formula")))
				if err != nil {
					return fmt.Errorf("--formula: %w", err)
				}
				reports = append(reports, fileReport{File: path, Report: rep})
				if !rep.Exact {
					bad++
				}
				if wantJSON(c) {
					continue
				}
				w := c.App.Writer
				if rep.Exact {
					fmt.Fprintf(w, "%s: formula %s: all %d allocations equal to the wei\n", path, rep.Formula, rep.Projects)
					continue
				}
				fmt.Fprintf(w, "%s: formula %s: %d of %d allocations differ (largest by %s base units)\n", path, rep.Formula, len(rep.Differ), rep.Projects, rep.MaxDiff)
				for _, d := range rep.Differ {
					fmt.Fprintf(w, "  project %d (%s): published %s, computed %s, diff %s\n", d.Index, d.Name, d.Published, d.Computed, d.Diff)
				}
			}
			var fail error
			switch {
			case unchecked > 0:
				fail = fmt.Errorf("%w: %d of %d clr.fund rounds differ from their published allocations, %d could not be checked", errMismatch, bad, len(reports), unchecked)
			case bad > 0:
				fail = fmt.Errorf("%w: %d of %d clr.fund rounds differ from their published allocations", errMismatch, bad, len(reports))
			}
			if wantJSON(c) {
				v := map[string]any{"files": reports, "ok": fail == nil}
				if fail != nil {
					v["error"] = oneLine(fail)
				}
				if err := printJSON(c, v); err != nil {
					return err
				}
				return jsonPrinted(fail)
			}
			return fail
		},
	}
}

func readClrfund(path string) (*clrfund.Round, error) {
	b, err := readFile(path)
	if err != nil {
		return nil, err
	}
	r, err := clrfund.Parse(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return r, nil
}
