package payout

import (
	"bytes"
	"cmp"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/merkle"
)

// ProofsFile is the name of a publication's one-file proof layout: every
// leaf's proof file as one compact JSON line, the lines sorted by (gap,
// recipient), so that the file is its own index ([FindProof]).
const ProofsFile = "proofs.jsonl"

// ErrProofsFile reports a proofs file that is not sorted or not made of
// proof lines.
var ErrProofsFile = errors.New("proofs file")

// leafKey orders a round's leaves: by gap, then by recipient address.
type leafKey struct {
	gap       uint256.Int
	recipient common.Address
}

func (a leafKey) cmp(b leafKey) int {
	if c := a.gap.Cmp(&b.gap); c != 0 {
		return c
	}
	return bytes.Compare(a.recipient[:], b.recipient[:])
}

// EachProof calls fn with the proof file of every leaf of a round's tree,
// sorted by (gap, recipient): for a standard tree the leaf's own gap and
// recipient (a coordinated-QF round's gap has one leaf per address), for
// an Allo tree the gap the report maps the leaf's index to, checked as
// [GapProof] checks it. All proofs cost O(N log N) ([merkle.Tree.EachProof]);
// the Proof fn receives, and its proof list, are reused by the next call.
// rep is needed for Allo trees only.
func EachProof(t *merkle.Tree, rep *Report, fn func(p *Proof) error) error {
	if IsAlloTree(t) {
		return eachAlloProof(t, rep, fn)
	}
	vals := t.Values()
	keys := make([]leafKey, len(vals))
	order := make([]int, len(vals))
	for i, v := range vals {
		g, err := calc.ParseGap(v.Value[0])
		if err != nil {
			return fmt.Errorf("leaf %d: gap: %w", i, err)
		}
		keys[i] = leafKey{gap: g, recipient: common.HexToAddress(v.Value[1])}
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return cmp.Or(keys[a].cmp(keys[b]), cmp.Compare(a, b)) })
	root := t.Root()
	var p Proof
	return t.EachProof(order, func(i int, proof []common.Hash) error {
		v := vals[i].Value
		leaf, _ := t.LeafHash(i)
		p = Proof{Root: root, Gap: v[0], Recipient: Address(keys[i].recipient), Amount: v[2], Leaf: leaf, Proof: proof}
		return fn(&p)
	})
}

// eachAlloProof walks the report's positive matches in order: the k-th is
// the leaf of index k.
func eachAlloProof(t *merkle.Tree, rep *Report, fn func(p *Proof) error) error {
	if rep == nil {
		return fmt.Errorf("%w: its leaves are found by gap with the round's report", ErrAlloTree)
	}
	byIndex := make(map[string]int, t.Len())
	for i, v := range t.Values() {
		byIndex[v.Value[0]] = i
	}
	var lines []*GapReport
	var order []int
	for k := range rep.Gaps {
		line := &rep.Gaps[k]
		if line.Match.IsZero() {
			continue
		}
		idx := uint256.NewInt(uint64(len(order))).Dec()
		i, ok := byIndex[idx]
		if !ok {
			return fmt.Errorf("%w: the report gives gap %s index %s, which the tree does not have", ErrTreeReport, line.Gap, idx)
		}
		lines, order = append(lines, line), append(order, i)
	}
	if len(order) != t.Len() {
		return fmt.Errorf("%w: the tree has %d leaves, the report %d positive matches", ErrTreeReport, t.Len(), len(order))
	}
	root, vals := t.Root(), t.Values()
	var p Proof
	var rid Address
	k := 0
	return t.EachProof(order, func(i int, proof []common.Hash) error {
		line, v := lines[k], vals[i].Value
		k++
		recipient := common.HexToAddress(v[2])
		id := common.Address(line.Recipient)
		if line.RecipientID != nil {
			id = common.Address(*line.RecipientID)
		}
		if recipient != common.Address(line.Recipient) || v[3] != line.Match.Dec() || common.HexToAddress(v[1]) != id {
			return fmt.Errorf("%w: leaf %s is (%s, %s, %s), the report has gap %s paying %s to %s (recipientId %s)",
				ErrTreeReport, v[0], v[1], v[2], v[3], line.Gap, line.Match, line.Recipient.Hex(), id.Hex())
		}
		leaf, _ := t.LeafHash(i)
		rid = Address(id)
		p = Proof{Root: root, Gap: line.Gap, Index: v[0], RecipientID: &rid, Recipient: Address(recipient), Amount: v[3], Leaf: leaf, Proof: proof}
		return fn(&p)
	})
}

// AppendJSON appends the proof file's compact JSON, byte for byte what
// json.Marshal writes, without reflection: a publication writes one per
// leaf.
func (p *Proof) AppendJSON(b []byte) []byte {
	b = append(b, `{"root":`...)
	b = appendHash(b, p.Root)
	b = appendField(b, `,"gap":`, p.Gap)
	if p.Index != "" {
		b = appendField(b, `,"index":`, p.Index)
	}
	if p.RecipientID != nil {
		b = appendField(b, `,"recipientId":`, p.RecipientID.Hex())
	}
	b = appendField(b, `,"recipient":`, p.Recipient.Hex())
	b = appendField(b, `,"amount":`, p.Amount)
	b = append(b, `,"leaf":`...)
	b = appendHash(b, p.Leaf)
	b = append(b, `,"proof":`...)
	if p.Proof == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i, h := range p.Proof {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendHash(b, h)
		}
		b = append(b, ']')
	}
	return append(b, '}')
}

func appendHash(b []byte, h common.Hash) []byte {
	b = append(b, `"0x`...)
	b = hex.AppendEncode(b, h[:])
	return append(b, '"')
}

// appendField appends name and s as a JSON string; strings other than
// plain digits, letters and "x" go through encoding/json's escaping.
func appendField(b []byte, name, s string) []byte {
	b = append(b, name...)
	for i := 0; i < len(s); i++ {
		if c := s[i]; !('0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			q, _ := json.Marshal(s)
			return append(b, q...)
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

// WriteProofLines writes every leaf's proof as one JSON line, sorted by
// (gap, recipient): the [ProofsFile] layout.
func WriteProofLines(w io.Writer, t *merkle.Tree, rep *Report) error {
	var buf []byte
	return EachProof(t, rep, func(p *Proof) error {
		buf = append(p.AppendJSON(buf[:0]), '\n')
		_, err := w.Write(buf)
		return err
	})
}

// FindProof looks up a leaf's proof in a [ProofsFile] of size bytes by
// binary search over its sorted lines: O(log size) reads, whatever the
// number of leaves. account picks a coordinated-QF round's refund leaf;
// without it the gap must have exactly one leaf. The line found is checked
// ([Proof.Check]) before it is returned.
func FindProof(r io.ReaderAt, size int64, gap *uint256.Int, account *common.Address) (*Proof, error) {
	want := leafKey{gap: *gap}
	if account != nil {
		want.recipient = *account
	}
	f := &lineFile{r: r, size: size}
	lo, hi := int64(0), size // lines starting before lo sort before want; lines from hi on do not
	for lo < hi {
		s, err := f.lineStart(lo + (hi-lo)/2)
		if err != nil {
			return nil, err
		}
		if s >= hi { // no line starts in [mid, hi): step over the line at lo
			s = lo
		}
		p, end, err := f.proofAt(s)
		if err != nil {
			return nil, err
		}
		if keyOf(p).cmp(want) < 0 {
			lo = end
		} else {
			hi = s
		}
	}
	if lo >= size {
		return nil, notInFile(gap, account)
	}
	p, end, err := f.proofAt(lo)
	if err != nil {
		return nil, err
	}
	k := keyOf(p)
	if k.gap != want.gap || (account != nil && k.recipient != *account) {
		return nil, notInFile(gap, account)
	}
	if account == nil && end < size {
		next, _, err := f.proofAt(end)
		if err != nil {
			return nil, err
		}
		if next.Gap == p.Gap {
			return nil, fmt.Errorf("gap %s has several leaves (a coordinated-QF round: the recipient's and one refund per pledger): name the account", p.Gap)
		}
	}
	if err := p.Check(); err != nil {
		return nil, fmt.Errorf("%w: line at byte %d: %v", ErrProofsFile, lo, err)
	}
	return p, nil
}

func notInFile(gap *uint256.Int, account *common.Address) error {
	if account != nil {
		return fmt.Errorf("%w: gap %s, account %s (it made no pledge to this gap?)", ErrNotInTree, gap.Dec(), account.Hex())
	}
	return fmt.Errorf("%w: gap %s", ErrNotInTree, gap.Dec())
}

func keyOf(p *Proof) leafKey {
	g, _ := calc.ParseGap(p.Gap) // proofAt parsed it
	return leafKey{gap: g, recipient: common.Address(p.Recipient)}
}

// lineFile reads lines of a file by offset.
type lineFile struct {
	r    io.ReaderAt
	size int64
	buf  []byte
}

// lineStart returns the first line start at or after off (size if none).
func (f *lineFile) lineStart(off int64) (int64, error) {
	if off == 0 {
		return 0, nil
	}
	_, end, err := f.line(off - 1)
	return end, err
}

// maxProofLine bounds a line of a proofs file: a proof of 256 levels
// (any tree that fits a uint256 index) is under 20 KiB, so a longer line is
// not a proof, and reading it whole would let a file cost any memory.
const maxProofLine = 1 << 20

// line returns the bytes from off to the end of its line (without the
// newline) and where the next line starts.
func (f *lineFile) line(off int64) ([]byte, int64, error) {
	f.buf = f.buf[:0]
	chunk := make([]byte, 4096)
	for at := off; at < f.size; {
		if len(f.buf) > maxProofLine {
			return nil, 0, fmt.Errorf("%w: the line at byte %d is longer than %d bytes: not a proof", ErrProofsFile, off, maxProofLine)
		}
		n, err := f.r.ReadAt(chunk[:min(int64(len(chunk)), f.size-at)], at)
		if i := bytes.IndexByte(chunk[:n], '\n'); i >= 0 {
			f.buf = append(f.buf, chunk[:i]...)
			return f.buf, at + int64(i) + 1, nil
		}
		f.buf = append(f.buf, chunk[:n]...)
		at += int64(n)
		if err != nil && !(errors.Is(err, io.EOF) && at == f.size) {
			return nil, 0, fmt.Errorf("%w: reading at byte %d: %v", ErrProofsFile, at, err)
		}
	}
	return f.buf, f.size, nil
}

// proofAt parses the line starting at off.
func (f *lineFile) proofAt(off int64) (*Proof, int64, error) {
	b, end, err := f.line(off)
	if err != nil {
		return nil, 0, err
	}
	var p Proof
	if err := json.Unmarshal(b, &p); err != nil {
		return nil, 0, fmt.Errorf("%w: line at byte %d is not a proof: %v", ErrProofsFile, off, err)
	}
	if _, err := calc.ParseGap(p.Gap); err != nil {
		return nil, 0, fmt.Errorf("%w: line at byte %d: gap %q: %v", ErrProofsFile, off, p.Gap, err)
	}
	return &p, end, nil
}
