package payout

import (
	"encoding/csv"
	"io"
	"strconv"
)

// GrantsStackColumns are the columns of [WriteGrantsStackCSV], in order:
// the fields Grants Stack's round manager reads from an uploaded matching
// CSV (applicationId, projectId, projectName, payoutAddress, matched,
// contributionsCount) and the indexer's totalReceived, as the indexer's
// /matches results name them.
var GrantsStackColumns = []string{"applicationId", "projectId", "projectName", "payoutAddress", "contributionsCount", "totalReceived", "matched"}

// WriteGrantsStackCSV writes a round's matches as the matching CSV a Grants
// Stack round manager uploads (ViewRoundResults' custom results): one row
// per gap in the report's order. Amounts are integers in the token's base
// units, as Grants Stack reads them (BigInt(row.matched)). qf knows no
// application index, profile id or project name, so applicationId is the
// gap id, projectId the gap's Allo recipientId (its profile anchor; empty
// when it has none) and projectName is empty. contributionsCount is the
// gap's distinct contributors, what the indexer counts after it aggregates
// votes per contributor.
func WriteGrantsStackCSV(w io.Writer, r *Report) error {
	cw := csv.NewWriter(w)
	_ = cw.Write(GrantsStackColumns)
	for _, g := range r.Gaps {
		id := ""
		if g.RecipientID != nil {
			id = g.RecipientID.Hex()
		}
		_ = cw.Write([]string{g.Gap, id, "", g.Recipient.Hex(), strconv.Itoa(g.Contributors), g.Direct.Dec(), g.Match.Dec()})
	}
	cw.Flush()
	return cw.Error()
}
