package chain

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"strings"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/holiman/uint256"
)

// alloABI is the part of Allo v2's DonationVotingMerkleDistribution
// strategy an import reads (allo-protocol/allo-v2): the base strategy's
// Allocated(recipientId, amount, token, sender) from IStrategy, the
// DirectTransfer strategy's later Allocated(…, sender, origin), and the
// allocationEndTime() getter (uint64, unix seconds: the strategy compares
// it with block.timestamp).
const alloABI = `[
{"anonymous":false,"name":"Allocated","type":"event","inputs":[
 {"indexed":true,"name":"recipientId","type":"address"},{"indexed":false,"name":"amount","type":"uint256"},
 {"indexed":false,"name":"token","type":"address"},{"indexed":false,"name":"sender","type":"address"}]},
{"anonymous":false,"name":"Allocated","type":"event","inputs":[
 {"indexed":true,"name":"recipientId","type":"address"},{"indexed":false,"name":"amount","type":"uint256"},
 {"indexed":false,"name":"token","type":"address"},{"indexed":false,"name":"sender","type":"address"},
 {"indexed":false,"name":"origin","type":"address"}]},
{"inputs":[],"name":"allocationEndTime","outputs":[{"name":"","type":"uint64"}],"stateMutability":"view","type":"function"}
]`

var alloParsed = func() abi.ABI {
	a, err := abi.JSON(strings.NewReader(alloABI))
	if err != nil {
		panic(err)
	}
	return a
}()

// alloEvent is the parsed event whose signature is sig.
func alloEvent(sig string) abi.Event {
	for _, e := range alloParsed.Events {
		if e.Sig == sig {
			return e
		}
	}
	panic("no event " + sig)
}

// The two Allocated signatures and their topics.
var (
	allocated       = alloEvent("Allocated(address,uint256,address,address)")
	allocatedOrigin = alloEvent("Allocated(address,uint256,address,address,address)")
	// AllocatedTopic is keccak256("Allocated(address,uint256,address,address)").
	AllocatedTopic = allocated.ID
	// AllocatedOriginTopic is keccak256("Allocated(address,uint256,address,address,address)").
	AllocatedOriginTopic = allocatedOrigin.ID
)

// ErrNotAlloStrategy reports a contract that does not answer the Allo v2
// strategy's allocationEndTime().
var ErrNotAlloStrategy = errors.New("contract is not an Allo v2 DonationVotingMerkleDistribution strategy (no allocationEndTime())")

// AlloStrategy is an Allo v2 DonationVotingMerkleDistribution strategy
// whose Allocated events a round imports.
type AlloStrategy struct {
	b    Backend
	addr common.Address
	// End is allocationEndTime (unix seconds): no allocation after it.
	End uint64
}

// OpenAllo checks that addr holds a contract that answers
// allocationEndTime() and reads it.
func OpenAllo(ctx context.Context, b Backend, addr common.Address) (*AlloStrategy, error) {
	code, err := b.CodeAt(ctx, addr, nil)
	if err != nil {
		return nil, fmt.Errorf("reading code at %s: %w", addr.Hex(), err)
	}
	if len(code) == 0 {
		return nil, fmt.Errorf("%s: %w", addr.Hex(), ErrNoCode)
	}
	data, _ := alloParsed.Pack("allocationEndTime")
	out, err := b.CallContract(ctx, ethereum.CallMsg{To: &addr, Data: data}, nil)
	if err == nil {
		err = checkWord(out)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w: %v", addr.Hex(), ErrNotAlloStrategy, err)
	}
	end := new(big.Int).SetBytes(out)
	if !end.IsUint64() {
		return nil, fmt.Errorf("%s: %w: allocationEndTime %s is past 64 bits", addr.Hex(), ErrNotAlloStrategy, end)
	}
	return &AlloStrategy{b: b, addr: addr, End: end.Uint64()}, nil
}

// Allocation is one Allocated event.
type Allocation struct {
	Block       uint64
	TxHash      common.Hash
	LogIndex    uint
	RecipientID common.Address
	Amount      uint256.Int
	Token       common.Address
	Sender      common.Address // who called Allo's allocate: the donor, or a checkout contract
	// Origin is the origin variant's donor (tx.origin); zero in the base
	// strategy's event.
	Origin    common.Address
	HasOrigin bool
}

// Donor is who gave: the event's origin when it has one (sender is then
// the checkout contract that called Allo, the same for every donor, as
// Grants Stack's indexer reads it), else its sender.
func (a *Allocation) Donor() common.Address {
	if a.HasOrigin {
		return a.Origin
	}
	return a.Sender
}

// ID names the event uniquely on its chain, as [Donation.ID] does.
func (a *Allocation) ID() string { return fmt.Sprintf("tx:%s:%d", a.TxHash.Hex(), a.LogIndex) }

// ScanAllocations reads the strategy's Allocated events (both signatures)
// from s.From to s.To in windows as [Round.ScanEvents] does (a refused
// window is halved, a good one doubled up to s.MaxWindow) and calls fn
// with each window's events in chain order and the window's last block.
// fn's error stops the scan.
func (s *AlloStrategy) ScanAllocations(ctx context.Context, sc Scan, fn func(as []Allocation, through uint64) error) error {
	return scanLogs(ctx, s.b, s.addr, [][]common.Hash{{AllocatedTopic, AllocatedOriginTopic}}, "Allocated", sc, func(logs []types.Log, through uint64) error {
		var as []Allocation
		for i := range logs {
			l := &logs[i]
			if l.Removed || len(l.Topics) == 0 {
				continue
			}
			a, err := decodeAllocated(l)
			if err != nil {
				return fmt.Errorf("block %d tx %s log %d: %w", l.BlockNumber, l.TxHash.Hex(), l.Index, err)
			}
			as = append(as, a)
		}
		return fn(as, through)
	})
}

func decodeAllocated(l *types.Log) (Allocation, error) {
	a := Allocation{Block: l.BlockNumber, TxHash: l.TxHash, LogIndex: l.Index}
	ev := allocated
	if l.Topics[0] == AllocatedOriginTopic {
		ev, a.HasOrigin = allocatedOrigin, true
	}
	if len(l.Topics) != 2 {
		return a, fmt.Errorf("decoding Allocated: %d topics, want 2 (signature, recipientId)", len(l.Topics))
	}
	vals, err := ev.Inputs.NonIndexed().Unpack(l.Data)
	if err != nil {
		return a, fmt.Errorf("decoding Allocated: %w", err)
	}
	a.RecipientID = common.BytesToAddress(l.Topics[1].Bytes())
	if l.Topics[1] != common.BytesToHash(a.RecipientID.Bytes()) {
		return a, fmt.Errorf("decoding Allocated: recipientId topic %s is not an address", l.Topics[1].Hex())
	}
	amount := vals[0].(*big.Int)
	if a.Amount.SetFromBig(amount) {
		return a, fmt.Errorf("decoding Allocated: amount past 256 bits")
	}
	a.Token, a.Sender = vals[1].(common.Address), vals[2].(common.Address)
	if a.HasOrigin {
		a.Origin = vals[3].(common.Address)
	}
	return a, nil
}

// scanLogs reads addr's logs matching topics from s.From to s.To in
// windows, halved when the node refuses one and doubled after one it
// serves (up to s.MaxWindow), and calls fn with each window's logs and its
// last block; fn's error stops the scan. [Round.ScanEvents] and the Allo
// import share it.
func scanLogs(ctx context.Context, b Backend, addr common.Address, topics [][]common.Hash, what string, s Scan, fn func([]types.Log, uint64) error) error {
	max := s.MaxWindow
	if max == 0 {
		max = MaxWindow
	}
	span := min(uint64(FirstWindow), max)
	for from := s.From; from <= s.To; {
		to := min(s.To, from+span-1)
		logs, err := b.FilterLogs(ctx, ethereum.FilterQuery{
			FromBlock: new(big.Int).SetUint64(from), ToBlock: new(big.Int).SetUint64(to),
			Addresses: []common.Address{addr}, Topics: topics,
		})
		if s.Window != nil {
			s.Window(from, to, err)
		}
		if err != nil {
			if ctx.Err() != nil || errors.Is(err, context.DeadlineExceeded) || span == 1 {
				return fmt.Errorf("reading %s logs of blocks %d..%d: %w", what, from, to, err)
			}
			span /= 2
			continue
		}
		if err := fn(logs, to); err != nil {
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

// DeployBlock finds the block addr's code was deployed in by bisection
// over eth_getCode at past blocks up to head. It needs a node that keeps
// past state (an archive node, or a recent enough deployment); when the
// node has none the error says so.
func DeployBlock(ctx context.Context, b Backend, addr common.Address, head uint64) (uint64, error) {
	has := func(n uint64) (bool, error) {
		code, err := b.CodeAt(ctx, addr, new(big.Int).SetUint64(n))
		if err != nil {
			return false, fmt.Errorf("reading the code at block %d: %w", n, err)
		}
		return len(code) > 0, nil
	}
	ok, err := has(head)
	if err != nil {
		return 0, err
	}
	if !ok {
		return 0, fmt.Errorf("%s: %w at block %d", addr.Hex(), ErrNoCode, head)
	}
	lo, hi := uint64(0), head // code at hi; find the least such block
	for lo < hi {
		mid := lo + (hi-lo)/2
		ok, err := has(mid)
		if err != nil {
			return 0, err
		}
		if ok {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo, nil
}
