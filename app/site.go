package app

import (
	"fmt"

	"github.com/urfave/cli/v2"

	"github.com/qf-dev/qf/site"
	"github.com/qf-dev/qf/store"
)

// exportSite writes round n's page (qf export --format site --out DIR): the
// static files of package site, for any web host or IPFS.
func exportSite(c *cli.Context, s *store.Store, n uint64) error {
	dir, err := outDir(c)
	if err != nil {
		return err
	}
	if dir == "" {
		return usageErr("--format site needs --out DIR")
	}
	p, err := site.Build(s, n)
	if err != nil {
		return err
	}
	if err := site.Write(dir, p); err != nil {
		return err
	}
	if wantJSON(c) {
		return printJSON(c, map[string]any{"round": n, "dir": dir, "root": p.Data.Root, "inputs": p.Data.Inputs})
	}
	fmt.Fprintf(c.App.Writer, "round %d page written to %s (open %s/index.html through any web server, e.g. python3 -m http.server -d %s)\nroot %s\n",
		n, dir, dir, dir, p.Data.Root.Hex())
	return nil
}
