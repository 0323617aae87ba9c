package chain

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/ethereum/go-ethereum/common"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/ingest"
	"github.com/qf-dev/qf/merkle"
	"github.com/qf-dev/qf/payout"
	"github.com/qf-dev/qf/round"
)

// Watcher follows a round contract from its deploy block and keeps what
// a verifier needs: the contract's registry, its deposits and every root
// posted. Each Poll reads the blocks since the last one, up to a safe head.
type Watcher struct {
	R         *Round
	Next      uint64 // the first block not read yet
	Gaps      []calc.Gap
	Donations []Donation
	Roots     []RootEvent
	MaxWindow uint64
}

// NewWatcher starts at the contract's deploy block.
func NewWatcher(r *Round) *Watcher { return &Watcher{R: r, Next: r.DeployBlock} }

// Poll reads the events of blocks Next..to and returns the roots posted
// in them.
func (w *Watcher) Poll(ctx context.Context, to uint64) ([]RootEvent, error) {
	if to < w.Next {
		return nil, nil
	}
	var roots []RootEvent
	err := w.R.ScanEvents(ctx, Scan{From: w.Next, To: to, MaxWindow: w.MaxWindow}, func(ev Events, through uint64) error {
		for _, g := range ev.Gaps {
			w.Gaps = append(w.Gaps, calc.Gap{ID: g.Gap, Recipient: g.Recipient, RecipientID: g.RecipientID})
		}
		w.Donations = append(w.Donations, ev.Donations...)
		roots = append(roots, ev.Roots...)
		w.Next = through + 1
		return nil
	})
	w.Roots = append(w.Roots, roots...)
	return roots, err
}

// Expected is the round recomputed from the contract's own events.
type Expected struct {
	Root   common.Hash
	Tree   *merkle.Tree // nil when nothing is paid
	Leaves []merkle.Value
}

// Recompute computes the round as qf match would from the events read so
// far: cfg's mechanism over the contract's registry and deposits, a
// QFRound's pool being its matchingPool.
func (w *Watcher) Recompute(cfg calc.Config) (*Expected, error) {
	gaps := append([]calc.Gap(nil), w.Gaps...)
	sort.Slice(gaps, func(i, j int) bool { return gaps[i].ID.Lt(&gaps[j].ID) })
	var tree *merkle.Tree
	if w.R.Kind() == KindCQF {
		set, err := round.CQFSettingsFor(cfg)
		if err != nil {
			return nil, err
		}
		set.TopUpsJoin = true // as qf match solves a chain-tied round
		rows := make([]round.PledgeRow, len(w.Donations))
		for i, d := range w.Donations {
			rows[i] = round.PledgeRow{ID: d.ID(), Donor: strings.ToLower(d.Donor.Hex()), Gap: d.Gap, Limit: d.Amount}
		}
		out, err := round.ComputeCQF(gaps, rows, set)
		if err != nil {
			return nil, err
		}
		tree = out.Tree
	} else {
		if cfg.Pool.SetFromBig(w.R.Pool) {
			return nil, fmt.Errorf("matchingPool %s past 256 bits", w.R.Pool)
		}
		out, err := round.Compute(round.Inputs{Gaps: gaps, Config: cfg, Leaf: payout.LeafStandard, SizeHint: len(w.Donations)}, func(l *ingest.Loader) error {
			for i := range w.Donations {
				d := &w.Donations[i]
				row := ingest.Row{ID: []byte(d.ID()), Donor: []byte(strings.ToLower(d.Donor.Hex())), Gap: d.Gap, Amount: d.Amount}
				if err := l.Add(&row); err != nil {
					return fmt.Errorf("block %d tx %s log %d: %w", d.Block, d.TxHash.Hex(), d.LogIndex, err)
				}
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		tree = out.Tree
	}
	e := &Expected{Tree: tree}
	if tree != nil {
		e.Root, e.Leaves = tree.Root(), tree.Values()
	}
	return e, nil
}

// LeafDiff is one leaf on which a posted tree and the recomputed one
// disagree: an amount of "" means the tree has no such leaf.
type LeafDiff struct {
	Gap      string `json:"gap"`
	Account  string `json:"account"`
	Expected string `json:"expected"`
	Posted   string `json:"posted"`
}

// DiffLeaves compares two trees' (gap, account, amount) leaves, in gap
// then account order.
func DiffLeaves(expected, posted []merkle.Value) []LeafDiff {
	type key struct{ gap, account string }
	m := map[key]*LeafDiff{}
	var keys []key
	at := func(v merkle.Value) key {
		return key{v.Value[0], strings.ToLower(v.Value[1])}
	}
	get := func(k key) *LeafDiff {
		d, ok := m[k]
		if !ok {
			d = &LeafDiff{Gap: k.gap, Account: common.HexToAddress(k.account).Hex()}
			m[k] = d
			keys = append(keys, k)
		}
		return d
	}
	for _, v := range expected {
		get(at(v)).Expected = v.Value[2]
	}
	for _, v := range posted {
		get(at(v)).Posted = v.Value[2]
	}
	var out []LeafDiff
	for _, k := range keys {
		if d := m[k]; d.Expected != d.Posted {
			out = append(out, *d)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		gi, _ := calc.ParseGap(out[i].Gap)
		gj, _ := calc.ParseGap(out[j].Gap)
		if gi != gj {
			return gi.Lt(&gj)
		}
		return out[i].Account < out[j].Account
	})
	return out
}
