package payout

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
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
	if err := cw.Write([]string{"projectId", "payoutAddress", "uniqueContributorsCount", "totalReceived", "matchPoolPercentage", "matchAmountInToken"}); err != nil {
		return err
	}
	var pool *big.Rat // nil: no pool, every percentage is 0
	if r.Pool != nil && !r.Pool.IsZero() {
		pool = new(big.Rat).SetInt(r.Pool.ToBig())
	}
	for _, g := range r.Gaps {
		pct := "0"
		if pool != nil && g.Match != nil {
			pct = new(big.Rat).Quo(new(big.Rat).SetInt(g.Match.ToBig()), pool).FloatString(8)
		}
		if err := cw.Write([]string{g.Gap, g.Recipient.Hex(), strconv.Itoa(g.Contributors), g.Direct.Dec(), pct, g.Match.Dec()}); err != nil {
			return err
		}
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
		idx, err := strconv.Atoi(v.Value[0])
		if err != nil {
			return fmt.Errorf("%w: leaf %d: index %q: %v", ErrAlloTree, i, v.Value[0], err)
		}
		proof, err := t.Proof(i)
		if err != nil {
			return err
		}
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
