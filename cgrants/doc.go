// Package cgrants reads the Gitcoin Grants rounds 1–8 (2019–2021) and
// compares qf's mechanisms with the matches Gitcoin published.
//
// The dataset (see ../shared/data/gitcoin-cgrants) is three files:
//
//   - contributions.csv.xz: every contribution, with time, anonymized
//     contributor, grant title and amount in USD;
//   - clr_rounds.csv: each round's dates (rounds 7 and 8 ran as several
//     sub-rounds; a round's window is the union of its Ethereum sub-rounds);
//   - grants_data.csv: each grant's published match per round.
//
// [Load] joins them: a round's contributions are those made inside its
// window, and its grants are matched to published results by title. Amounts
// in USD become integers with 18 decimals, exactly (the file's decimals and
// exponents are read as rationals, then truncated below 10^-18 USD).
//
// [Compare] runs any of calc's mechanisms on a round with the published
// total as the pool and reports, per mechanism, the correlation of its
// matches with the published ones. Only GR1–GR3 used plain QF; later rounds
// added pairwise matching and trust bonuses whose inputs are not public, so
// agreement is expected to drop there and exact equality is never expected.
// Correlations are floats: this package reports, it never pays.
package cgrants
