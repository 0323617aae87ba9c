package chain

import (
	"context"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/holiman/uint256"
)

// Donation is one DonationMade event (a CQFRound's PledgeMade: Donor is
// the pledger, Amount the limit).
type Donation struct {
	Block     uint64
	TxHash    common.Hash
	LogIndex  uint
	Gap       uint256.Int
	Donor     common.Address
	Amount    uint256.Int
	Recipient common.Address // the gap's registered recipient (where a QFRound forwarded it)
}

// ID names the event uniquely on its chain (transaction hash and log index),
// so importing the same event twice stores it once.
func (d *Donation) ID() string { return fmt.Sprintf("tx:%s:%d", d.TxHash.Hex(), d.LogIndex) }

// GapEvent is one GapRegistered event.
type GapEvent struct {
	Block    uint64
	TxHash   common.Hash
	LogIndex uint
	Gap      uint256.Int
	Registered
}

// RootEvent is one MatchingRootSet (PayoutRootSet) event.
type RootEvent struct {
	Block   uint64      `json:"block"`
	TxHash  common.Hash `json:"tx"`
	OldRoot common.Hash `json:"oldRoot"`
	NewRoot common.Hash `json:"newRoot"`
	FinalAt uint64      `json:"finalAt"`
}

// Events are one window's events, each kind in chain order.
type Events struct {
	Gaps      []GapEvent
	Donations []Donation
	Roots     []RootEvent
}

// Window sizes for eth_getLogs. Nodes cap a query's block range or its
// result count (commonly 10 000 blocks or logs); a failing window is halved
// and a succeeding one doubled, up to MaxWindow.
const (
	FirstWindow = 2_000
	MaxWindow   = 50_000
)

// Scan is where and how ScanDonations reads.
type Scan struct {
	From, To  uint64 // inclusive block range
	MaxWindow uint64 // 0 means [MaxWindow]
	// Window, if set, is told each window's outcome (for progress and tests).
	Window func(from, to uint64, err error)
}

// ScanDonations reads DonationMade (a CQFRound: PledgeMade) events from
// s.From to s.To; see ScanEvents.
func (r *Round) ScanDonations(ctx context.Context, s Scan, fn func(ds []Donation, through uint64) error) error {
	return r.ScanEvents(ctx, s, func(ev Events, through uint64) error { return fn(ev.Donations, through) })
}

// ScanEvents reads the round's GapRegistered, DonationMade (a CQFRound:
// PledgeMade) and root events from s.From to s.To in windows and calls fn
// with each window's events, in chain order, and the last block the window
// covers. fn's error stops the scan. When fn has returned for a window,
// every event up to `through` has been delivered, so a caller that records
// `through` can resume after an interruption.
func (r *Round) ScanEvents(ctx context.Context, s Scan, fn func(ev Events, through uint64) error) error {
	a := r.abi()
	gapTopic, depTopic, rootTopic := a.Events["GapRegistered"].ID, a.Events[r.kind.Event()].ID, a.Events[r.kind.RootEvent()].ID
	return scanLogs(ctx, r.b, r.addr, [][]common.Hash{{gapTopic, depTopic, rootTopic}}, r.kind.Event(), s, func(logs []types.Log, to uint64) error {
		var ev Events
		for i := range logs {
			l := &logs[i]
			if l.Removed || len(l.Topics) == 0 {
				continue
			}
			var err error
			switch l.Topics[0] {
			case gapTopic:
				err = r.gapEvent(l, &ev)
			case depTopic:
				err = r.depositEvent(l, &ev)
			case rootTopic:
				err = r.rootEvent(l, &ev)
			}
			if err != nil {
				return fmt.Errorf("block %d tx %s log %d: %w", l.BlockNumber, l.TxHash.Hex(), l.Index, err)
			}
		}
		return fn(ev, to)
	})
}

func (r *Round) gapEvent(l *types.Log, ev *Events) error {
	var (
		gap      *big.Int
		rcpt, id common.Address
	)
	if r.kind == KindCQF {
		e, err := r.cqf.UnpackGapRegisteredEvent(l)
		if err != nil {
			return fmt.Errorf("decoding GapRegistered: %w", err)
		}
		gap, rcpt, id = e.ProjectId, e.Recipient, e.RecipientId
	} else {
		e, err := r.qf.UnpackGapRegisteredEvent(l)
		if err != nil {
			return fmt.Errorf("decoding GapRegistered: %w", err)
		}
		gap, rcpt, id = e.ProjectId, e.Recipient, e.RecipientId
	}
	g := GapEvent{Block: l.BlockNumber, TxHash: l.TxHash, LogIndex: l.Index, Registered: Registered{Recipient: rcpt, RecipientID: id}}
	if g.Gap.SetFromBig(gap) {
		return fmt.Errorf("gap past 256 bits")
	}
	ev.Gaps = append(ev.Gaps, g)
	return nil
}

func (r *Round) depositEvent(l *types.Log, ev *Events) error {
	d := Donation{Block: l.BlockNumber, TxHash: l.TxHash, LogIndex: l.Index}
	var gap, amount *big.Int
	if r.kind == KindCQF {
		e, err := r.cqf.UnpackPledgeMadeEvent(l)
		if err != nil {
			return fmt.Errorf("decoding PledgeMade: %w", err)
		}
		d.Donor, gap, amount, d.Recipient = e.Pledger, e.ProjectId, e.Limit, e.Recipient
	} else {
		e, err := r.qf.UnpackDonationMadeEvent(l)
		if err != nil {
			return fmt.Errorf("decoding DonationMade: %w", err)
		}
		d.Donor, gap, amount, d.Recipient = e.Donor, e.ProjectId, e.Amount, e.Recipient
	}
	if d.Gap.SetFromBig(gap) || d.Amount.SetFromBig(amount) {
		return fmt.Errorf("value past 256 bits")
	}
	ev.Donations = append(ev.Donations, d)
	return nil
}

func (r *Round) rootEvent(l *types.Log, ev *Events) error {
	var (
		oldRoot, newRoot [32]byte
		fin              *big.Int
	)
	if r.kind == KindCQF {
		e, err := r.cqf.UnpackPayoutRootSetEvent(l)
		if err != nil {
			return fmt.Errorf("decoding PayoutRootSet: %w", err)
		}
		oldRoot, newRoot, fin = e.OldRoot, e.NewRoot, e.FinalAt
	} else {
		e, err := r.qf.UnpackMatchingRootSetEvent(l)
		if err != nil {
			return fmt.Errorf("decoding MatchingRootSet: %w", err)
		}
		oldRoot, newRoot, fin = e.OldRoot, e.NewRoot, e.FinalAt
	}
	if !fin.IsUint64() {
		return fmt.Errorf("finalAt past 64 bits")
	}
	ev.Roots = append(ev.Roots, RootEvent{Block: l.BlockNumber, TxHash: l.TxHash, OldRoot: oldRoot, NewRoot: newRoot, FinalAt: fin.Uint64()})
	return nil
}
