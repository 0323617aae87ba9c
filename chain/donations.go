package chain

import (
	"context"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
)

// Donation is one DonationMade event (a CQFRound's PledgeMade: Donor is
// the pledger, Amount the limit).
type Donation struct {
	Block    uint64
	TxHash   common.Hash
	LogIndex uint
	Gap      uint256.Int
	Donor    common.Address
	Amount   uint256.Int
}

// ID names the event uniquely on its chain (transaction hash and log index),
// so importing the same event twice stores it once.
func (d *Donation) ID() string { return fmt.Sprintf("tx:%s:%d", d.TxHash.Hex(), d.LogIndex) }

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

// ScanDonations reads DonationMade (a CQFRound: PledgeMade) events from s.From to s.To in windows
// and calls fn with each window's donations, in chain order, and the last
// block the window covers. fn's error stops the scan. When fn has returned
// for a window, every event up to `through` has been delivered, so a caller
// that records `through` can resume after an interruption.
func (r *Round) ScanDonations(ctx context.Context, s Scan, fn func(ds []Donation, through uint64) error) error {
	max := s.MaxWindow
	if max == 0 {
		max = MaxWindow
	}
	span := min(uint64(FirstWindow), max)
	event := r.kind.Event()
	var topic common.Hash
	if r.kind == KindCQF {
		topic = r.cqf.GetABI().Events[event].ID
	} else {
		topic = r.qf.GetABI().Events[event].ID
	}
	for from := s.From; from <= s.To; {
		to := min(s.To, from+span-1)
		logs, err := r.b.FilterLogs(ctx, ethereum.FilterQuery{
			FromBlock: new(big.Int).SetUint64(from), ToBlock: new(big.Int).SetUint64(to),
			Addresses: []common.Address{r.addr}, Topics: [][]common.Hash{{topic}},
		})
		if s.Window != nil {
			s.Window(from, to, err)
		}
		if err != nil {
			if ctx.Err() != nil || errors.Is(err, context.DeadlineExceeded) || span == 1 {
				return fmt.Errorf("reading %s logs of blocks %d..%d: %w", event, from, to, err)
			}
			span /= 2 // the node refused the window: try half
			continue
		}
		ds := make([]Donation, 0, len(logs))
		for i := range logs {
			l := &logs[i]
			if l.Removed {
				continue
			}
			d := Donation{Block: l.BlockNumber, TxHash: l.TxHash, LogIndex: l.Index}
			var gap, amount *big.Int
			if r.kind == KindCQF {
				ev, err := r.cqf.UnpackPledgeMadeEvent(l)
				if err != nil {
					return fmt.Errorf("block %d tx %s log %d: decoding %s: %w", l.BlockNumber, l.TxHash.Hex(), l.Index, event, err)
				}
				d.Donor, gap, amount = ev.Pledger, ev.ProjectId, ev.Limit
			} else {
				ev, err := r.qf.UnpackDonationMadeEvent(l)
				if err != nil {
					return fmt.Errorf("block %d tx %s log %d: decoding %s: %w", l.BlockNumber, l.TxHash.Hex(), l.Index, event, err)
				}
				d.Donor, gap, amount = ev.Donor, ev.ProjectId, ev.Amount
			}
			if d.Gap.SetFromBig(gap) || d.Amount.SetFromBig(amount) {
				return fmt.Errorf("block %d tx %s log %d: value past 256 bits", l.BlockNumber, l.TxHash.Hex(), l.Index)
			}
			ds = append(ds, d)
		}
		if err := fn(ds, to); err != nil {
			return err
		}
		if to == s.To {
			break
		}
		from = to + 1
		span = min(span*2, max)
	}
	return nil
}
