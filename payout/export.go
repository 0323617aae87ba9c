package payout

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"math/big"
	"strconv"

	"github.com/qf-dev/qf/merkle"
)

// WriteGitcoinCSV writes a matching distribution in the columns of Gitcoin
// Grants Stack's matching_distribution.csv (amounts in base units; the
// percentage is for display).
func WriteGitcoinCSV(w io.Writer, r *Report) error {
	cw := csv.NewWriter(w)
	_ = cw.Write([]string{"projectId", "payoutAddress", "uniqueContributorsCount", "totalReceived", "matchPoolPercentage", "matchAmountInToken"})
	pool, _ := new(big.Rat).SetString(r.Pool)
	for _, g := range r.Gaps {
		pct := "0"
		if m, ok := new(big.Rat).SetString(g.Match); ok && pool != nil && pool.Sign() > 0 {
			pct = new(big.Rat).Quo(m, pool).FloatString(8)
		}
		_ = cw.Write([]string{g.Gap, g.Recipient.Hex(), strconv.Itoa(g.Contributors), g.Direct, pct, g.Match})
	}
	cw.Flush()
	return cw.Error()
}

// AlloDistribution is one entry of Allo v2's distribution JSON.
type AlloDistribution struct {
	Index            int      `json:"index"`
	RecipientID      string   `json:"recipientId"`
	RecipientAddress string   `json:"recipientAddress"`
	Amount           string   `json:"amount"`
	MerkleProof      []string `json:"merkleProof"`
}

// WriteAllo writes the Allo v2 distribution (root plus one entry per leaf)
// for a tree built with [LeafAllo].
func WriteAllo(w io.Writer, t *merkle.Tree) error {
	out := struct {
		MerkleRoot    string             `json:"merkleRoot"`
		Distributions []AlloDistribution `json:"distributions"`
	}{MerkleRoot: t.Root().Hex()}
	for i, v := range t.Values() {
		idx, _ := strconv.Atoi(v.Value[0])
		proof, _ := t.Proof(i)
		ps := []string{}
		for _, p := range proof {
			ps = append(ps, p.Hex())
		}
		out.Distributions = append(out.Distributions, AlloDistribution{Index: idx, RecipientID: v.Value[1], RecipientAddress: v.Value[2], Amount: v.Value[3], MerkleProof: ps})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
