package app

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"

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
			case proofsAuto, proofsFiles, proofsLines:
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
