package app

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/qf-dev/qf/payout"
	"github.com/qf-dev/qf/round"
)

// maxLineDiffs is how many differing proof lines qf verify bundle names
// before it only counts the rest.
const maxLineDiffs = 10

// checkProofLines compares a publication's proofs.jsonl, line by line and
// byte for byte, with the proofs of the recomputed tree in the same order;
// with that layout the folder has no proofs/ files.
func checkProofLines(dir string, m *manifest, out *round.Outcome) []string {
	var diffs []string
	for _, f := range slices.Sorted(func(yield func(string) bool) {
		for f := range m.Files {
			if strings.HasPrefix(f, "proofs/") && !yield(f) {
				return
			}
		}
	}) {
		diffs = append(diffs, fmt.Sprintf("%s: the proofs are in %s, not in proofs/", f, payout.ProofsFile))
	}
	if out.Tree == nil {
		return append(diffs, payout.ProofsFile+": published, but no gap has a positive match")
	}
	f, err := os.Open(filepath.Join(dir, payout.ProofsFile))
	if err != nil {
		return append(diffs, fmt.Sprintf("%s: %v", payout.ProofsFile, err))
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64<<10), 16<<20)
	line, bad := 0, 0
	differ := func(msg string) {
		if bad++; bad <= maxLineDiffs {
			diffs = append(diffs, fmt.Sprintf("%s line %d: %s", payout.ProofsFile, line, msg))
		}
	}
	var want []byte
	err = payout.EachProof(out.Tree, out.Report, func(p *payout.Proof) error {
		line++
		want = p.AppendJSON(want[:0])
		switch {
		case !sc.Scan():
			differ(fmt.Sprintf("missing: the proof of gap %s, recipient %s", p.Gap, p.Recipient.Hex()))
		case !bytes.Equal(sc.Bytes(), want):
			differ(fmt.Sprintf("is not the recomputed proof of gap %s, recipient %s (lines are sorted by gap, then recipient)", p.Gap, p.Recipient.Hex()))
		}
		return nil
	})
	if err != nil {
		return append(diffs, fmt.Sprintf("recomputed tree: %v", err))
	}
	for sc.Scan() {
		line++
		differ("no such leaf in the recomputed tree")
	}
	if err := sc.Err(); err != nil {
		diffs = append(diffs, fmt.Sprintf("%s: %v", payout.ProofsFile, err))
	}
	if bad > maxLineDiffs {
		diffs = append(diffs, fmt.Sprintf("%s: %d more lines differ", payout.ProofsFile, bad-maxLineDiffs))
	}
	return diffs
}

// fileSHA256 is a file's SHA-256 (hex), read in a stream.
func fileSHA256(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
