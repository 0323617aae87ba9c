package app

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"github.com/urfave/cli/v2"

	"github.com/qf-dev/qf/merkle"
	"github.com/qf-dev/qf/payout"
)

// Proof layouts of a publication (--proofs).
const (
	proofsAuto  = "auto"
	proofsFiles = "files" // proofs/<gap>.json (cqf: proofs/<gap>-<account>.json), one per leaf
	proofsLines = "lines" // proofs.jsonl: one line per leaf, sorted by (gap, account)
)

// proofFilesMax is the most leaves --proofs auto writes one file each for:
// past it, a folder of files costs more in file-system calls than the
// proofs cost to compute, and a publication writes proofs.jsonl.
const proofFilesMax = 10_000

func proofsFlag() cli.Flag {
	return &cli.StringFlag{
		Name: "proofs", Value: proofsAuto, EnvVars: []string{"QF_PROOFS"},
		Usage: fmt.Sprintf("proof `LAYOUT` of the publication: files (proofs/<gap>.json, one per leaf), lines (one %s, "+
			"a line per leaf sorted by gap and account: qf proof --bundle DIR finds one) or auto (files up to %d leaves, else lines)",
			payout.ProofsFile, proofFilesMax),
		Action: func(_ *cli.Context, v string) error {
			switch v {
			case proofsAuto, proofsFiles, proofsLines, "": // an empty QF_PROOFS is auto
				return nil
			}
			return usageErr("--proofs %q: want auto, files or lines", v)
		},
	}
}

// resolveProofs picks the layout for a tree of n leaves.
func resolveProofs(layout string, n int) string {
	if layout == proofsFiles || layout == proofsLines {
		return layout
	}
	if n > proofFilesMax {
		return proofsLines
	}
	return proofsFiles
}

// writeLeafProofs writes every leaf's proof in layout: as files named by
// name, or as proofs.jsonl. Either way each proof is read off the tree once
// (payout.EachProof): O(N log N) in all.
func writeLeafProofs(pub *publication, t *merkle.Tree, rep *payout.Report, layout string, name func(p *payout.Proof) string) error {
	if resolveProofs(layout, t.Len()) == proofsLines {
		return pub.stream(payout.ProofsFile, func(w io.Writer) error { return payout.WriteProofLines(w, t, rep) })
	}
	return payout.EachProof(t, rep, func(p *payout.Proof) error { return pub.writeJSON(name(p), p) })
}

// stream writes rel through fn, hashing as it goes: a large file is never
// held in memory.
func (p *publication) stream(rel string, fn func(w io.Writer) error) error {
	path := filepath.Join(p.dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("creating %s: %w", filepath.Dir(path), err)
	}
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	h := sha256.New()
	w := bufio.NewWriterSize(io.MultiWriter(f, h), 1<<20)
	err = fn(w)
	if err == nil {
		err = w.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	p.files[rel] = hex.EncodeToString(h.Sum(nil))
	return nil
}

// bundleProof prints (or writes to --out) gap's proof (--account's leaf
// in a cqf publication) from a publication folder, whatever its layout:
// proofs.jsonl is searched by bisection, never read whole. The proof must
// check on its own and be for the root the folder's manifest names.
func bundleProof(c *cli.Context, dir string, gap *uint256.Int) error {
	account, err := accountFlag(c, "account")
	if err != nil {
		return err
	}
	m, err := readManifest(dir)
	if err != nil {
		return fmt.Errorf("%s is not a qf publication: %v", dir, err)
	}
	if !m.Complete {
		return fmt.Errorf("%s: %s says qf stopped while writing the folder: write it again", dir, manifestName)
	}
	var p *payout.Proof
	if _, lines := m.Files[payout.ProofsFile]; lines {
		path := filepath.Join(dir, payout.ProofsFile)
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		st, err := f.Stat()
		if err != nil {
			return err
		}
		if p, err = payout.FindProof(f, st.Size(), gap, account); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
	} else {
		rel, err := proofFileName(m, gap, account)
		if err != nil {
			return fmt.Errorf("%s: %w", dir, err)
		}
		if p, err = readProofFile(filepath.Join(dir, filepath.FromSlash(rel))); err != nil {
			return err
		}
	}
	if p.Root != m.Root {
		return mismatch(fmt.Sprintf("%s: the proof of gap %s is for root %s, the folder publishes root %s", dir, p.Gap, p.Root.Hex(), m.Root.Hex()))
	}
	return emitJSON(c, proofName(gap, account), p)
}

// proofName is a proof file's name: <gap>.json, or <gap>-<account>.json
// for a cqf refund leaf (the names publications use under proofs/).
func proofName(gap *uint256.Int, account *common.Address) string {
	if account != nil {
		return gap.Dec() + "-" + account.Hex() + ".json"
	}
	return gap.Dec() + ".json"
}

// proofFileName finds a leaf's file in a proofs/ folder from the manifest:
// proofs/<gap>.json, or a cqf publication's proofs/<gap>-<account>.json.
func proofFileName(m *manifest, gap *uint256.Int, account *common.Address) (string, error) {
	g := gap.Dec()
	if account != nil {
		rel := "proofs/" + proofName(gap, account)
		if _, ok := m.Files[rel]; !ok {
			return "", fmt.Errorf("%w: gap %s, account %s (it made no pledge to this gap?)", payout.ErrNotInTree, g, account.Hex())
		}
		return rel, nil
	}
	if rel := "proofs/" + proofName(gap, nil); m.Files[rel] != "" {
		return rel, nil
	}
	var found []string
	for rel := range m.Files {
		if strings.HasPrefix(rel, "proofs/"+g+"-") {
			found = append(found, rel)
		}
	}
	switch len(found) {
	case 0:
		return "", fmt.Errorf("%w: gap %s", payout.ErrNotInTree, g)
	case 1:
		return found[0], nil
	}
	return "", fmt.Errorf("gap %s has %d leaves (a coordinated-QF round: the recipient's and one refund per pledger): name the account", g, len(found))
}
