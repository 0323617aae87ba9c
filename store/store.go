package store

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/cockroachdb/pebble/v2"
	"github.com/ethereum/go-ethereum/common"

	"github.com/qf-dev/qf/calc"
)

var (
	// ErrNoRound reports a round number that does not exist.
	ErrNoRound = errors.New("no such round")
	// ErrRoundClosed reports a write to a round that is no longer open.
	ErrRoundClosed = errors.New("round is closed")
	// ErrRoundOpen reports a read of results from a round not yet closed.
	ErrRoundOpen = errors.New("round is still open")
	// ErrRoundExists reports creating a round number that is taken.
	ErrRoundExists = errors.New("round already exists")
	// ErrGapExists reports registering a gap that is already registered
	// to a different recipient.
	ErrGapExists = errors.New("gap already registered")
	// ErrOtherChain reports an on-chain import or submit to a contract or
	// chain other than the round's.
	ErrOtherChain = errors.New("other chain or contract")
)

// Status is a round's life stage: open → closed → submitted.
type Status string

// Round statuses.
const (
	StatusOpen      Status = "open"
	StatusClosed    Status = "closed"
	StatusSubmitted Status = "submitted"
	// StatusVoid is a service round voided by the admin: every
	// contribution went back to its agent (package ledger, Ledger.VoidRound).
	StatusVoid Status = "void"
)

// Round is a round's metadata.
type Round struct {
	Number        uint64      `json:"number"`
	Name          string      `json:"name,omitempty"`
	Config        calc.Config `json:"config"`
	Decimals      uint8       `json:"decimals"`
	Leaf          string      `json:"leaf,omitempty"`
	Status        Status      `json:"status"`
	Contributions int         `json:"contributions"`
	// Voided counts the contributions voided (still stored, left out of
	// the computation; see [Store.VoidContribution]).
	Voided int         `json:"voided,omitempty"`
	Root   common.Hash `json:"root,omitzero"`
	// Chain is the contract the round's donations come from and its root
	// goes to, set by the first on-chain import or submit.
	Chain       *ChainRef   `json:"chain,omitempty"`
	SubmitTx    common.Hash `json:"submitTx,omitzero"`
	SubmitBlock uint64      `json:"submitBlock,omitempty"`
}

// ChainRef ties a round to a contract on a chain.
type ChainRef struct {
	ChainID  uint64         `json:"chainId"`
	Contract common.Address `json:"contract"`
	// NextBlock is the first block the next on-chain import reads: every
	// DonationMade event below it is stored.
	NextBlock uint64 `json:"nextBlock"`
	// RoundEnd is the contract's roundEnd (unix seconds), and ReadThrough
	// the time of the last block imported (NextBlock-1): once ReadThrough
	// is past RoundEnd, every donation the contract took is stored.
	RoundEnd    uint64 `json:"roundEnd,omitempty"`
	ReadThrough uint64 `json:"readThrough,omitempty"`
}

// PastEnd reports whether the imports have read a block after the round's
// end, so no donation can be missing.
func (c *ChainRef) PastEnd() bool { return c.RoundEnd != 0 && c.ReadThrough > c.RoundEnd }

// Check refuses a chain or contract other than the one the round is tied to.
func (c *ChainRef) Check(chainID uint64, contract common.Address) error {
	if c == nil {
		return nil
	}
	if c.ChainID != chainID || c.Contract != contract {
		return fmt.Errorf("%w: the round is tied to contract %s on chain %d, not %s on chain %d",
			ErrOtherChain, c.Contract.Hex(), c.ChainID, contract.Hex(), chainID)
	}
	return nil
}

// Store is an open database (or a read-only snapshot of one, see
// [Store.Snapshot]).
type Store struct {
	db   *pebble.DB
	rd   pebble.Reader // db, or the snapshot reads go to
	snap *pebble.Snapshot
	// popts are the options the database was opened with (the bulk
	// import writes its sstables with them).
	popts *pebble.Options
	mu    sync.Mutex
	dir   string
	// damage is the first corruption Pebble reported, from any goroutine.
	damage atomic.Pointer[error]
	*health
}

// OpenWith opens (creating if needed) the database in dir with o: the
// service's fail-stop storage (see [Options]).
func OpenWith(dir string, o Options) (*Store, error) { return OpenModeWith(dir, MayCreate, o) }

// Close closes the database (a snapshot: releases it).
func (s *Store) Close() error {
	if s.snap != nil {
		return s.snap.Close()
	}
	return s.db.Close()
}

// Snapshot is a read-only view of the store as it is now: what later
// writes change is not seen through it. Close it when done; never write
// through it.
func (s *Store) Snapshot() *Store {
	snap := s.db.NewSnapshot()
	return &Store{db: s.db, rd: snap, snap: snap, dir: s.dir, health: s.health}
}

func (s *Store) get(key []byte) ([]byte, bool, error) {
	v, closer, err := s.rd.Get(key)
	if errors.Is(err, pebble.ErrNotFound) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	defer closer.Close()
	return append([]byte(nil), v...), true, nil
}

// CreateRound stores a new open round. Number 0 takes the next free number.
func (s *Store) CreateRound(r Round) (Round, error) {
	if err := r.Config.Validate(); err != nil {
		return r, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if r.Number == 0 {
		last, err := s.lastRound()
		if err != nil {
			return r, err
		}
		r.Number = last + 1
	} else if _, ok, err := s.get(roundKey(prefixRound, r.Number)); err != nil {
		return r, err
	} else if ok {
		return r, fmt.Errorf("%w: %d", ErrRoundExists, r.Number)
	}
	r.Status = StatusOpen
	r.Contributions, r.Voided = 0, 0
	return r, s.putRound(nil, r)
}

func (s *Store) lastRound() (uint64, error) {
	it, err := s.rd.NewIter(&pebble.IterOptions{LowerBound: []byte{prefixRound}, UpperBound: []byte{prefixRound + 1}})
	if err != nil {
		return 0, err
	}
	defer it.Close()
	if !it.Last() {
		return 0, it.Error()
	}
	return binary.BigEndian.Uint64(it.Key()[1:]), nil
}

// jsonRound is a round's record as stored.
func jsonRound(r Round) ([]byte, error) { return json.Marshal(r) }

func (s *Store) putRound(b *pebble.Batch, r Round) error {
	v, err := jsonRound(r)
	if err != nil {
		return err
	}
	if b != nil {
		return b.Set(roundKey(prefixRound, r.Number), v, nil)
	}
	return s.setLocked(roundKey(prefixRound, r.Number), v) // callers hold s.mu
}

// Round reads a round.
func (s *Store) Round(n uint64) (Round, error) {
	var r Round
	v, ok, err := s.get(roundKey(prefixRound, n))
	if err != nil {
		return r, err
	}
	if !ok {
		return r, fmt.Errorf("%w: %d", ErrNoRound, n)
	}
	return r, json.Unmarshal(v, &r)
}

// Rounds lists every round in number order.
func (s *Store) Rounds() ([]Round, error) {
	it, err := s.rd.NewIter(&pebble.IterOptions{LowerBound: []byte{prefixRound}, UpperBound: []byte{prefixRound + 1}})
	if err != nil {
		return nil, err
	}
	defer it.Close()
	var out []Round
	for it.First(); it.Valid(); it.Next() {
		var r Round
		if err := json.Unmarshal(it.Value(), &r); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, it.Error()
}

// SetSubmitted records the transaction that posted a closed round's root
// (a zero tx when the contract already held it) and the contract it went to.
func (s *Store) SetSubmitted(n uint64, ref ChainRef, tx common.Hash, block uint64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	r, err := s.Round(n)
	if err != nil {
		return err
	}
	if r.Status == StatusOpen {
		return fmt.Errorf("round %d: %w", n, ErrRoundOpen)
	}
	if err := r.Chain.Check(ref.ChainID, ref.Contract); err != nil {
		return err
	}
	if r.Chain == nil {
		r.Chain = &ref
	}
	r.Status, r.SubmitTx, r.SubmitBlock = StatusSubmitted, tx, block
	return s.putRound(nil, r)
}
