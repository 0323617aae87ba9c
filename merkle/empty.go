package merkle

import "errors"

// ErrNoPayouts reports a round with no positive payout, so no tree: the
// payout package returns it when building, the store when a closed round
// has no tree. It is defined here, low in the import graph, so both can
// return the same sentinel (payout.ErrNoPayouts is this value).
var ErrNoPayouts = errors.New("no gap has a positive match: nothing to put in a tree")
