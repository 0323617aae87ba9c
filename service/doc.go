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
// Routes:
//
//	POST /api/gaps/{gap}/fund            agent  {"amount":"…"} → receipt
//	GET  /api/gaps/{gap}/funding         public escrow, this round's direct and projected match, past matches
//	GET  /api/gaps/funding/stats         public the open round, projected, and the pool
//	POST /api/gaps/funding/match         admin  close the round now
//	GET  /api/rounds/{round}/proofs/{gap} public the recipient's proof file
//	GET  /api/rounds/{round}/tree        public the standard-v1 dump
//	GET  /rounds/{round}/                public the round page (package site): claim and verify in the browser
//	GET  /api/me                         agent  own balance
//	POST /api/accounts/{account}/credit  admin  {"amount":"…"} mint into pool, agent:NAME or gap:ID
//	POST /api/agents                     admin  {"name":"…"} → a new agent's key, shown once
//	GET  /healthz, GET /metrics          public liveness; Prometheus text format
//
// Errors are JSON {"error":"…"} with 400 (malformed), 401 (no or wrong
// key), 403 (not allowed for this key), 404, 409 (idempotency key reused
// for another request), 413 (body over 4 KiB), 422 (insufficient
// balance) or 503 (no open round).
package service
