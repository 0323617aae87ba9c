// Package store keeps rounds, the gap registry, contributions and closed
// rounds' results and trees in Pebble.
//
// It keeps records and knows nothing of how rounds are computed: it
// imports calc (types and rules), merkle (trees) and record (the
// contribution row and its write-time checks), never ingest, round,
// payout or service. A closed round's results are stored as the bytes
// package round hands it ([Store.CloseRound], [Store.ReportRecord]); a
// ledger match books the [PoolResults] or [CQFResults] its [Compute]
// returns; the dry run of an import into a round whose mechanism can
// refuse it as a whole runs the [Rehearsal] round registers.
//
// Every contribution is checked when it is written as computing the round
// would check it ([record.Checker]), against the stored rows too, so no
// accepted write leaves a round that cannot be matched; an id repeated
// with other content is refused. Before a round closes, a contribution can
// be voided and a gap's recipient changed; after, neither. A row in
// another token than the match token needs the round's price ledger
// ([Store.ImportPrices]) to price it first.
//
// Every command's writes go in one batch committed with sync (or, for a
// bulk import, one ingest of sstables), so an import stores every row or
// none, and a crash never leaves half a command behind. A process-wide
// mutex orders writers; Pebble's directory lock keeps other processes out.
//
// Reading a round's rows ([Store.EachStored], [Store.EachContribution]:
// match, stats, the dry runs) walks Pebble on one goroutine, copying raw
// records into batches, while the caller's goroutine decodes them and
// computes, in key order, with the same errors.
//
// [Store.ImportFile] (`qf import contributions`) into a qf or linear
// round is a bulk import, in memory bounded whatever the file's size
// (bulk.go): a first scan sorts every row (key, content, place in the
// file) externally, in runs spilled to a temporary folder inside the
// database folder; one merge with one ordered iterator over the round's
// stored keys decides each row's verdict (new, duplicate, conflict) into
// a byte per row; a second scan applies the checks in file order with
// the verdicts — the same first error as [Store.Import] — and is skipped
// when no row can fail (plain rows, nothing in conflict); the new rows,
// numbered in file order, go into sstables (one per key range) and the
// round's record and check state into one each, linked in by one Pebble
// ingest. The first scan parses on the caller's goroutine and hands
// batches of encoded rows to the sorts on another; given the file in
// parts ([Store.ImportFileParts], a CSV file's lines cut by
// ingest.ContributionParts) it parses them on every core, each row
// encoded straight into the sort's arena (bulkscan.go), and falls back to
// the serial scan, keeping nothing, on anything that scan would stop at
// or a sort that would spill. A sort held in memory is sorted on every
// core (up to 4). Into a fresh round (no
// rows before) the import also makes the round's statistics sums from
// its sort in memory, by sorting instead of hashing (sumsfresh.go) —
// deferred sums: what stats and the match read (the gaps' sums, the
// recipients' own cells, the head), not the million cells and donors'
// row counts only a later write needs —, writes their tables on another
// goroutine and links them in by the same
// ingest: rows, round record and sums appear at once, or, on any error or
// a SIGKILL, none of them (TestFreshImportCrash,
// TestFreshImportTableFailure). A killed import's temporary folder is
// removed when the database is next opened. Smaller files
// (under 10,000 rows) are committed in one batch, with the same records.
// Into pairwise, cluster, cocm (whose import is computed in full first)
// and cqf rounds (whose checks sum per pledger and gap) ImportFile keeps
// the batch path, with the file's ids sorted and looked up in one ordered
// pass (prefetch.go). Every import keeps the round's check state (its
// total, under prefixChecks) so that the next one need not read the
// stored rows; a void or the service's writes change the round's counts
// and the next import reads them again. At the end of every import that
// added rows, afterImport (hooks.go) gets them, once they are durable.
//
// A match reads a round on every core ([Store.ReadBlock]): the round's
// key range is cut where Pebble estimates equal sizes on disk, each part
// is read by its own iterator, each record in place (plainRecord), and
// the tally gets one block with the rows and donors in key order, as the
// row-by-row read would add them (rounds with weights, scores or tokens
// are read row by row).
//
// An open "qf" or "linear" round keeps statistics sums (opensums.go): per
// (gap, donor) cell its total, per gap its direct total, donors and Σ
// calc.QFRoot, the round's rows and distinct donors, stamped with the
// round record's Contributions and Voided. Imports (through the
// afterImport hook, a bounded chunk at a time), voids and ledger funds
// ([Store.FundSums]; [Store.CarrySums] for the funds a match carries into
// the round it opens) keep them in step; [Store.OpenSums] hands them to
// package round in O(gaps) reads ([Store.MatchSums] with the round's
// record and check state in one view, for a match that pays from them)
// and refuses stale ones (rows written without them: a crash between an
// import and its hook, a database from before), which the next import
// rebuilds. The first write into a round whose sums are deferred (an
// import, a void, a ledger fund, a recipient's change) makes them whole
// first, from the rows read as a block on every core (completeSums); an
// import behind them is bounded by its own rows, as behind whole sums. A
// deferred head keeps its stamp aside and is stored with one above any
// round's count, so that a version from before deferred sums finds them
// stale and rebuilds them, instead of merging rows into the cells they
// lack (TestDeferredHeadToOlderVersions). Rounds with weighted, scored
// or token rows are marked and computed from their rows.
//
// [OpenMode] never creates parent folders and, with [MustExist], no
// database at all (read commands); it refuses a folder of other files and a
// Pebble database without qf's marker key, and turns lock contention and
// corrupt files (which Pebble would otherwise report by panicking, in any
// goroutine) into [ErrLocked] and [ErrDamaged] errors.
//
// Errors are sentinels ([ErrNoRound], [ErrRoundOpen], [ErrNoDatabase], …)
// or typed ([RoundError], [BadRowError], [NoAgentError], [NoParentError],
// [UnregisteredGapError]) and say what is wrong; they name no command or
// flag: the CLI adds what to do (app/errors.go).
//
// Keys (big-endian numbers, so iteration is in numeric order; each prefix
// is declared once, in keys.go, with the record it holds):
//
//	\x00qf                 marker: "qf database v1" (a database an older qf
//	                       made, with only qf's key prefixes, gets it on open)
//	g <gap:32>             recipient (20 bytes), then its Allo recipientId (20 bytes) if it has one
//	r <round:8>            round metadata (JSON)
//	c <round:8> <id>       contribution (binary, see encodeContribution;
//	                       a row in another token then has 0, its token
//	                       and chain; ends with its arrival sequence, which
//	                       a coordinated-QF round's join order comes from)
//	P <round:8>            a multi-token round's price ledger (JSON, see
//	                       price.Ledger.JSON); final once stored
//	v <round:8> <id>       a voided contribution's void (JSON reason): the
//	                       row stays under c, computing leaves it out
//	h <round:8>            an open round's statistics sums' head (JSON: rows,
//	                       donors, stamped with the round's contributions and
//	                       voided counts; see opensums.go)
//	o <round:8> <gap:32>   the gap's sums in that open round (donors, direct, Σ root)
//	k <round:8> <gap:32> <donor>  the donor's total to the gap in that open round
//	d <round:8> <donor>    how many of the donor's rows count in that open round
//	R <round:8>            results report (JSON), once closed
//	Q <round:8>            a coordinated-QF round's outcome (JSON), once closed
//	T <round:8>            tree dump (standard-v1 JSON), once closed
//	V <round:8> <rev:8>    a closed round's revision (JSON: overrides, inputs'
//	                       SHA-256, report, root, diff; see Revision)
//	W <round:8> <rev:8>    a revision's tree dump (standard-v1 JSON)
//	A <name>               a service agent (JSON: key hash, admin, rotated, revoked)
//	a <account>            a ledger balance (32 bytes)
//	S                      the ledger's total supply (32 bytes)
//	I <agent> 0 <key>      a fund's idempotency record (JSON: route+body, receipt, time)
//	M <round:8>            a service round's match (or void) record (JSON)
//	J <seq:8>              the ledger's journal entry (JSON, see JournalEntry)
//	x <gap:32> <round:8>   the per-gap index of match records (the gap's match in that round)
//	X                      the last round the per-gap index covers (8 bytes)
//	Z                      the matching scheduler's state (JSON: last match, anchor)
//
// The service's token ledger (package ledger) is built on the records
// layer of kv.go: [Store.Get], [Store.NewIter], batches applied by
// [Store.Apply] under the store's writer lock, [Store.SyncWAL], and the
// record encodings it shares with the store ([PutContribution],
// [Store.PutRound], [Store.CloseInto]). Its keys (a, S, I, M, J, x, X, Z)
// are declared here with the others. [OpenWith] makes storage fail-stop
// ([Options]): a failed write fails the store.
//
// Pebble runs with bloom filters on every level, a [CacheSize] block
// cache and [MemTableSize] memtables (see tuning.go): a fund reads two keys
// that do not exist yet, and Pebble's defaults (an 8 MB cache out of which
// the memtables are reserved) sent both reads to disk. The settings change
// how keys are found, not what is stored; a database written by either
// build opens with the other.
package store
