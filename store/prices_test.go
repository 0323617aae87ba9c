package store_test

import (
	"errors"
	"testing"

	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/ingest"
	"github.com/qf-dev/qf/price"
	"github.com/qf-dev/qf/store"
)

const pricesCSV = "token,chain,decimals,price,block,source\neth,10,18,2000.5,100,coingecko\nusdc,10,6,1,100,operator\n"

func importFile(s *store.Store, n uint64, file, data string) (store.ImportStats, error) {
	return s.Import(n, func(add func(*ingest.Row) error) error {
		return ingest.Contributions(file, []byte(data), ingest.Options{}, add)
	})
}

func TestStoredPrices(t *testing.T) {
	s, dir := setup(t)
	_, err := s.CreateRound(store.Round{Number: 2, Decimals: 6, Config: calc.Config{Mechanism: "qf", Pool: *uint256.NewInt(1_000_000)}})
	require.NoError(t, err)
	l, err := price.Parse("prices.csv", []byte(pricesCSV))
	require.NoError(t, err)

	t.Run("a token before its price is refused at write time", func(t *testing.T) {
		_, err := importFile(s, 2, "c.csv", "donor,gap,amount,token,chain\nalice,1,5,eth,10\n")
		require.EqualError(t, err, "c.csv:2: token: no price for token eth on chain 10: the round has no price ledger")
		require.True(t, errors.Is(err, price.ErrUnknownToken))
		require.Equal(t, 0, count(t, s, 2))
	})
	t.Run("import", func(t *testing.T) {
		added, err := s.ImportPrices(2, l)
		require.NoError(t, err)
		require.Equal(t, 2, added)
		added, err = s.ImportPrices(2, l)
		require.NoError(t, err)
		require.Equal(t, 0, added, "the same prices again add nothing")
	})
	t.Run("a stored price is final", func(t *testing.T) {
		other, err := price.Parse("p2.csv", []byte("token,chain,decimals,price,block,source\neth,10,18,2100,200,coingecko\n"))
		require.NoError(t, err)
		_, err = s.ImportPrices(2, other)
		require.EqualError(t, err, "the round cannot take these prices: token priced twice: eth on chain 10 already has a stored price (2000.5, decimals 18, from coingecko); a stored price is final")
	})
	t.Run("round without decimals refused", func(t *testing.T) {
		_, err := s.ImportPrices(1, l)
		require.EqualError(t, err, "the round cannot take these prices: round 1: it has no decimals, and prices are in whole match tokens")
	})
	t.Run("unknown token refused at write time", func(t *testing.T) {
		_, err := importFile(s, 2, "c.csv", "donor,gap,amount,token,chain\nalice,1,5000000,usdc,10\nbob,1,5,dai,10\n")
		require.EqualError(t, err, "c.csv:3: token: no price for token dai on chain 10: the ledger has no price for it")
		require.Equal(t, 0, count(t, s, 2), "nothing half-stored")
	})
	t.Run("dust refused at write time", func(t *testing.T) {
		_, err := importFile(s, 2, "c.csv", "donor,gap,amount,token,chain\nalice,1,100,eth,10\n")
		require.EqualError(t, err, "c.csv:2: amount: cannot convert: 100 base units of eth on chain 10 at 2000.50000000 is 0 base units of the match token: too small to count")
	})
	t.Run("rows keep their token", func(t *testing.T) {
		st, err := importFile(s, 2, "c.csv", "id,donor,gap,amount,token,chain\na,alice,1,1000000000000000,ETH,10\nb,bob,1,3000000,,\nc,carol,2,4000000,usdc,10\n")
		require.NoError(t, err)
		require.Equal(t, 3, st.Added)
		_, err = importFile(s, 2, "again.csv", "id,donor,gap,amount,token,chain\na,alice,1,1000000000000000,usdc,10\n")
		require.EqualError(t, err, `again.csv:2: id: an id names one contribution: "a" is already stored with other content (stored row: donor alice, gap 1, amount 1000000000000000, token eth on chain 10); give this contribution another id`)
	})
	require.NoError(t, s.Close())
	s = open(t, dir)
	defer s.Close()
	t.Run("stored and read back", func(t *testing.T) {
		got, err := s.Prices(2)
		require.NoError(t, err)
		require.Equal(t, l.Entries, got.Entries)
		type r struct{ id, token, chain, amount string }
		var rows []r
		require.NoError(t, s.EachContribution(2, func(x *ingest.Row) error {
			rows = append(rows, r{string(x.ID), string(x.Token), string(x.Chain), x.Amount.Dec()})
			return nil
		}))
		require.Equal(t, []r{{"a", "eth", "10", "1000000000000000"}, {"b", "", "", "3000000"}, {"c", "usdc", "10", "4000000"}}, rows)
		none, err := s.Prices(1)
		require.NoError(t, err)
		require.Nil(t, none)
	})
	t.Run("coordinated QF refused", func(t *testing.T) {
		_, err := s.CreateRound(store.Round{Number: 3, Decimals: 6, Config: calc.Config{Mechanism: calc.CQFName, Params: map[string]string{"sigma": "0.001"}}})
		require.NoError(t, err)
		_, err = s.ImportPrices(3, l)
		require.EqualError(t, err, "the round cannot take these prices: round 3 is a coordinated-QF round, whose pledges are refunded in the token they came in: pledge in the match token")
	})
}
