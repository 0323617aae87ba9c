// Package site is qf's round page for claimants and verifiers: the page's
// built assets (web/ builds them into assets/, committed so go build needs
// no npm) embedded and served, and the data a page reads.
//
// A page is a folder of static files:
//
//	index.html, app.js, app.css   the page (the same for every round)
//	round.json                    [Data]: settings, status, root, hashes, the report
//	tree.json                     the OpenZeppelin standard-v1 dump of the payout tree
//	report.json                   the report, byte for byte as qf export --format bundle writes it
//	contributions.csv, gaps.csv   the round's inputs, for qf verify round
//
// [Write] writes that folder (qf export --format site); [Handler] serves the
// same files for every closed round of a store under /rounds/{round}/
// (qf serve), each built once and kept until the round's status changes.
// round.json's status is "matched" (closed, root not posted) or "submitted"
// (root posted; the chain and contract are then named). The page fetches
// only those relative paths (and a bundle address the visitor types in the
// verify view), and reaches the chain only through the wallet (EIP-1193
// window.ethereum): no third-party host.
//
// The tests drive the page in Debian's Chromium (scripts/chromium.sh) with
// chromedp and skip when it is absent; screenshots go to $QF_ARTIFACTS.
//
// The page verifies proofs and recomputes trees with @openzeppelin/merkle-tree
// and encodes claimMatching from contracts/build/QFRound.abi with viem, both
// bundled by esbuild (web/package-lock.json pins them).
package site
