// Package service is qf's HTTP service (`qf serve`): a community's token
// ledger with QF matching rounds on a schedule.
//
// Agents hold balances in a [store.Ledger]. POST /api/gaps/{gap}/fund,
// authenticated with the agent's API key, moves tokens from the agent's
// account into the gap's escrow and records the contribution in the open
// round, in one atomic batch that is fsynced before the reply: what the
// service acknowledges survives a crash. Concurrent requests share
// fsyncs (Pebble's WAL is written in order), which is what lets a 2-core
// machine take thousands of durable contributions a second. An
// Idempotency-Key header makes a retried POST return the first reply
// instead of moving tokens again.
//
// The admin's key runs POST /api/gaps/funding/match, and [Server.Run]
// runs it every [Config.MatchEvery]: the open round is computed with the
// matching pool's balance (or [Config.PoolSize]), each gap's match moves
// from the pool into its escrow, the round's tree is stored for proofs,
// and the next round opens, all in one batch together with the time of
// the match, so a match missed while the service was down runs once at
// start, never twice.
//
// The ledger journals every credit, fund, match, refund and void with the
// key that asked ([store.Origin]); see [store.Ledger.Check].
//
// A match never stops the service. Funds the open round's mechanism could
// not match are refused at funding time (422, [store.ErrFundLimit]; see
// [store.LimitsFor]). [Server.MatchAs] computes the round on a snapshot
// outside the ledger's lock (funding goes on; what is funded meanwhile
// moves to the next round); a failure — or a panic — leaves the round
// open, is logged to [Config.Log] and counted ([Server.MatchFailures], for
// the metrics and alerts), and [Server.RunSchedule] retries it with
// backoff from [Config.RetryMin]. The admin's remedy is
// [Server.VoidRound] (POST /api/rounds/{round}/void, qf ledger
// void-round), refunding every contribution in one batch.
//
// The schedule is anchored: matches are due at [Config.MatchAt] (or the
// first start) + k·MatchEvery. The clock is read again every
// [Config.Tick], so steps either way are followed; a LastMatch in the
// future is logged and ignored (the next due time matches). Settings
// given for an existing database apply from the next round, with a
// warning.
//
// Storage is fail-stop: the store is opened with store.Options.OnFail
// exiting the process (qf serve) on a failed write, so no request hangs
// on a broken ledger; below store.Options.MinFree, writes get 503.
//
// Routes:
//
//	POST /api/gaps/{gap}/fund            agent  {"amount":"…"} → receipt
//	GET  /api/gaps/{gap}/funding         public escrow, this round's direct and projected match, past matches
//	GET  /api/gaps/funding/stats         public the open round, projected, and the pool
//	POST /api/gaps/funding/match         admin  close the round now
//	POST /api/rounds/{round}/void        admin  void the open round, refunding every contribution
//	GET  /api/rounds/{round}/proofs/{gap} public the recipient's proof file
//	GET  /api/rounds/{round}/tree        public the standard-v1 dump
//	GET  /api/me                         agent  own balance
//	POST /api/accounts/{account}/credit  admin  {"amount":"…"} mint into pool or agent:NAME
//	POST /api/agents                     admin  {"name":"…"} → a new agent's key, shown once
//	GET  /healthz, GET /metrics          public liveness; Prometheus text format
//
// Errors are JSON {"error":"…"} with 400 (malformed), 401 (no or wrong
// key), 403 (not allowed for this key), 404, 409 (idempotency key reused
// for another request, a round voided or matched meanwhile), 413 (body
// over 4 KiB), 422 (insufficient balance, or a fund the round's mechanism
// could not match) or 503 (no open round, storage failed, disk space
// low).
package service
