package chain_test

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"path/filepath"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/chain"
	"github.com/qf-dev/qf/contracts"
	"github.com/qf-dev/qf/internal/simchain"
	"github.com/qf-dev/qf/payout"
)

// fixture is a simulated chain with a test token and a QFRound deployed by
// key 0, ending an hour after deployment.
type fixture struct {
	t     *testing.T
	sim   *simchain.Chain
	b     chain.Backend
	ctx   context.Context
	token common.Address
	round *chain.Round
	sent  map[string]chain.Donation // by ID, every donation made
}

func newFixture(t *testing.T, accounts int) *fixture {
	sim := simchain.New(t, simchain.Options{Accounts: accounts})
	f := &fixture{t: t, sim: sim, b: sim.Client(), ctx: context.Background(), sent: map[string]chain.Donation{}}
	token, _, err := chain.DeployToken(f.ctx, f.b, f.opts(0))
	require.NoError(t, err)
	head, err := f.b.HeaderByNumber(f.ctx, nil)
	require.NoError(t, err)
	addr, _, err := chain.DeployRound(f.ctx, f.b, f.opts(0), chain.Settings{Token: token, Pool: big.NewInt(1_000_000),
		Start: head.Time, End: head.Time + 3600, Window: 600, ClaimDeadline: head.Time + 86400, SweepTo: sim.Addr(0)})
	require.NoError(t, err)
	f.token = token
	f.round, err = chain.OpenRound(f.ctx, f.b, addr)
	require.NoError(t, err)
	for g := int64(1); g <= 3 && 5+int(g) < accounts; g++ { // gaps 1..3 pay keys 6..8
		_, err := f.round.RegisterGap(f.ctx, f.opts(0), big.NewInt(g), chain.Registered{Recipient: sim.Addr(5 + int(g))})
		require.NoError(t, err)
	}
	return f
}

func (f *fixture) opts(i int) *bind.TransactOpts {
	return bind.NewKeyedTransactor(f.sim.Keys[i], big.NewInt(1337))
}

// donate has key i give amount to gap and remembers the event.
func (f *fixture) donate(i int, gap, amount int64) {
	_, err := chain.NewToken(f.b, f.token).Mint(f.ctx, f.opts(i), f.sim.Addr(i), big.NewInt(amount))
	require.NoError(f.t, err)
	s, err := f.round.Donate(f.ctx, f.opts(i), big.NewInt(gap), big.NewInt(amount))
	require.NoError(f.t, err)
	rc, err := f.b.TransactionReceipt(f.ctx, s.Tx)
	require.NoError(f.t, err)
	require.Len(f.t, rc.Logs, 2, "Transfer and DonationMade")
	d := chain.Donation{Block: s.Block, TxHash: s.Tx, LogIndex: rc.Logs[1].Index, Donor: f.sim.Addr(i), Recipient: f.sim.Addr(5 + int(gap))}
	d.Gap.SetUint64(uint64(gap))
	d.Amount.SetUint64(uint64(amount))
	f.sent[d.ID()] = d
}

// limited is a node that refuses some eth_getLogs queries, like public RPC
// providers do.
type limited struct {
	chain.Backend
	refuse func(q ethereum.FilterQuery, logs []types.Log) error
}

func (l limited) FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, error) {
	logs, err := l.Backend.FilterLogs(ctx, q)
	if err != nil {
		return nil, err
	}
	return logs, l.refuse(q, logs)
}

func span(q ethereum.FilterQuery) uint64 { return q.ToBlock.Uint64() - q.FromBlock.Uint64() + 1 }

func TestScanDonationsAdaptsToNodeLimits(t *testing.T) {
	f := newFixture(t, 9)
	for i := range 12 {
		f.donate(1+i%4, int64(1+i%3), int64(100+i))
	}
	head, err := f.b.BlockNumber(f.ctx)
	require.NoError(t, err)

	cases := []struct {
		name      string
		max       uint64
		refuse    func(ethereum.FilterQuery, []types.Log) error
		wantRefus bool
	}{
		{name: "no limits", refuse: func(ethereum.FilterQuery, []types.Log) error { return nil }},
		{name: "at most 3 blocks", wantRefus: true, refuse: func(q ethereum.FilterQuery, _ []types.Log) error {
			if span(q) > 3 {
				return fmt.Errorf("query exceeds max block range 3")
			}
			return nil
		}},
		{name: "at most 1 log", wantRefus: true, refuse: func(_ ethereum.FilterQuery, logs []types.Log) error {
			if len(logs) > 1 {
				return fmt.Errorf("query returned more than 1 results")
			}
			return nil
		}},
		{name: "max-range 2", max: 2, refuse: func(q ethereum.FilterQuery, _ []types.Log) error {
			if span(q) > 2 {
				return fmt.Errorf("asked for %d blocks", span(q))
			}
			return nil
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r, err := chain.OpenRound(f.ctx, limited{f.b, tc.refuse}, f.round.Address())
			require.NoError(t, err)
			got := map[string]chain.Donation{}
			refused, last := 0, uint64(0)
			s := chain.Scan{From: 0, To: head, MaxWindow: tc.max, Window: func(_, _ uint64, err error) {
				if err != nil {
					refused++
				}
			}}
			err = r.ScanDonations(f.ctx, s, func(ds []chain.Donation, through uint64) error {
				require.Greater(t, through+1, last, "windows move forward")
				last = through + 1
				for _, d := range ds {
					require.NotContains(t, got, d.ID(), "delivered once")
					require.LessOrEqual(t, d.Block, through)
					got[d.ID()] = d
				}
				return nil
			})
			require.NoError(t, err)
			require.Equal(t, head+1, last, "scanned to the end")
			require.Equal(t, f.sent, got)
			require.Equal(t, tc.wantRefus, refused > 0, "refused windows: %d", refused)
		})
	}

	t.Run("resumes where it stopped", func(t *testing.T) {
		got := map[string]chain.Donation{}
		stop := errors.New("interrupted")
		next, windows := uint64(0), 0
		s := chain.Scan{From: 0, To: head, MaxWindow: 4}
		err := f.round.ScanDonations(f.ctx, s, func(ds []chain.Donation, through uint64) error {
			if windows++; windows == 3 {
				return stop // this window is not recorded
			}
			for _, d := range ds {
				got[d.ID()] = d
			}
			next = through + 1
			return nil
		})
		require.ErrorIs(t, err, stop)
		s.From = next
		require.NoError(t, f.round.ScanDonations(f.ctx, s, func(ds []chain.Donation, _ uint64) error {
			for _, d := range ds {
				require.NotContains(t, got, d.ID())
				got[d.ID()] = d
			}
			return nil
		}))
		require.Equal(t, f.sent, got)
	})

	t.Run("a node that refuses everything", func(t *testing.T) {
		r, err := chain.OpenRound(f.ctx, limited{f.b, func(ethereum.FilterQuery, []types.Log) error { return errors.New("backend unavailable") }}, f.round.Address())
		require.NoError(t, err)
		err = r.ScanDonations(f.ctx, chain.Scan{From: 5, To: head}, func([]chain.Donation, uint64) error { return nil })
		require.ErrorContains(t, err, "reading DonationMade logs of blocks 5..5: backend unavailable")
	})
}

func TestOpenRoundRefuses(t *testing.T) {
	f := newFixture(t, 9)
	_, err := chain.OpenRound(f.ctx, f.b, f.sim.Addr(1))
	require.ErrorIs(t, err, chain.ErrNoCode)
	_, err = chain.OpenRound(f.ctx, f.b, f.token)
	require.ErrorIs(t, err, chain.ErrNotQFRound)
	require.Equal(t, f.sim.Addr(0), f.round.Owner)
	require.Equal(t, f.token, f.round.Token)
	require.Equal(t, big.NewInt(1_000_000), f.round.Pool)
}

// tree computes the round from its own events, as qf does.
func (f *fixture) tree(pool uint64) (*calc.Result, *payout.Proof, []*payout.Proof) {
	var gaps []calc.Gap
	for g := 1; g <= 3; g++ {
		gaps = append(gaps, calc.Gap{ID: *uint256.NewInt(uint64(g)), Recipient: f.sim.Addr(5 + g)})
	}
	tally, err := calc.NewTally(gaps, nil)
	require.NoError(f.t, err)
	for _, d := range f.sent {
		require.NoError(f.t, tally.Add(d.Donor.Hex(), &d.Gap, &d.Amount))
	}
	res, err := calc.Compute(tally, calc.Config{Mechanism: "qf", Pool: *uint256.NewInt(pool)})
	require.NoError(f.t, err)
	tr, err := payout.Tree(payout.Payouts(res), payout.LeafStandard)
	require.NoError(f.t, err)
	var proofs []*payout.Proof
	for _, g := range res.Gaps {
		p, err := payout.ProofFor(tr, &g.Gap)
		require.NoError(f.t, err)
		proofs = append(proofs, p)
	}
	return res, proofs[0], proofs
}

func TestSubmitAndClaim(t *testing.T) {
	f := newFixture(t, 9) // 0 owner, 1..4 donors, 5 unfunded-ish spare, 6..8 recipients
	for i := range 8 {
		f.donate(1+i%4, int64(1+i%3), int64(1000*(i+1)))
	}
	_, first, proofs := f.tree(1_000_000)
	root := first.Root

	// Refusals before anything is sent.
	_, err := f.round.SubmitRoot(f.ctx, f.opts(0), root, false)
	require.ErrorIs(t, err, chain.ErrRoundNotEnded)
	f.sim.Warp(2 * time.Hour)
	_, err = f.round.SubmitRoot(f.ctx, f.opts(1), root, false)
	require.ErrorIs(t, err, chain.ErrNotOwner)
	_, err = f.round.SubmitRoot(f.ctx, f.opts(0), common.Hash{}, false)
	require.ErrorContains(t, err, "zero root")
	_, err = f.round.Claim(f.ctx, f.opts(1), root, big.NewInt(1), f.sim.Addr(6), big.NewInt(1), nil)
	require.ErrorIs(t, err, chain.ErrNoRoot)
	_, err = f.round.SubmitRoot(f.ctx, f.opts(0), root, false)
	require.ErrorIs(t, err, chain.ErrReverted, "the pool is not funded yet")
	require.ErrorContains(t, err, "setMatchingRoot: transaction reverted: PoolNotFunded(0, 1000000)")

	// An owner with no ether: ownership moves to a fresh key.
	broke, err := crypto.GenerateKey()
	require.NoError(t, err)
	qf := contracts.NewQFRound()
	bound := qf.Instance(f.b, f.round.Address())
	tx, err := bind.Transact(bound, f.opts(0), qf.PackTransferOwnership(crypto.PubkeyToAddress(broke.PublicKey)))
	require.NoError(t, err)
	_, err = bind.WaitMined(f.ctx, f.b, tx.Hash())
	require.NoError(t, err)
	r2, err := chain.OpenRound(f.ctx, f.b, f.round.Address())
	require.NoError(t, err)
	_, err = chain.NewToken(f.b, f.token).Mint(f.ctx, f.opts(0), f.round.Address(), big.NewInt(1_000_000))
	require.NoError(t, err)
	_, err = r2.SubmitRoot(f.ctx, bind.NewKeyedTransactor(broke, big.NewInt(1337)), root, false)
	require.ErrorIs(t, err, chain.ErrFunds)
	require.ErrorContains(t, err, "holds 0 wei")
	_, err = bind.Transact(bound, bind.NewKeyedTransactor(broke, big.NewInt(1337)), qf.PackTransferOwnership(f.sim.Addr(0)))
	require.Error(t, err, "cannot pay to hand it back either")

	// Fund the broke owner and post a wrong root first.
	simchain.SendEther(t, f.b, f.sim.Keys[0], crypto.PubkeyToAddress(broke.PublicKey))
	owner := bind.NewKeyedTransactor(broke, big.NewInt(1337))
	wrong := common.Hash{0xba, 0xd}
	res, err := r2.SubmitRoot(f.ctx, owner, wrong, false)
	require.NoError(t, err)
	require.False(t, res.AlreadySet)
	require.NotZero(t, res.Block)
	require.Nil(t, res.Replaced)
	rc, err := f.b.TransactionReceipt(f.ctx, res.Tx)
	require.NoError(t, err)
	require.Equal(t, types.ReceiptStatusSuccessful, rc.Status)
	require.Equal(t, uint8(types.DynamicFeeTxType), rc.Type, "EIP-1559 transaction")
	_, err = r2.SubmitRoot(f.ctx, owner, root, false)
	require.ErrorIs(t, err, chain.ErrRootDiffers, "replacing takes --replace-root")
	require.ErrorIs(t, err, chain.ErrReplaceable, "still inside its window: the CLI advises --replace-root")
	_, err = r2.Claim(f.ctx, f.opts(1), wrong, big.NewInt(1), f.sim.Addr(6), big.NewInt(1), nil)
	require.ErrorIs(t, err, chain.ErrChallengeWindow)

	// Inside the window the right root replaces it, opening a new window.
	f.sim.Warp(5 * time.Minute)
	res, err = r2.SubmitRoot(f.ctx, owner, root, true)
	require.NoError(t, err)
	require.Equal(t, &wrong, res.Replaced)
	head, err := f.b.HeaderByNumber(f.ctx, nil)
	require.NoError(t, err)
	require.Equal(t, head.Time+600, res.FinalAt, "the window restarts from the replacement")
	st, err := r2.RootState(f.ctx)
	require.NoError(t, err)
	require.Equal(t, chain.RootState{Root: root, FinalAt: res.FinalAt}, st)
	again, err := r2.SubmitRoot(f.ctx, owner, root, false)
	require.NoError(t, err)
	require.True(t, again.AlreadySet, "the same root again is a no-op")
	require.Zero(t, again.Tx)
	p := proofs[0]
	gap0, _ := new(big.Int).SetString(p.Gap, 10)
	amount0, _ := new(big.Int).SetString(p.Amount, 10)
	_, err = r2.Claim(f.ctx, f.opts(1), root, gap0, common.Address(p.Recipient), amount0, p.Proof)
	require.ErrorIs(t, err, chain.ErrChallengeWindow)
	require.ErrorContains(t, err, "claims open at")

	// After the window the root is final, forever.
	f.sim.Warp(11 * time.Minute)
	_, err = r2.SubmitRoot(f.ctx, owner, wrong, true)
	require.ErrorIs(t, err, chain.ErrRootFinal)
	_, err = r2.Sweep(f.ctx, f.opts(1))
	require.ErrorIs(t, err, chain.ErrSweepEarly)

	// Claims.
	tokens := chain.NewToken(f.b, f.token)
	paid := new(big.Int)
	for _, p := range proofs {
		gap, _ := new(big.Int).SetString(p.Gap, 10)
		amount, _ := new(big.Int).SetString(p.Amount, 10)
		to := common.Address(p.Recipient)
		_, err := r2.Claim(f.ctx, f.opts(1), common.Hash{2}, gap, to, amount, p.Proof)
		require.ErrorIs(t, err, chain.ErrRootDiffers)
		_, err = r2.Claim(f.ctx, f.opts(1), p.Root, gap, to, new(big.Int).Add(amount, big.NewInt(1)), p.Proof)
		require.ErrorIs(t, err, chain.ErrReverted)
		require.ErrorContains(t, err, "claimMatching: transaction reverted: InvalidProof")
		before, err := tokens.Balance(f.ctx, to)
		require.NoError(t, err)
		_, err = r2.Claim(f.ctx, f.opts(1), p.Root, gap, to, amount, p.Proof)
		require.NoError(t, err)
		after, err := tokens.Balance(f.ctx, to)
		require.NoError(t, err)
		require.Equal(t, amount, new(big.Int).Sub(after, before))
		_, err = r2.Claim(f.ctx, f.opts(1), p.Root, gap, to, amount, p.Proof)
		require.ErrorIs(t, err, chain.ErrAlreadyClaimed)
		paid.Add(paid, amount)
	}
	require.Equal(t, big.NewInt(1_000_000), paid)
	claimed, err := r2.ClaimedTotal(f.ctx)
	require.NoError(t, err)
	require.Equal(t, paid, claimed)
	left, err := tokens.Balance(f.ctx, r2.Address())
	require.NoError(t, err)
	require.Zero(t, left.Sign(), "donations went to the recipients: the contract held only the pool")
}

func TestKeys(t *testing.T) {
	k, err := crypto.GenerateKey()
	require.NoError(t, err)
	path := simchain.WriteKeyfile(t, k, "s3cret")

	got, err := chain.KeyFromKeystore(path, "s3cret")
	require.NoError(t, err)
	require.True(t, k.Equal(got))
	_, err = chain.KeyFromKeystore(path, "wrong")
	require.ErrorIs(t, err, chain.ErrKey)
	require.ErrorContains(t, err, "wrong password")
	_, err = chain.KeyFromKeystore(filepath.Join(t.TempDir(), "missing.json"), "x")
	require.ErrorIs(t, err, chain.ErrKey)

	hex := fmt.Sprintf("0x%x", crypto.FromECDSA(k))
	got, err = chain.KeyFromHex(hex+"\n", "$KEY")
	require.NoError(t, err)
	require.True(t, k.Equal(got))
	_, err = chain.KeyFromHex("0x1234", "$KEY")
	require.ErrorContains(t, err, "$KEY is not a 32-byte hex private key")
	require.NotContains(t, err.Error(), "1234", "a key never shows in an error")
}

func TestDial(t *testing.T) {
	sim := simchain.New(t, simchain.Options{HTTP: true})
	ctx := context.Background()
	_, id, err := chain.Dial(ctx, sim.URL, nil)
	require.NoError(t, err)
	require.Equal(t, big.NewInt(1337), id)
	_, _, err = chain.Dial(ctx, sim.URL, big.NewInt(1))
	require.ErrorIs(t, err, chain.ErrChainID)
	require.ErrorContains(t, err, "serves chain id 1337, expected 1")
	_, _, err = chain.Dial(ctx, "http://127.0.0.1:1", nil)
	require.ErrorIs(t, err, chain.ErrUnreachable)
	_, _, err = chain.Dial(ctx, "", nil)
	require.ErrorIs(t, err, chain.ErrUnreachable)
}

// TestSubmitRootTooLate: a root that would become final less than one
// challenge window before the claim deadline is refused before anything is
// sent (the contract would revert TooLateForWindow): the owner cannot leave
// claimants no time and sweep the pool.
func TestSubmitRootTooLate(t *testing.T) {
	f := newFixture(t, 9)
	f.sim.Warp((86400 - 1000) * time.Second) // past ClaimDeadline - 2×Window, before ClaimDeadline
	_, err := f.round.SubmitRoot(f.ctx, f.opts(0), common.Hash{1}, false)
	require.ErrorIs(t, err, chain.ErrTooLate)
	require.ErrorContains(t, err, "the unclaimed pool goes to the sweep address after that")
	st, err := f.round.RootState(f.ctx)
	require.NoError(t, err)
	require.Equal(t, common.Hash{}, st.Root, "nothing was posted")
}
