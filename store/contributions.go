package store

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/maphash"
	"strconv"
	"sync/atomic"

	"github.com/cockroachdb/pebble/v2"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/cqf"
	"github.com/qf-dev/qf/price"
	"github.com/qf-dev/qf/record"
)

// ImportStats counts what an import did.
type ImportStats struct {
	Added      int `json:"added"`
	Duplicates int `json:"duplicates"`
}

// ErrBadRecord reports a stored contribution that does not decode (a damaged database).
var ErrBadRecord = errors.New("damaged contribution record")

// autoID names a row that came without an id: the hash of its content and
// how many identical rows came before it in the same import. Importing the
// same file twice therefore stores it once, while two identical gifts in
// one file stay two.
func autoID(r *record.Contribution, occurrence int) []byte {
	parts := [][]byte{r.Donor, {0}, r.Gap.Bytes(), {0}, r.Amount.Bytes(), {0}, r.Weight, {0}, r.Score, {0}, []byte(strconv.Itoa(occurrence))}
	if len(r.Token) > 0 { // rows without a token keep the ids they always had
		parts = append(parts, []byte{0, 't'}, r.Token, []byte{0}, r.Chain)
	}
	h := crypto.Keccak256(parts...)
	return []byte("auto:" + hex.EncodeToString(h[:16]))
}

// encodeContribution writes a row's content and then, when known, its
// arrival sequence (records from before sequences were kept end there).
func encodeContribution(r *record.Contribution) []byte {
	v := encodeContent(r)
	if r.Seq != 0 {
		v = binary.AppendUvarint(v, r.Seq)
	}
	return v
}

// encodeContent writes what a row says, without where it arrived.
func encodeContent(r *record.Contribution) []byte {
	return appendContent(make([]byte, 0, 90+len(r.Donor)), r)
}

// appendContent appends what encodeContent writes to v.
func appendContent(v []byte, r *record.Contribution) []byte {
	v = binary.AppendUvarint(v, uint64(len(r.Donor)))
	v = append(v, r.Donor...)
	v = appendInt(v, &r.Gap)
	v = appendInt(v, &r.Amount)
	v = binary.AppendUvarint(v, uint64(len(r.Weight)))
	v = append(v, r.Weight...)
	v = binary.AppendUvarint(v, uint64(len(r.Score)))
	v = append(v, r.Score...)
	return appendToken(v, r)
}

// appendInt appends x's length in bytes and its big-endian bytes (x.Bytes(),
// without allocating them).
func appendInt(v []byte, x *uint256.Int) []byte {
	b := x.Bytes32()
	n := x.ByteLen()
	v = append(v, byte(n))
	return append(v, b[32-n:]...)
}

func decodeContribution(v []byte, r *record.Contribution) error {
	take := func() ([]byte, bool) {
		n, k := binary.Uvarint(v)
		if k <= 0 || uint64(len(v)-k) < n {
			return nil, false
		}
		out := v[k : k+int(n)]
		v = v[k+int(n):]
		return out, true
	}
	takeInt := func(z *uint256.Int) bool {
		if len(v) < 1 || len(v) < 1+int(v[0]) || v[0] > 32 {
			return false
		}
		z.SetBytes(v[1 : 1+int(v[0])])
		v = v[1+int(v[0]):]
		return true
	}
	var ok bool
	if r.Donor, ok = take(); !ok || !takeInt(&r.Gap) || !takeInt(&r.Amount) {
		return ErrBadRecord
	}
	if r.Weight, ok = take(); !ok {
		return ErrBadRecord
	}
	if r.Score, ok = take(); !ok {
		return ErrBadRecord
	}
	if len(v) > 0 && v[0] == tokenMark {
		v = v[1:]
		if r.Token, ok = take(); !ok || len(r.Token) == 0 {
			return ErrBadRecord
		}
		if r.Chain, ok = take(); !ok {
			return ErrBadRecord
		}
	}
	if len(v) > 0 {
		seq, k := binary.Uvarint(v)
		if k != len(v) || seq == 0 {
			return ErrBadRecord
		}
		r.Seq = seq
	}
	return nil
}

// Import stores contributions to an open round in one batch. scan feeds
// rows to add in order; if scan or add fails nothing is stored.
//
// Every row is checked as computing the round would check it (see
// [record.Checker]), against the round's stored rows and the earlier rows
// of the same import, so that no accepted write can leave a round that
// qf match refuses. Every row's gap must be registered. A row whose id the
// round already has (from before, or earlier in the same import) is
// skipped as a duplicate when its content is the same, and refused when it
// differs (ErrConflict, naming both places).
func (s *Store) Import(round uint64, scan func(add func(*record.Contribution) error) error) (ImportStats, error) {
	return s.ImportUpdating(round, scan, nil)
}

// ErrConflict reports a contribution id given again with other content.
var ErrConflict = record.ErrConflict

// firstSeen is where an id first came in an import, and a hash of its
// content (a seeded 64-bit hash: no input can aim at a collision).
type firstSeen struct {
	line int
	item bool
	hash uint64
}

func (f firstSeen) where() string {
	switch {
	case f.line == 0:
		return "earlier in this import"
	case f.item:
		return fmt.Sprintf("item %d", f.line)
	}
	return fmt.Sprintf("line %d", f.line)
}

// ImportUpdating is [Store.Import] that also lets update change the round's
// record in the same atomic batch (the on-chain import moves its cursor with
// the events it stores). update runs only when scan succeeded.
func (s *Store) ImportUpdating(round uint64, scan func(add func(*record.Contribution) error) error, update func(*Round) error) (ImportStats, error) {
	return s.importRows(round, scan, update, false, nil)
}

// importRows is [Store.ImportUpdating]; replay says scan may be run twice
// ([Store.ImportFile]), which takes the bulk path ([Store.importBulk])
// into a round whose mechanism needs no dry run.
func (s *Store) importRows(round uint64, scan func(add func(*record.Contribution) error) error, update func(*Round) error, replay bool, parts FileParts) (ImportStats, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var st ImportStats
	r, err := s.Round(round)
	if err != nil {
		return st, err
	}
	if r.Status != StatusOpen {
		return st, fmt.Errorf("%w: round %d is %s and takes no more contributions", ErrRoundClosed, round, r.Status)
	}
	gaps, err := s.Gaps()
	if err != nil {
		return st, err
	}
	known := make(map[uint256.Int]struct{}, len(gaps))
	for _, g := range gaps {
		known[g.ID] = struct{}{}
	}
	if replay && update == nil && rowChecksSuffice[r.Config.Mechanism] {
		return s.importBulk(r, known, scan, parts)
	}
	chk, plain, err := s.loadChecker(r)
	if err != nil {
		return st, err
	}
	b := s.db.NewBatch()
	defer b.Close()
	inBatch := map[string]firstSeen{}
	seed := maphash.MakeSeed()
	occurrences := map[string]int{}
	checkStore := r.Contributions > 0
	cqf := r.Config.Mechanism == calc.CQFName
	dry := !cqf && !rowChecksSuffice[r.Config.Mechanism]
	var fresh []record.Contribution // this import's rows, for the dry run
	var pre *storedIDs              // the stored ids, looked up in order (ImportFile)
	if checkStore && replay {
		if pre, err = s.lookupStored(round, scan); err != nil {
			return st, err
		}
	}
	rowIndex := -1
	err = scan(func(row *record.Contribution) error {
		rowIndex++
		if _, ok := known[row.Gap]; !ok {
			return &record.FieldError{Field: "gap", Err: &UnregisteredGapError{ID: row.Gap}}
		}
		id := row.ID
		content := encodeContent(row)
		auto := len(id) == 0 // the id is a hash of the content: a repeat is the same row
		if auto {
			tuple := string(content)
			id = autoID(row, occurrences[tuple])
			occurrences[tuple]++
		}
		key := contribKey(round, id)
		hash := maphash.Bytes(seed, content)
		if first, dup := inBatch[string(key)]; dup {
			if !auto && first.hash != hash {
				return &record.FieldError{Field: "id", Err: fmt.Errorf("%w: %q is also at %s with other content", ErrConflict, id, first.where())}
			}
			st.Duplicates++
			return nil
		}
		if checkStore {
			ok, same, v, known := pre.at(rowIndex)
			if !known {
				var gerr error
				if v, ok, gerr = s.get(key); gerr != nil {
					return gerr
				}
			}
			if ok {
				if !auto && !same {
					if err := s.sameAsStored(round, id, v, content); err != nil {
						return err
					}
				}
				st.Duplicates++
				return nil
			}
		}
		if cqf {
			if err := checkPledge(row); err != nil {
				return err
			}
		}
		if err := chk.Add(row); err != nil {
			return err
		}
		plain = plain && plainRow(row)
		inBatch[string(key)] = firstSeen{line: row.Line, item: row.Item, hash: hash}
		st.Added++
		row.Seq = uint64(r.Contributions + st.Added)
		if dry {
			fresh = append(fresh, copyRow(row))
		}
		return b.Set(key, encodeContribution(row), nil)
	})
	if err != nil {
		return ImportStats{}, err
	}
	if dry && st.Added > 0 {
		if err := s.dryRun(r, gaps, fresh, ""); err != nil {
			return ImportStats{}, err
		}
	}
	if st.Added == 0 && update == nil {
		return st, nil
	}
	if update != nil {
		if err := update(&r); err != nil {
			return ImportStats{}, err
		}
	}
	r.Contributions += st.Added
	if err := s.putRound(b, r); err != nil {
		return ImportStats{}, err
	}
	if _, err := putCheckState(b, r, chk, plain); err != nil {
		return ImportStats{}, err
	}
	repr := b.Reader() // before the commit: Pebble takes a large batch's contents with it
	if err := s.commitLocked(b); err != nil {
		return ImportStats{}, fmt.Errorf("committing contributions: %w", err)
	}
	if st.Added == 0 {
		return st, nil
	}
	return st, s.hookImport(round, func(fn func(*record.Contribution) error) error { rd := repr; return replayBatch(&rd, fn) })
}

// batchReader reads a batch's records (pebble.Batch.Reader).
type batchReader = interface {
	Next() (kind pebble.InternalKeyKind, ukey []byte, value []byte, ok bool, err error)
}

// importHook is what runs after an import: [Store.afterImport] (a
// variable for the tests).
var importHook = (*Store).afterImport

// bulkHook is what runs after a bulk import: [Store.afterImportFrom],
// with the import's fresh sums at hand (a variable for the tests, which
// set both).
var bulkHook = (*Store).afterImportFrom

// hookImport runs [Store.afterImport] and words its error.
func (s *Store) hookImport(round uint64, added func(fn func(*record.Contribution) error) error) error {
	return hookErr(round, importHook(s, round, added))
}

// hookBulk runs [Store.afterImportFrom] after bulk import bk and words
// its error.
func (s *Store) hookBulk(round uint64, bk *bulk) error {
	return hookErr(round, bulkHook(s, round, bk.replay, bk.freshChunk))
}

func hookErr(round uint64, err error) error {
	if err != nil {
		return fmt.Errorf("round %d: the contributions are stored, but updating what follows them failed: %w", round, err)
	}
	return nil
}

// replayBatch calls fn with every contribution an import batch set: rd
// reads it, taken before the commit (which may hand a large batch's
// contents to Pebble and clear the batch's own).
func replayBatch(rd batchReader, fn func(*record.Contribution) error) error {
	for {
		kind, k, v, ok, err := rd.Next()
		if err != nil {
			return err
		}
		if !ok {
			return nil
		}
		if kind != pebble.InternalKeyKindSet || len(k) < 9 || k[0] != prefixContribution {
			continue
		}
		var row record.Contribution
		if err := decodeContribution(v, &row); err != nil {
			return err
		}
		row.ID = k[9:]
		if err := fn(&row); err != nil {
			return err
		}
	}
}

// rowChecksSuffice lists the pool mechanisms that every round passing the
// row checks ([record.Checker]) can be computed with (the properties in
// properties_test.go). The others (pairwise, cluster, cocm) can also
// refuse a round as a whole (amounts spanning too wide a range for a
// result within 10^-9 of the pool, too many gaps for their matrices), so
// an import into such a round is computed in full before it is stored.
var rowChecksSuffice = map[string]bool{"qf": true, "linear": true}

// ErrUnmatchable reports an import that would leave a round that cannot
// be matched.
var ErrUnmatchable = errors.New("the round could not be matched with these contributions")

// Rehearsal computes round r, as a match would, over the rows each
// yields (gaps is the registry), and returns the error the computation
// gives, nil if it could. The store does not know how rounds are computed:
// package round registers its rehearsal with [RegisterRehearsal] when it
// is imported.
type Rehearsal func(r Round, gaps []calc.Gap, prices *price.Ledger, each func(fn func(*record.Contribution) error) error) error

var rehearsal atomic.Pointer[Rehearsal]

// RegisterRehearsal sets the computation behind the dry runs of imports
// and voids into rounds whose mechanism can refuse a round as a whole
// (see rowChecksSuffice). Package round calls it from its init.
func RegisterRehearsal(fn Rehearsal) { rehearsal.Store(&fn) }

// ErrNoRehearsal reports a dry run asked for with no computation
// registered: the program does not link package round.
var ErrNoRehearsal = errors.New("no round computation registered for the dry run (import github.com/qf-dev/qf/round)")

// dryRun computes round r over its stored rows (but the one with id
// skip, if given) and fresh, as qf match would, and reports whether it
// could.
func (s *Store) dryRun(r Round, gaps []calc.Gap, fresh []record.Contribution, skip string) error {
	fn := rehearsal.Load()
	if fn == nil {
		return ErrNoRehearsal
	}
	prices, err := s.Prices(r.Number)
	if err != nil {
		return err
	}
	hint := r
	hint.Contributions += len(fresh) // sizes the tally
	err = (*fn)(hint, gaps, prices, func(add func(*record.Contribution) error) error {
		err := s.EachContribution(r.Number, func(row *record.Contribution) error {
			if skip != "" && string(row.ID) == skip {
				return nil
			}
			return add(row)
		})
		if err != nil {
			return err
		}
		for i := range fresh {
			if err := add(&fresh[i]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("%w (%w); nothing was stored", ErrUnmatchable, err)
	}
	return nil
}

// copyRow copies a row out of its reader's buffers.
func copyRow(r *record.Contribution) record.Contribution {
	c := *r
	c.ID = bytes.Clone(r.ID)
	c.Donor = bytes.Clone(r.Donor)
	c.Weight = bytes.Clone(r.Weight)
	c.Score = bytes.Clone(r.Score)
	c.Token = bytes.Clone(r.Token)
	c.Chain = bytes.Clone(r.Chain)
	return c
}

// sameAsStored refuses a row whose id is stored with other content.
func (s *Store) sameAsStored(round uint64, id, stored, content []byte) error {
	var old record.Contribution
	if err := decodeContribution(stored, &old); err != nil {
		return fmt.Errorf("round %d contribution %q: %w", round, id, err)
	}
	if bytes.Equal(encodeContent(&old), content) {
		return nil
	}
	state := "stored row"
	if _, voided, err := s.get(voidKey(round, id)); err != nil {
		return err
	} else if voided {
		state = "stored row, voided"
	}
	return &record.FieldError{Field: "id", Err: fmt.Errorf("%w: %q is already stored with other content (%s: %s); give this contribution another id",
		ErrConflict, id, state, describe(&old))}
}

// describe renders a row's content for a message.
func describe(r *record.Contribution) string {
	d := fmt.Sprintf("donor %s, gap %s, amount %s", r.Donor, r.Gap.Dec(), r.Amount.Dec())
	if len(r.Weight) > 0 {
		d += ", weight " + string(r.Weight)
	}
	if len(r.Score) > 0 {
		d += ", score " + string(r.Score)
	}
	if len(r.Token) > 0 {
		d += ", token " + price.Name(string(r.Token), string(r.Chain))
	}
	return d
}

// ErrPledge reports a row that a coordinated-QF round cannot take. It is
// [cqf.ErrPledge]: one error for every unusable pledge.
var ErrPledge = cqf.ErrPledge

// checkPledge refuses what a coordinated-QF pledge cannot have: a donor
// that is not an address (its refund is paid to it) and weights or scores
// (every pledge counts alike).
func checkPledge(row *record.Contribution) error {
	if !record.IsPledgerAddress(string(row.Donor)) {
		return &record.FieldError{Field: "donor", Err: fmt.Errorf("%w: %q must be a 0x address, since the pledger's refund is paid to it", ErrPledge, row.Donor)}
	}
	if len(row.Weight) > 0 {
		return &record.FieldError{Field: "weight", Err: fmt.Errorf("%w: coordinated QF takes no weights (every pledge counts alike)", ErrPledge)}
	}
	if len(row.Score) > 0 {
		return &record.FieldError{Field: "score", Err: fmt.Errorf("%w: coordinated QF takes no scores (every pledge counts alike)", ErrPledge)}
	}
	if !row.Amount.Lt(cqf.MaxLimit) {
		return &record.FieldError{Field: "amount", Err: fmt.Errorf("%w: limit %s must be below 2^200", ErrPledge, row.Amount.Dec())}
	}
	return nil
}

// EachContribution calls fn for every stored contribution of a round that
// is not voided, in id order: what computing the round reads. The row's
// slices are only valid during the call.
func (s *Store) EachContribution(round uint64, fn func(*record.Contribution) error) error {
	return s.EachStored(round, func(r *record.Contribution, v *Void) error {
		if v != nil {
			return nil
		}
		return fn(r)
	})
}

// EachStored calls fn for every stored contribution of a round, voided
// ones included (v is their void, nil for the others), in id order.
func (s *Store) EachStored(round uint64, fn func(r *record.Contribution, v *Void) error) error {
	voids, err := s.voids(round)
	if err != nil {
		return err
	}
	return s.eachStoredRow(round, voids, fn)
}
