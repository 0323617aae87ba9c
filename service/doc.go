// Package service is qf's HTTP service (`qf serve`): a community's token
// ledger with QF matching rounds on a schedule.
//
// Agents hold balances in a [ledger.Ledger]. POST /api/gaps/{gap}/fund,
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
// key that asked ([ledger.Origin]); see [ledger.Ledger.Check].
//
// A match never stops the service. Funds the open round's mechanism could
// not match are refused at funding time (422, [ledger.ErrFundLimit]; see
// [ledger.LimitsFor]); in the mechanisms with a precision span (cocm,
// pairwise, cluster) the match instead leaves amounts under 1/span of the
// largest total out of the matching terms ([ledger.Ledger.MatchFloor], stored
// as the closed round's minimum amount), so no fund can lock out another. [Server.MatchAs] computes the round on a snapshot
// outside the ledger's lock (funding goes on; what is funded meanwhile
// moves to the next round); a failure — or a panic — leaves the round
// open, is logged to [Config.Log] and counted ([Server.MatchFailures], for
// the metrics and alerts), and [Server.RunSchedule] retries it with
// backoff from [Config.RetryMin]. The admin's remedy is
// [Server.VoidRound] (POST /api/rounds/{round}/void, qf ledger
// void-round), refunding in one batch every contribution the journal
// says was funded (a row written around the ledger gets nothing). Round
// and gap ids in paths must be canonical decimals ([ErrBadRoundID]).
// service/attack_test.go and store/attack_test.go hold the attacks it
// withstands (races of funds, matches and voids; replays; path, header
// and JSON tricks; 2^256 edges; random operation sequences under the
// ledger check).
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
//	POST /api/gaps/{gap}/fund            agent  {"amount":"…"} + Idempotency-Key → receipt
//	GET  /api/gaps/{gap}/funding         public escrow, this round's direct and projected match, past matches (paged)
//	GET  /api/gaps/funding/stats         public the open round, projected (gaps paged), and the pool
//	POST /api/gaps/funding/match         admin  close the round now
//	POST /api/rounds/{round}/void        admin  void the open round, refunding every contribution
//	GET  /api/rounds/{round}/proofs/{gap} public the recipient's proof file
//	GET  /api/rounds/{round}/tree        public the standard-v1 dump
//	GET  /rounds/{round}/                public the round page (package site): claim and verify in the browser
//	GET  /api/me                         agent  own balance
//	POST /api/accounts/{account}/credit  admin  {"amount":"…"} mint into pool or agent:NAME
//	POST /api/agents                     admin  {"name":"…"} → a new agent's key, shown once
//	GET  /healthz, GET /metrics          public liveness (lock-free); Prometheus (client_golang)
//
// Errors are JSON {"error":"…"} with 400 (malformed), 401 (no or wrong
// key), 403 (not allowed for this key), 404, 409 (idempotency key reused
// for another request, a round voided or matched meanwhile), 413 (body
// over 4 KiB), 422 (insufficient balance, or a fund the round's mechanism
// could not match), 429 (rate limit; Retry-After says when to retry) or
// 503 (no open round, storage failed, disk space low).
//
// # Strict input
//
// A POST fund must carry an Idempotency-Key header (1–128 bytes). JSON
// bodies are one object whose keys are exactly the documented names, each
// given once: a repeated key, also in another case ({"amount":"1",
// "Amount":"500"}, where encoding/json would let the last one win), or a
// mis-cased one is refused. An amount is a decimal string or number in
// plain digits: "+5", "007", "1e3", " 5", "0x5" are refused, not read.
//
// # Limits
//
// [HTTPConfig] (qf serve's flags) bounds what a client can hold: net/http's
// read-header, read (the whole request, so a slow body is cut off), write
// and idle timeouts; at most MaxConns open connections
// (golang.org/x/net/netutil.LimitListener) and MaxConnsPerIP from one
// address, the excess closed on accept, so one client's idle connections
// cannot take the file descriptors or the connection slots of the others;
// token-bucket rates (golang.org/x/time/rate) per client address, before
// anything else, and per API key, after the key is checked (so a wrong key
// cannot spend another agent's budget), answering 429 with Retry-After.
// The client address is the socket's peer: behind a reverse proxy every
// client shares the proxy's, so raise PerIP there and let the proxy limit
// addresses. With TLSCert and TLSKey the API is HTTPS only (TLS 1.2+).
//
// # Reads that cost what they answer
//
// /stats and /gaps/{gap}/funding serve the open round's projection from a
// snapshot: with [HTTPConfig.StatsRefresh] set (qf serve's default is 1s)
// it is recomputed off the request path, at most once per period and only
// when a read found it out of date, so it is at most one period plus one
// computation behind (a new round's first read computes its own); with 0
// the first read that finds it out of date recomputes it, one computation
// at a time. A gap's own direct total and contributors are read live. Past
// matches come from a per-gap index of the match records (store keys
// x/X, built from where it stopped when a newer match appears) a page at a
// time (?limit=, up to 100; ?after=ROUND from the reply's nextAfter); the
// stats' gaps likewise (100 by default, ?limit= up to 1000, ?after=GAP, a
// 256-bit gap id). The last match record is
// read once per match. qf_match_records_read_total and
// qf_projection_computes_total count that work.
//
// Replies are kept encoded per route and page in a cache bounded in bytes
// ([ReadCacheBytes], least recently used out first; errors are not kept,
// so unknown gaps cost no memory). Each entry records what it shows and is
// served again only while that is unchanged, checked in a few atomic loads
// of the ledger's lock-free view (ledger.Ledger.Version, LastMatched,
// GapVersion): a fund shows in the next read of its gap, a match in the
// next read of anything, the next match time follows the clock, and the
// projection follows its snapshot, named by number so that no entry keeps
// a replaced snapshot alive (with StatsRefresh 0: any ledger change
// rebuilds). A reply is thus byte for byte what a fresh one would be. A
// gap's reply rebuilt after a fund reuses its recipient and page of past
// matches until the next match, and reads the live figures under one
// acquisition of the ledger's lock (ledger.Ledger.GapFigures); with
// StatsRefresh set, reads never compute nor lock for the projection.
// qf_read_cache_hits_total and qf_read_cache_bytes show the cache at work.

// # Metrics and access log
//
// GET /metrics serves the service's own Prometheus registry:
// qf_http_requests_total{route,code}, qf_http_request_duration_seconds
// {route}, qf_http_rate_limited_total{scope}, qf_contributions_total,
// qf_matches_total, the work and cache counters above and the Go and process
// collectors. [HTTPConfig.Log] gets one line per request: method, route
// (the pattern, not the path), status, duration, client address and the
// key's agent name; never a key, a body or an idempotency key. qf serve
// buffers it ([LogBuffer]: written per 64 KiB, at least every 100 ms, and
// at stop). [HTTPConfig.PprofAddr] (qf serve --pprof) serves Go's
// profiler on a listener of its own.
//
// # The fund path
//
// A fund is one Pebble batch applied under the ledger's lock, then an
// fsync shared by every request applied meanwhile (Pebble's WAL group
// commit): a reply is sent only once its write is durable. What it costs
// was measured with --pprof under bench/serve.sh and cut where it went:
// Pebble's settings (store: bloom filters, a block cache the memtables no
// longer crowd out, so the two missing-key reads stay in memory), a
// statfs at most every 20 ms while far above --min-free, the plain
// {"amount":"DIGITS"} body read without the strict decoder's two passes
// (any other body goes through it), the access log buffered.
package service
