package store

import "github.com/qf-dev/qf/record"

// afterImport runs at the end of every successful import of contributions
// into round, once what it stored is durable: added replays the rows the
// import added (in any order, with their ids and sequences; the rows are
// only valid during each call). Its error is returned (wrapped) by the
// import, whose rows stay stored. It does nothing yet: maintained
// statistics of open rounds hook in here.
func (s *Store) afterImport(round uint64, added func(fn func(*record.Contribution) error) error) error {
	return nil
}
