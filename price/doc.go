// Package price holds a round's price ledger: for each token a
// contribution may be given in (by token and chain), its decimals and its
// price in the round's match token, with the time or block the price is
// from and its source. It converts a raw amount in a token's base units to
// the match token's base units with exact integer arithmetic, truncating
// where Gitcoin's Grants Stack indexer truncates:
//
//	p8  = trunc(price · 10^8)                  (stable tokens at face value: 10^8)
//	v8  = floor(raw · p8 / 10^d)               (d: the token's decimals; v8 in 10^-8 match tokens)
//	out = v8 · 10^(m−8)        if m ≥ 8        (m: the match token's decimals)
//	out = floor(v8 / 10^(8−m)) if m < 8
//
// A token marked as the match token is taken as it is (out = raw), as the
// indexer takes a vote in the round's match token. In a grants-stack round a
// token's vote cap (the indexer's voteAmountCap) then counts each
// contribution in it as floor(out·cap/raw).
//
// Ledger files are CSV (a header row: token, decimals, price, source and
// time or block; optional chain, stable, match, vote_cap) or JSON (an array of
// objects with the same keys). Every field is checked where it is read,
// with errors naming the file, line and field; a ledger has one price per
// token and chain. The package sits low in the graph: it imports neither
// the store nor the round computation.
package price
