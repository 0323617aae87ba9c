package app

import (
	"errors"
	"fmt"
	"math/big"
	"sort"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/urfave/cli/v2"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/chain"
	"github.com/qf-dev/qf/ingest"
	"github.com/qf-dev/qf/payout"
	"github.com/qf-dev/qf/store"
)

// Sources of qf import chain.
const (
	sourceQFRound = "qfround"
	sourceAllo    = "allo"
)

// ErrAlloRecipient reports an Allocated event whose recipientId no gap
// carries (or more than one does).
var ErrAlloRecipient = errors.New("no single gap has this Allo recipientId")

// alloImport is what `qf import chain --source allo` reports.
type alloImport struct {
	Round      uint64         `json:"round"`
	ChainID    uint64         `json:"chainId"`
	Strategy   common.Address `json:"strategy"`
	Token      common.Address `json:"token"`
	Head       uint64         `json:"head"`
	Safe       string         `json:"safeBy"`
	From       uint64         `json:"fromBlock"`
	To         uint64         `json:"toBlock"`
	Logs       int            `json:"logs"`
	Added      int            `json:"added"`
	Duplicates int            `json:"duplicates"`
	// Zero counts allocations of amount 0 (nothing given: not stored).
	Zero int `json:"zeroAmount"`
	// OtherTokens counts, per token, allocations in a token other than
	// --token: not stored (a round counts one token; anyone may allocate
	// any amount of a worthless token).
	OtherTokens map[string]int `json:"otherTokens,omitempty"`
	Windows     int            `json:"windows"`
	Refused     int            `json:"refusedWindows"`
	NextBlock   uint64         `json:"nextBlock"`
	RoundEnd    uint64         `json:"allocationEndTime"`
	ReadThrough uint64         `json:"readThrough"`
	PastEnd     bool           `json:"pastEnd"`
}

// alloGaps maps Allo recipientIds to the registry's gaps: a gap's
// recipientId, or its payout address when it has none (as Allo leaves
// do). An id two gaps share maps to both, and is refused when used.
func alloGaps(gaps []calc.Gap) map[common.Address][]calc.Gap {
	m := make(map[common.Address][]calc.Gap, len(gaps))
	for _, g := range gaps {
		id := g.RecipientID
		if id == (common.Address{}) {
			id = g.Recipient
		}
		m[id] = append(m[id], g)
	}
	return m
}

// alloGap is the gap an allocation to id goes to.
func alloGap(m map[common.Address][]calc.Gap, id common.Address) (*calc.Gap, error) {
	gs := m[id]
	switch len(gs) {
	case 1:
		return &gs[0], nil
	case 0:
		return nil, fmt.Errorf("%w: recipientId %s (register it: qf gap add --gap G --recipient PAYOUT --recipient-id %s)", ErrAlloRecipient, id.Hex(), id.Hex())
	}
	ids := make([]string, len(gs))
	for i := range gs {
		ids[i] = gs[i].ID.Dec()
	}
	return nil, fmt.Errorf("%w: recipientId %s belongs to gaps %s (give each gap its own with qf gap set --recipient-id)", ErrAlloRecipient, id.Hex(), strings.Join(ids, ", "))
}

// importAllo is `qf import chain --source allo`: the Allocated events of an
// Allo v2 DonationVotingMerkleDistribution strategy as the round's
// contributions, under the same guards as a QFRound import.
func importAllo(c *cli.Context) error {
	if !c.IsSet("round") {
		return usageErr("--round is required")
	}
	strategy, err := addressFlag(c, "contract")
	if err != nil {
		return err
	}
	if c.String("token") == "" {
		return usageErr("--source allo needs --token ADDRESS: the token the round counts (allocations in any other token are skipped)")
	}
	token, err := addressFlag(c, "token")
	if err != nil {
		return err
	}
	ctx, cancel := cmdContext(c)
	defer cancel()
	return withStore(c, func(s *store.Store) error {
		r, err := s.Round(c.Uint64("round"))
		if err != nil {
			return err
		}
		if r.Status != store.StatusOpen {
			return fmt.Errorf("%w: round %d is %s and takes no more contributions", store.ErrRoundClosed, r.Number, r.Status)
		}
		if r.Config.Mechanism == calc.CQFName {
			return usageErr("round %d is a cqf round: Allo's Allocated events are donations, not pledges", r.Number)
		}
		if r.Leaf != string(payout.LeafAllo) {
			return usageErr("round %d has %s leaves: an Allo pool pays through its strategy's distribute, which takes Allo leaves (create the round with --leaf allo)", r.Number, r.Leaf)
		}
		var fallback uint64
		if r.Chain != nil {
			fallback = r.Chain.ChainID
		}
		b, id, err := chain.Dial(ctx, c.String("rpc"), wantChainID(c, fallback))
		if err != nil {
			return err
		}
		ref := store.ChainRef{ChainID: id.Uint64(), Contract: strategy}
		if err := r.Chain.Check(ref.ChainID, strategy); err != nil {
			return err
		}
		st, err := chain.OpenAllo(ctx, b, strategy)
		if err != nil {
			return err
		}
		gaps, err := s.Gaps()
		if err != nil {
			return err
		}
		byID := alloGaps(gaps)
		head, err := b.BlockNumber(ctx)
		if err != nil {
			return fmt.Errorf("reading the chain head: %w", err)
		}
		rep := alloImport{Round: r.Number, ChainID: ref.ChainID, Strategy: strategy, Token: token, Head: head, RoundEnd: st.End}
		var next uint64
		switch {
		case r.Chain != nil:
			next = r.Chain.NextBlock
		case c.IsSet("from-block"):
			next = c.Uint64("from-block")
		default:
			// The strategy keeps no deploy block: find it, so the first
			// import misses nothing.
			if next, err = chain.DeployBlock(ctx, b, strategy, head); err != nil {
				return fmt.Errorf("finding the strategy's deploy block: %w (pass --from-block: the block of Allo's PoolCreated for this pool)", err)
			}
		}
		rep.From, rep.NextBlock = next, next
		if r.Chain != nil {
			rep.ReadThrough, rep.PastEnd = r.Chain.ReadThrough, r.Chain.PastEnd()
			if c.IsSet("from-block") {
				rep.From = c.Uint64("from-block")
			}
		}
		update := func(through uint64, time uint64) func(r *store.Round) error {
			return func(r *store.Round) error {
				if err := r.Chain.Check(ref.ChainID, strategy); err != nil {
					return err
				}
				if r.Chain == nil {
					r.Chain = &store.ChainRef{ChainID: ref.ChainID, Contract: strategy, NextBlock: next}
				}
				if through+1 > r.Chain.NextBlock && time != 0 {
					r.Chain.NextBlock, r.Chain.ReadThrough = through+1, time
				}
				r.Chain.RoundEnd = st.End
				rep.NextBlock, rep.ReadThrough, rep.PastEnd = r.Chain.NextBlock, r.Chain.ReadThrough, r.Chain.PastEnd()
				return nil
			}
		}
		tie := func() error {
			_, err := s.ImportUpdating(r.Number, func(func(*ingest.Row) error) error { return nil }, update(0, 0))
			return err
		}
		scan, by, nothing := importRange(ctx, c, b, r.Number, head, rep.From, &rep.Windows, &rep.Refused)
		rep.Safe, rep.To = by, scan.To
		if nothing != "" {
			if err := tie(); err != nil {
				return err
			}
			return report(c, rep, nothing)
		}
		bar := newProgress(c.App.ErrWriter, int64(rep.To-rep.From+1), "blocks", false)
		defer bar.done()
		err = st.ScanAllocations(ctx, scan, func(as []chain.Allocation, through uint64) error {
			hdr, err := b.HeaderByNumber(ctx, new(big.Int).SetUint64(through))
			if err != nil {
				return fmt.Errorf("reading block %d: %w", through, err)
			}
			res, err := s.ImportUpdating(r.Number, func(add func(*ingest.Row) error) error {
				for i := range as {
					a := &as[i]
					if a.Token != token {
						if rep.OtherTokens == nil {
							rep.OtherTokens = map[string]int{}
						}
						rep.OtherTokens[a.Token.Hex()]++
						continue
					}
					if a.Amount.IsZero() {
						rep.Zero++
						continue
					}
					g, err := alloGap(byID, a.RecipientID)
					if err == nil {
						row := ingest.Row{ID: []byte(a.ID()), Donor: []byte(strings.ToLower(a.Donor().Hex())), Gap: g.ID, Amount: a.Amount}
						err = add(&row)
					}
					if err != nil {
						return fmt.Errorf("block %d tx %s log %d: Allocated: %w", a.Block, a.TxHash.Hex(), a.LogIndex, err)
					}
				}
				return nil
			}, update(through, hdr.Time))
			if err != nil {
				return err
			}
			rep.Logs += len(as)
			rep.Added += res.Added
			rep.Duplicates += res.Duplicates
			bar.set(int(through - rep.From + 1))
			return nil
		})
		if err != nil {
			return fmt.Errorf("%w (blocks below %d are stored: rerun to continue)", err, rep.NextBlock)
		}
		end := fmt.Sprintf("allocation ends at %d: read through %d, rerun after the end to finish", rep.RoundEnd, rep.ReadThrough)
		if rep.PastEnd {
			end = "past allocationEndTime: every allocation is stored"
		}
		line := fmt.Sprintf("round %d: blocks %d..%d: %d Allocated events, stored %d, skipped %d already stored", r.Number, rep.From, rep.To, rep.Logs, rep.Added, rep.Duplicates)
		if rep.Zero > 0 {
			line += fmt.Sprintf(", %d of amount 0", rep.Zero)
		}
		if len(rep.OtherTokens) > 0 {
			toks := make([]string, 0, len(rep.OtherTokens))
			for t, n := range rep.OtherTokens {
				toks = append(toks, fmt.Sprintf("%d in %s", n, t))
			}
			sort.Strings(toks)
			line += fmt.Sprintf(", %s (not the round's token %s: not counted)", strings.Join(toks, ", "), token.Hex())
		}
		return report(c, rep, line+"; "+end)
	})
}
