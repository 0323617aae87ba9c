package store

// CarrySums makes open round r's statistics sums anew from its stored
// rows. A match moves the funds made while it computed into the round it
// opens with [PutContribution] in its own batch, which keeps no sums: the
// ledger calls this once that batch is applied, so the new round's
// projection reads its sums (and its later funds keep them) instead of
// computing the whole round from its rows until it closes. It reads every
// row of r: call it while they are few, as the round's only writer.
func (s *Store) CarrySums(r Round) error {
	if !keepsSums(r) {
		return nil
	}
	return s.rebuildSums(r)
}
