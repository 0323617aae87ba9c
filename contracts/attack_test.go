package contracts_test

import (
	"context"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	qfchain "github.com/qf-dev/qf/chain"
	"github.com/qf-dev/qf/contracts"
	"github.com/qf-dev/qf/merkle"
	"github.com/qf-dev/qf/payout"
)

// Accounts of an attack fixture.
const (
	owner    = 0
	attacker = 1
	donor    = 2
	alice    = 3 // gap 1's recipient
	bob      = 4 // gap 2's recipient
	sweeper  = 5 // sweepTo
)

const window, claimPeriod = 600, 86400

// qfRound is a QFRound v2 on a fresh simulated chain, with gaps 1 (alice)
// and 2 (bob) registered, taking tokenBin's ERC-20.
type qfRound struct {
	*chain
	pool     *big.Int
	end      uint64
	deadline uint64
}

func newQFRound(t *testing.T, tokenBin string, pool int64) *qfRound {
	c := newChain(t, 6)
	tokenAt := c.deploy(tokenBin, nil)
	c.token = c.tok.Instance(c.backend.Client(), tokenAt)
	head, err := c.backend.Client().HeaderByNumber(context.Background(), nil)
	require.NoError(t, err)
	r := &qfRound{chain: c, pool: big.NewInt(pool), end: head.Time + 3600}
	r.deadline = r.end + window + claimPeriod
	c.roundAt = c.deploy(contracts.QFRoundMetaData.Bin, c.qf.PackConstructor(tokenAt, r.pool, u(head.Time), u(r.end), u(window), u(r.deadline), c.addr(sweeper)))
	c.round = c.qf.Instance(c.backend.Client(), c.roundAt)
	for g, who := range map[int64]int{1: alice, 2: bob} {
		require.NoError(t, c.send(owner, c.round, c.qf.PackRegisterGap(big.NewInt(g), c.addr(who), common.Address{})))
	}
	return r
}

func (r *qfRound) warp(d time.Duration) { r.chain.warp(d) }

// fund mints amount to the contract (its matching pool).
func (r *qfRound) fund(amount *big.Int) {
	require.NoError(r.t, r.send(owner, r.token, r.tok.PackMint(r.roundAt, amount)))
}

// give mints amount to account i and approves the round for it.
func (r *qfRound) give(i int, amount int64) {
	require.NoError(r.t, r.send(i, r.token, r.tok.PackMint(r.addr(i), big.NewInt(amount))))
	require.NoError(r.t, r.send(i, r.token, r.tok.PackApprove(r.roundAt, big.NewInt(amount))))
}

// tree is a standard payout tree of (gap, recipient, amount) leaves.
func tree(t *testing.T, leaves ...merkle.Payout) *merkle.Tree {
	tr, err := payout.Tree(leaves, payout.LeafStandard)
	require.NoError(t, err)
	return tr
}

func leaf(gap uint64, to common.Address, amount int64) merkle.Payout {
	return merkle.Payout{Gap: *uint256.NewInt(gap), Recipient: to, Amount: *uint256.NewInt(uint64(amount))}
}

// claim packs claimMatching for tr's leaf for gap.
func (r *qfRound) claim(tr *merkle.Tree, gap uint64) []byte {
	p, err := payout.ProofFor(tr, uint256.NewInt(gap))
	require.NoError(r.t, err)
	proof := make([][32]byte, len(p.Proof))
	for i, h := range p.Proof {
		proof[i] = h
	}
	amount, _ := new(big.Int).SetString(p.Amount, 10)
	return r.qf.PackClaimMatching(u(gap), common.Address(p.Recipient), amount, proof)
}

// TestQFRoundAttacks: every way the issue found to lose or lock money
// reverts on the real bytecode, with the contract's own error.
func TestQFRoundAttacks(t *testing.T) {
	t.Run("donations reach the recipient, none stays", func(t *testing.T) {
		r := newQFRound(t, contracts.TestTokenMetaData.Bin, 1000)
		r.give(donor, 700)
		require.NoError(t, r.send(donor, r.round, r.qf.PackDonate(big.NewInt(1), big.NewInt(300))))
		require.NoError(t, r.send(donor, r.round, r.qf.PackDonate(big.NewInt(2), big.NewInt(400))))
		require.Equal(t, big.NewInt(300), r.balance(r.addr(alice)))
		require.Equal(t, big.NewInt(400), r.balance(r.addr(bob)))
		require.Zero(t, r.balance(r.roundAt).Sign())
	})
	t.Run("donation to an unknown gap", func(t *testing.T) {
		r := newQFRound(t, contracts.TestTokenMetaData.Bin, 1000)
		r.give(attacker, 1)
		require.Equal(t, "UnknownGap(999)", r.revert(attacker, r.round, r.qf.PackDonate(big.NewInt(999), big.NewInt(1))))
		require.Equal(t, big.NewInt(1), r.balance(r.addr(attacker)), "nothing moved")
	})
	t.Run("fee-on-transfer token", func(t *testing.T) {
		r := newQFRound(t, contracts.SkimTokenMetaData.Bin, 1000)
		r.give(donor, 1000)
		require.Equal(t, "TransferMismatch(1000, 990)", r.revert(donor, r.round, r.qf.PackDonate(big.NewInt(1), big.NewInt(1000))))
		require.Zero(t, r.balance(r.addr(alice)).Sign())
	})
	t.Run("registry", func(t *testing.T) {
		r := newQFRound(t, contracts.TestTokenMetaData.Bin, 1000)
		require.Equal(t, "OwnableUnauthorizedAccount("+r.addr(attacker).Hex()+")",
			r.revert(attacker, r.round, r.qf.PackRegisterGap(big.NewInt(3), r.addr(attacker), common.Address{})))
		require.Equal(t, "GapAlreadyRegistered(1, "+r.addr(alice).Hex()+")",
			r.revert(owner, r.round, r.qf.PackRegisterGap(big.NewInt(1), r.addr(attacker), common.Address{})), "a registration is final")
		require.Equal(t, "ZeroRecipient()", r.revert(owner, r.round, r.qf.PackRegisterGap(big.NewInt(3), common.Address{}, common.Address{})))
		require.Equal(t, "ZeroRecipient()", r.revert(owner, r.round, r.qf.PackRegisterGap(big.NewInt(3), r.roundAt, common.Address{})))
		r.warp(2 * time.Hour)
		require.Equal(t, "RoundEnded()", r.revert(owner, r.round, r.qf.PackRegisterGap(big.NewInt(3), r.addr(bob), common.Address{})))
	})
	t.Run("malicious root cannot pay beyond the pool", func(t *testing.T) {
		r := newQFRound(t, contracts.TestTokenMetaData.Bin, 1000)
		r.fund(big.NewInt(3000)) // over-funded: the pool is what bounds the claims
		r.warp(2 * time.Hour)
		tr := tree(t, leaf(1, r.addr(alice), 700), leaf(2, r.addr(bob), 400))
		require.NoError(t, r.send(owner, r.round, r.qf.PackSetMatchingRoot(tr.Root())))
		r.warp(window * time.Second)
		require.NoError(t, r.send(attacker, r.round, r.claim(tr, 1)))
		require.Equal(t, "OverPool(1100, 1000)", r.revert(attacker, r.round, r.claim(tr, 2)))
		require.Equal(t, big.NewInt(2300), r.balance(r.roundAt), "the contract pays no more than matchingPool")
	})
	t.Run("malicious root cannot pay anyone but the gap's recipient", func(t *testing.T) {
		// The drain: a root paying an unknown gap (or a real one) to the owner.
		r := newQFRound(t, contracts.TestTokenMetaData.Bin, 1000)
		r.fund(r.pool)
		r.warp(2 * time.Hour)
		tr := tree(t, leaf(1, r.addr(owner), 600), leaf(999, r.addr(owner), 400))
		require.NoError(t, r.send(owner, r.round, r.qf.PackSetMatchingRoot(tr.Root())))
		r.warp(window * time.Second)
		for _, gap := range []uint64{1, 999} {
			t.Run(u(gap).String(), func(t *testing.T) {
				require.Equal(t, "NotGapRecipient("+u(gap).String()+", "+r.addr(owner).Hex()+")", r.revert(attacker, r.round, r.claim(tr, gap)))
			})
		}
		require.Equal(t, big.NewInt(1000), r.balance(r.roundAt), "nothing paid")
	})
	t.Run("root posted before the pool is funded", func(t *testing.T) {
		r := newQFRound(t, contracts.TestTokenMetaData.Bin, 1000)
		r.fund(big.NewInt(999))
		r.warp(2 * time.Hour)
		require.Equal(t, "PoolNotFunded(999, 1000)", r.revert(owner, r.round, r.qf.PackSetMatchingRoot(common.Hash{1})))
	})
	t.Run("replace inside the window, never after", func(t *testing.T) {
		r := newQFRound(t, contracts.TestTokenMetaData.Bin, 1000)
		r.fund(r.pool)
		require.Equal(t, "RoundNotEnded()", r.revert(owner, r.round, r.qf.PackSetMatchingRoot(common.Hash{1})))
		r.warp(2 * time.Hour)
		good := tree(t, leaf(1, r.addr(alice), 600), leaf(2, r.addr(bob), 400))
		bad := tree(t, leaf(1, r.addr(alice), 900), leaf(999, r.addr(owner), 100))
		require.Equal(t, "ZeroRoot()", r.revert(owner, r.round, r.qf.PackSetMatchingRoot(common.Hash{})))
		require.Equal(t, "OwnableUnauthorizedAccount("+r.addr(attacker).Hex()+")", r.revert(attacker, r.round, r.qf.PackSetMatchingRoot(bad.Root())))
		require.NoError(t, r.send(owner, r.round, r.qf.PackSetMatchingRoot(bad.Root())))
		require.Contains(t, r.revert(attacker, r.round, r.claim(bad, 999)), "ChallengeWindowOpen(", "no claim inside the window")
		r.warp(window / 2 * time.Second)
		require.NoError(t, r.send(owner, r.round, r.qf.PackSetMatchingRoot(good.Root())), "the owner fixes it inside the window")
		it, err := bind.FilterEvents(r.round, &bind.FilterOpts{Start: 0}, r.qf.UnpackMatchingRootSetEvent)
		require.NoError(t, err)
		var evs []*contracts.QFRoundMatchingRootSet
		for it.Next() {
			evs = append(evs, it.Value())
		}
		require.Len(t, evs, 2)
		require.Equal(t, [32]byte{}, evs[0].OldRoot)
		require.Equal(t, [32]byte(bad.Root()), evs[1].OldRoot, "the event carries the old root")
		require.Equal(t, [32]byte(good.Root()), evs[1].NewRoot)
		r.warp(window / 2 * time.Second)
		require.Contains(t, r.revert(attacker, r.round, r.claim(good, 1)), "ChallengeWindowOpen(", "the replacement has its own window")
		r.warp(window / 2 * time.Second)
		require.Equal(t, "RootFinal("+good.Root().Hex()+")", r.revert(owner, r.round, r.qf.PackSetMatchingRoot(bad.Root())))
		require.Equal(t, "InvalidProof()", r.revert(attacker, r.round, r.claim(bad, 1)), "the replaced root pays nothing")
		require.Equal(t, "NotGapRecipient(999, "+r.addr(owner).Hex()+")", r.revert(attacker, r.round, r.claim(bad, 999)))
		require.NoError(t, r.send(attacker, r.round, r.claim(good, 1)))
		require.Equal(t, "AlreadyClaimed(1)", r.revert(attacker, r.round, r.claim(good, 1)))
		require.Equal(t, big.NewInt(600), r.balance(r.addr(alice)))
	})
	t.Run("a root posted at the last moment leaves no claim time", func(t *testing.T) {
		// A hostile owner posts (even a correct) root so that it becomes
		// final seconds before the claim deadline, then sweeps the pool to
		// sweepTo: the contract refuses a root that leaves claimants less
		// than one challenge window.
		r := newQFRound(t, contracts.TestTokenMetaData.Bin, 1000)
		r.fund(r.pool)
		head, err := r.backend.Client().HeaderByNumber(context.Background(), nil)
		require.NoError(t, err)
		// 100 s before the last moment the old check allowed (finalAt < deadline).
		r.warp(time.Duration(r.deadline-window-100-head.Time) * time.Second)
		tr := tree(t, leaf(1, r.addr(alice), 600), leaf(2, r.addr(bob), 400))
		require.Contains(t, r.revert(owner, r.round, r.qf.PackSetMatchingRoot(tr.Root())), "TooLateForWindow(")
	})
	t.Run("token without return values (USDT style)", func(t *testing.T) {
		r := newQFRound(t, contracts.OddTokenMetaData.Bin, 1000)
		r.give(donor, 300)
		require.NoError(t, r.send(donor, r.round, r.qf.PackDonate(big.NewInt(1), big.NewInt(300))))
		require.Equal(t, big.NewInt(300), r.balance(r.addr(alice)), "the donation arrives")
		r.fund(r.pool)
		r.warp(2 * time.Hour)
		tr := tree(t, leaf(1, r.addr(alice), 600), leaf(2, r.addr(bob), 400))
		require.NoError(t, r.send(owner, r.round, r.qf.PackSetMatchingRoot(tr.Root())))
		r.warp(window * time.Second)
		require.NoError(t, r.send(attacker, r.round, r.claim(tr, 1)))
		require.Equal(t, big.NewInt(900), r.balance(r.addr(alice)), "the match arrives")
	})
	t.Run("token returning false moves nothing and records nothing", func(t *testing.T) {
		r := newQFRound(t, contracts.OddTokenMetaData.Bin, 1000)
		r.give(donor, 300)
		r.fund(r.pool)
		odd := contracts.NewOddToken()
		tokenAt := r.tokenAddr()
		tok := odd.Instance(r.backend.Client(), tokenAt)
		require.NoError(t, r.send(owner, tok, odd.PackSetMode(1)))
		failed := "SafeERC20FailedOperation(" + tokenAt.Hex() + ")"
		require.Equal(t, failed, r.revert(donor, r.round, r.qf.PackDonate(big.NewInt(1), big.NewInt(300))))
		r.warp(2 * time.Hour)
		tr := tree(t, leaf(1, r.addr(alice), 600), leaf(2, r.addr(bob), 400))
		require.NoError(t, r.send(owner, r.round, r.qf.PackSetMatchingRoot(tr.Root())))
		r.warp(window * time.Second)
		require.Equal(t, failed, r.revert(attacker, r.round, r.claim(tr, 1)))
		require.NoError(t, r.send(owner, tok, odd.PackSetMode(0)))
		require.NoError(t, r.send(attacker, r.round, r.claim(tr, 1)), "the failed claim was not marked claimed")
		require.Equal(t, big.NewInt(600), r.balance(r.addr(alice)))
		require.Equal(t, big.NewInt(300), r.balance(r.addr(donor)), "the refused donation never left")
	})
	t.Run("reentrant token cannot claim twice", func(t *testing.T) {
		r := newQFRound(t, contracts.ReentrantTokenMetaData.Bin, 1000)
		r.fund(r.pool)
		r.warp(2 * time.Hour)
		tr := tree(t, leaf(1, r.addr(alice), 600), leaf(2, r.addr(bob), 400))
		require.NoError(t, r.send(owner, r.round, r.qf.PackSetMatchingRoot(tr.Root())))
		r.warp(window * time.Second)
		hostile := contracts.NewReentrantToken()
		tok := hostile.Instance(r.backend.Client(), r.tokenAddr())
		require.NoError(t, r.send(attacker, tok, hostile.PackArm(r.roundAt, r.claim(tr, 1))))
		require.NoError(t, r.send(attacker, r.round, r.claim(tr, 1)))
		reentered, err := bind.Call(tok, nil, hostile.PackReentered(), hostile.UnpackReentered)
		require.NoError(t, err)
		require.True(t, reentered, "the token did call back into claimMatching")
		ok, err := bind.Call(tok, nil, hostile.PackReentryOk(), hostile.UnpackReentryOk)
		require.NoError(t, err)
		require.False(t, ok, "and the reentrant claim failed")
		ret, err := bind.Call(tok, nil, hostile.PackReentryResult(), hostile.UnpackReentryResult)
		require.NoError(t, err)
		name, _ := qfchain.DecodeRevert(ret)
		require.Equal(t, "ReentrancyGuardReentrantCall()", name)
		require.Equal(t, big.NewInt(600), r.balance(r.addr(alice)), "paid once")
		require.Equal(t, big.NewInt(400), r.balance(r.roundAt))
	})
	t.Run("reentrant token cannot donate twice", func(t *testing.T) {
		r := newQFRound(t, contracts.ReentrantTokenMetaData.Bin, 1000)
		r.give(donor, 300)
		hostile := contracts.NewReentrantToken()
		tok := hostile.Instance(r.backend.Client(), r.tokenAddr())
		require.NoError(t, r.send(attacker, tok, hostile.PackArm(r.roundAt, r.qf.PackDonate(big.NewInt(2), big.NewInt(1)))))
		require.NoError(t, r.send(donor, r.round, r.qf.PackDonate(big.NewInt(1), big.NewInt(300))))
		ret, err := bind.Call(tok, nil, hostile.PackReentryResult(), hostile.UnpackReentryResult)
		require.NoError(t, err)
		name, _ := qfchain.DecodeRevert(ret)
		require.Equal(t, "ReentrancyGuardReentrantCall()", name, "the nested donate reverted")
		it, err := bind.FilterEvents(r.round, &bind.FilterOpts{Start: 0}, r.qf.UnpackDonationMadeEvent)
		require.NoError(t, err)
		n := 0
		for it.Next() {
			n++
			require.Equal(t, big.NewInt(300), it.Value().Amount)
		}
		require.Equal(t, 1, n, "one DonationMade for one donation")
		require.Equal(t, big.NewInt(300), r.balance(r.addr(alice)))
	})
	t.Run("front-running a claim pays the leaf's recipient", func(t *testing.T) {
		r := newQFRound(t, contracts.TestTokenMetaData.Bin, 1000)
		r.fund(r.pool)
		r.warp(2 * time.Hour)
		tr := tree(t, leaf(1, r.addr(alice), 600), leaf(2, r.addr(bob), 400))
		require.NoError(t, r.send(owner, r.round, r.qf.PackSetMatchingRoot(tr.Root())))
		r.warp(window * time.Second)
		p, err := payout.ProofFor(tr, uint256.NewInt(1))
		require.NoError(t, err)
		proof := make([][32]byte, len(p.Proof))
		for i, h := range p.Proof {
			proof[i] = h
		}
		cases := []struct {
			name string
			data []byte
			want string
		}{
			{"recipient swapped for the attacker", r.qf.PackClaimMatching(u(1), r.addr(attacker), big.NewInt(600), proof), "NotGapRecipient(1, " + r.addr(attacker).Hex() + ")"},
			{"gap 1's proof claimed as gap 2", r.qf.PackClaimMatching(u(2), r.addr(alice), big.NewInt(600), proof), "NotGapRecipient(2, " + r.addr(alice).Hex() + ")"},
			{"gap 1's proof claimed as gap 2 to its recipient", r.qf.PackClaimMatching(u(2), r.addr(bob), big.NewInt(600), proof), "InvalidProof()"},
			{"amount raised", r.qf.PackClaimMatching(u(1), r.addr(alice), big.NewInt(601), proof), "InvalidProof()"},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				require.Equal(t, tc.want, r.revert(attacker, r.round, tc.data))
			})
		}
		require.NoError(t, r.send(attacker, r.round, r.claim(tr, 1)), "anyone may submit the claim")
		require.Equal(t, big.NewInt(600), r.balance(r.addr(alice)), "and it pays the leaf's recipient")
		require.Zero(t, r.balance(r.addr(attacker)).Sign())
	})
	t.Run("donation edges", func(t *testing.T) {
		r := newQFRound(t, contracts.TestTokenMetaData.Bin, 1000)
		r.give(donor, 100)
		r.give(alice, 100)
		cases := []struct {
			name string
			who  int
			gap  int64
			amt  int64
			want string
		}{
			{"zero amount", donor, 1, 0, "ZeroAmount()"},
			{"more than approved", donor, 1, 101, "ERC20InsufficientAllowance(" + r.roundAt.Hex() + ", 100, 101)"},
			// The recipient's balance does not move: nothing is recorded.
			{"a recipient donating to its own gap", alice, 1, 5, "TransferMismatch(5, 0)"},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				require.Equal(t, tc.want, r.revert(tc.who, r.round, r.qf.PackDonate(big.NewInt(tc.gap), big.NewInt(tc.amt))))
			})
		}
		r.warp(2 * time.Hour)
		t.Run("after the end", func(t *testing.T) {
			require.Equal(t, "RoundEnded()", r.revert(donor, r.round, r.qf.PackDonate(big.NewInt(1), big.NewInt(1))))
		})
		require.Equal(t, big.NewInt(100), r.balance(r.addr(donor)), "nothing moved")
	})
	t.Run("renounced ownership: no root, the pool goes back to sweepTo", func(t *testing.T) {
		r := newQFRound(t, contracts.TestTokenMetaData.Bin, 1000)
		r.fund(r.pool)
		require.NoError(t, r.send(owner, r.round, r.qf.PackRenounceOwnership()))
		r.warp(2 * time.Hour)
		require.Equal(t, "OwnableUnauthorizedAccount("+r.addr(owner).Hex()+")", r.revert(owner, r.round, r.qf.PackSetMatchingRoot(common.Hash{1})))
		require.Equal(t, "RootNotSet()", r.revert(attacker, r.round, r.qf.PackClaimMatching(u(1), r.addr(alice), big.NewInt(1), nil)))
		r.warp((window + claimPeriod) * time.Second)
		require.NoError(t, r.send(attacker, r.round, r.qf.PackSweep()))
		require.Equal(t, big.NewInt(1000), r.balance(r.addr(sweeper)), "the pool is not locked")
	})
	t.Run("sweep only after the claim deadline", func(t *testing.T) {
		r := newQFRound(t, contracts.TestTokenMetaData.Bin, 1000)
		r.fund(r.pool)
		r.warp(2 * time.Hour)
		tr := tree(t, leaf(1, r.addr(alice), 600), leaf(2, r.addr(bob), 400))
		require.NoError(t, r.send(owner, r.round, r.qf.PackSetMatchingRoot(tr.Root())))
		r.warp(window * time.Second)
		require.NoError(t, r.send(attacker, r.round, r.claim(tr, 1)))
		require.Equal(t, "ClaimDeadlineNotPassed("+u(r.deadline).String()+")", r.revert(attacker, r.round, r.qf.PackSweep()))
		r.warp(claimPeriod * time.Second)
		require.Equal(t, "ClaimsClosed("+u(r.deadline).String()+")", r.revert(bob, r.round, r.claim(tr, 2)))
		require.NoError(t, r.send(attacker, r.round, r.qf.PackSweep()), "anyone may sweep, to the configured address")
		require.Equal(t, big.NewInt(400), r.balance(r.addr(sweeper)))
		require.Zero(t, r.balance(r.roundAt).Sign(), "after the claims and the sweep the contract holds 0")
		require.Zero(t, r.balance(r.addr(attacker)).Sign())
	})
}

// tokenAddr is the address the fixture's token is bound to.
func (c *chain) tokenAddr() common.Address {
	held, err := bind.Call(c.round, nil, c.qf.PackDonationToken(), c.qf.UnpackDonationToken)
	require.NoError(c.t, err)
	return held
}

// TestRoundConstructorChecks: settings that would make a round unsafe are
// refused at deployment, each with its reason.
func TestRoundConstructorChecks(t *testing.T) {
	c := newChain(t, 1)
	tokenAt := c.deploy(contracts.TestTokenMetaData.Bin, nil)
	qf, cqf := contracts.NewQFRound(), contracts.NewCQFRound()
	sweep := c.addr(0)
	cases := []struct {
		name                         string
		token                        common.Address
		pool, start, end, win, dline uint64
		sweep                        common.Address
		want                         string
	}{
		{"zero token", common.Address{}, 1, 0, 10, 1, 100, sweep, "token is the zero address"},
		{"start after end", tokenAt, 1, 10, 10, 1, 100, sweep, "start is not before end"},
		{"no window", tokenAt, 1, 0, 10, 0, 100, sweep, "challengeWindow is 0"},
		{"deadline inside the window", tokenAt, 1, 0, 10, 5, 15, sweep, "claimDeadline is not after end + 2 * challengeWindow"},
		{"no claim window after the earliest root", tokenAt, 1, 0, 10, 5, 20, sweep, "claimDeadline is not after end + 2 * challengeWindow"},
		{"zero sweep address", tokenAt, 1, 0, 10, 1, 100, common.Address{}, "sweepTo is the zero address"},
	}
	deployErr := func(bin string, ctor []byte) string {
		_, _, err := bind.DeployContract(c.opts(0), common.FromHex(bin), c.backend.Client(), ctor)
		require.Error(t, err)
		return qfchain.RevertName(err)
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			want := `InvalidSettings(` + tc.want + `)`
			require.Equal(t, want, deployErr(contracts.QFRoundMetaData.Bin, qf.PackConstructor(tc.token, u(tc.pool), u(tc.start), u(tc.end), u(tc.win), u(tc.dline), tc.sweep)))
			require.Equal(t, want, deployErr(contracts.CQFRoundMetaData.Bin, cqf.PackConstructor(tc.token, u(tc.start), u(tc.end), u(tc.win), u(tc.dline), tc.sweep)))
		})
	}
	t.Run("zero pool", func(t *testing.T) {
		require.Equal(t, "InvalidSettings(matchingPool is 0)", deployErr(contracts.QFRoundMetaData.Bin, qf.PackConstructor(tokenAt, u(0), u(0), u(10), u(1), u(100), sweep)))
	})
}

// TestCQFRoundAttacks: the CQFRound refuses the same attacks, and a top-up
// is a pledge of its own (its own place in join order).
func TestCQFRoundAttacks(t *testing.T) {
	setup := func(t *testing.T, tokenBin string) (*chain, *contracts.CQFRound, *bind.BoundContract, uint64) {
		c := newChain(t, 6)
		tokenAt := c.deploy(tokenBin, nil)
		c.token = c.tok.Instance(c.backend.Client(), tokenAt)
		head, err := c.backend.Client().HeaderByNumber(context.Background(), nil)
		require.NoError(t, err)
		cqf := contracts.NewCQFRound()
		end := head.Time + 3600
		c.roundAt = c.deploy(contracts.CQFRoundMetaData.Bin, cqf.PackConstructor(tokenAt, u(head.Time), u(end), u(window), u(end+window+claimPeriod), c.addr(sweeper)))
		rd := cqf.Instance(c.backend.Client(), c.roundAt)
		require.NoError(t, c.send(owner, rd, cqf.PackRegisterGap(big.NewInt(1), c.addr(alice), common.Address{})))
		require.NoError(t, c.send(donor, c.token, c.tok.PackMint(c.addr(donor), big.NewInt(1000))))
		require.NoError(t, c.send(donor, c.token, c.tok.PackApprove(c.roundAt, big.NewInt(1000))))
		return c, cqf, rd, end
	}
	t.Run("fee-on-transfer token", func(t *testing.T) {
		c, cqf, rd, _ := setup(t, contracts.SkimTokenMetaData.Bin)
		require.Equal(t, "TransferMismatch(500, 495)", c.revert(donor, rd, cqf.PackPledge(big.NewInt(1), big.NewInt(500))))
	})
	t.Run("unknown gap", func(t *testing.T) {
		c, cqf, rd, _ := setup(t, contracts.TestTokenMetaData.Bin)
		require.Equal(t, "UnknownGap(2)", c.revert(donor, rd, cqf.PackPledge(big.NewInt(2), big.NewInt(1))))
	})
	t.Run("a top-up is its own pledge", func(t *testing.T) {
		c, cqf, rd, _ := setup(t, contracts.TestTokenMetaData.Bin)
		require.NoError(t, c.send(donor, rd, cqf.PackPledge(big.NewInt(1), big.NewInt(1))))
		require.NoError(t, c.send(donor, rd, cqf.PackPledge(big.NewInt(1), big.NewInt(500))))
		it, err := bind.FilterEvents(rd, &bind.FilterOpts{Start: 0}, cqf.UnpackPledgeMadeEvent)
		require.NoError(t, err)
		var limits []int64
		for it.Next() {
			require.Equal(t, c.addr(alice), it.Value().Recipient, "the event names the recipient")
			limits = append(limits, it.Value().Limit.Int64())
		}
		require.Equal(t, []int64{1, 500}, limits, "two events, in order: qf gives each its own join position")
		total, err := bind.Call(rd, nil, cqf.PackTotalLimits(), cqf.UnpackTotalLimits)
		require.NoError(t, err)
		require.Equal(t, big.NewInt(501), total)
	})
	t.Run("no root: pledges are refunded, not swept", func(t *testing.T) {
		// A hostile (or vanished) owner never posts a root and sweeps the
		// pledgers' escrow to sweepTo after the deadline: the escrow stays
		// the pledgers', sweep takes only the stray tokens.
		c, cqf, rd, end := setup(t, contracts.TestTokenMetaData.Bin)
		require.NoError(t, c.send(donor, rd, cqf.PackPledge(big.NewInt(1), big.NewInt(300))))
		require.NoError(t, c.send(donor, rd, cqf.PackPledge(big.NewInt(1), big.NewInt(200))))
		require.NoError(t, c.send(owner, c.token, c.tok.PackMint(c.roundAt, big.NewInt(7)))) // stray tokens
		deadline := end + window + claimPeriod
		require.Equal(t, "ClaimDeadlineNotPassed("+u(deadline).String()+")", c.revert(attacker, rd, cqf.PackRefund(u(1), c.addr(donor))))
		c.warp((2*3600 + window + claimPeriod) * time.Second)
		require.NoError(t, c.send(attacker, rd, cqf.PackSweep()))
		require.Equal(t, big.NewInt(7), c.balance(c.addr(sweeper)), "sweep takes only what is beyond the escrow")
		require.Equal(t, big.NewInt(500), c.balance(c.roundAt))
		require.Equal(t, "NothingToRefund(1, "+c.addr(attacker).Hex()+")", c.revert(attacker, rd, cqf.PackRefund(u(1), c.addr(attacker))))
		require.NoError(t, c.send(attacker, rd, cqf.PackRefund(u(1), c.addr(donor))), "anyone may refund a pledger, to the pledger")
		require.Equal(t, big.NewInt(1000), c.balance(c.addr(donor)), "both pledges back")
		require.Equal(t, "NothingToRefund(1, "+c.addr(donor).Hex()+")", c.revert(attacker, rd, cqf.PackRefund(u(1), c.addr(donor))), "once")
		require.NoError(t, c.send(attacker, rd, cqf.PackSweep()))
		require.Zero(t, c.balance(c.roundAt).Sign())
		require.Zero(t, c.balance(c.addr(attacker)).Sign())
	})
	t.Run("a root posted at the last moment leaves no claim time", func(t *testing.T) {
		c, cqf, rd, end := setup(t, contracts.TestTokenMetaData.Bin)
		require.NoError(t, c.send(donor, rd, cqf.PackPledge(big.NewInt(1), big.NewInt(500))))
		head, err := c.backend.Client().HeaderByNumber(context.Background(), nil)
		require.NoError(t, err)
		c.warp(time.Duration(end+claimPeriod-100-head.Time) * time.Second)
		tr := tree(t, leaf(1, c.addr(alice), 500))
		require.Contains(t, c.revert(owner, rd, cqf.PackSetPayoutRoot(tr.Root())), "TooLateForWindow(")
	})
	t.Run("no refund once a root is posted", func(t *testing.T) {
		c, cqf, rd, _ := setup(t, contracts.TestTokenMetaData.Bin)
		require.NoError(t, c.send(donor, rd, cqf.PackPledge(big.NewInt(1), big.NewInt(500))))
		c.warp(2 * time.Hour)
		tr := tree(t, leaf(1, c.addr(alice), 500))
		require.NoError(t, c.send(owner, rd, cqf.PackSetPayoutRoot(tr.Root())))
		c.warp((window + claimPeriod) * time.Second)
		require.Equal(t, "RootPosted("+tr.Root().Hex()+")", c.revert(attacker, rd, cqf.PackRefund(u(1), c.addr(donor))), "the root's leaves decide")
	})
	t.Run("malicious root cannot pay beyond the escrow", func(t *testing.T) {
		// A hostile owner's root pays itself on an unknown gap and on a real
		// one, and over-pays a gap: only the gap's recipient and its own
		// pledgers can be paid, within the gap's escrow.
		c, cqf, rd, _ := setup(t, contracts.TestTokenMetaData.Bin)
		require.NoError(t, c.send(donor, rd, cqf.PackPledge(big.NewInt(1), big.NewInt(500))))
		require.NoError(t, c.send(owner, c.token, c.tok.PackMint(c.roundAt, big.NewInt(1000)))) // stray tokens
		c.warp(2 * time.Hour)
		tr := tree(t, leaf(1, c.addr(alice), 400), leaf(1, c.addr(donor), 200), leaf(999, c.addr(owner), 300), leaf(1, c.addr(owner), 100))
		require.NoError(t, c.send(owner, rd, cqf.PackSetPayoutRoot(tr.Root())))
		c.warp(window * time.Second)
		claim := func(gap uint64, who common.Address) []byte {
			g := uint256.NewInt(gap)
			p, err := payout.ProofForLeaf(tr, g, &who)
			require.NoError(t, err)
			proof := make([][32]byte, len(p.Proof))
			for i, h := range p.Proof {
				proof[i] = h
			}
			amount, _ := new(big.Int).SetString(p.Amount, 10)
			return cqf.PackClaim(u(gap), common.Address(p.Recipient), amount, proof)
		}
		cases := []struct {
			name string
			gap  uint64
			who  int
			want string
		}{
			{"an unknown gap paying the owner", 999, owner, "LeafOverPledge(999, " + c.addr(owner).Hex() + ", 300, 0)"},
			{"a real gap paying a non-pledger", 1, owner, "LeafOverPledge(1, " + c.addr(owner).Hex() + ", 100, 0)"},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				require.Equal(t, tc.want, c.revert(attacker, rd, claim(tc.gap, c.addr(tc.who))))
			})
		}
		require.NoError(t, c.send(attacker, rd, claim(1, c.addr(alice))))
		require.Equal(t, "OverEscrow(600, 500)", c.revert(attacker, rd, claim(1, c.addr(donor))), "the gap's leaves stay within its escrow")
		require.Equal(t, big.NewInt(400), c.balance(c.addr(alice)))
		require.Equal(t, big.NewInt(1100), c.balance(c.roundAt))
	})
}
