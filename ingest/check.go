package ingest

import (
	"github.com/qf-dev/qf/record"
)

// Checker is [record.Checker]: the row-at-a-time checks a store applies
// at write time. It lives in record so the store need not import ingest.
type Checker = record.Checker
