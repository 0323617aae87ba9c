package app

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/rpc"
	"github.com/urfave/cli/v2"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/chain"
	"github.com/qf-dev/qf/ingest"
	"github.com/qf-dev/qf/merkle"
	"github.com/qf-dev/qf/payout"
	"github.com/qf-dev/qf/store"
)

func importChainCommand() *cli.Command {
	return &cli.Command{
		Name:  "chain",
		Usage: "store a QFRound contract's gaps and DonationMade events (a cqf round: a CQFRound's PledgeMade) as the round's gaps and contributions",
		Description: `Reads the contract's GapRegistered and DonationMade logs (for a cqf round, a
CQFRound's PledgeMade logs, whose order is the pledges' join order) in block
windows that shrink when the node refuses a range and grow again after. Each
window's registered gaps go into the gap registry (a gap registered off-chain
to another recipient is an error), and its events are stored in one batch
together with how far it got. Each event is keyed by transaction hash and
log index, so rerunning (after Ctrl-C, an error, or later in the round)
stores nothing twice and picks up at the first block not yet read. The first
import starts at the contract's deploy block.

Only blocks the node reports as finalized are read (a node without the
finalized tag: blocks at least --confirmations deep; an explicit
--confirmations always applies), so a reorg cannot undo a stored donation.
qf match refuses the round until an import has read a block past the
contract's roundEnd. The round is tied to the first contract it imports from.

--source allo --contract STRATEGY --token TOKEN reads an Allo v2
DonationVotingMerkleDistribution strategy's Allocated events instead
(recipientId, amount, token, sender; or, from the strategy version that
adds it, origin, which is then the donor), into a round created with
--leaf allo. Each recipientId goes to the gap registered with it (qf gap
add --recipient-id; a gap without one is known by its payout address); an
unknown or shared recipientId stops the import. Allocations in another
token than --token, or of amount 0, are skipped and counted. The first
import starts at the strategy's deploy block (found from the node's past
state, or --from-block), the same finality rules apply, and qf match waits
for a block past the strategy's allocationEndTime.`,
		Flags: []cli.Flag{
			roundFlag(), rpcFlag(), contractFlag(), chainIDFlag(),
			&cli.Uint64Flag{Name: "from-block", Usage: "first block `N` to read (default: where the last import stopped, else the contract's deploy block)"},
			&cli.Uint64Flag{Name: "to-block", Usage: "last block `N` to read (default: the newest finalized or confirmed block)"},
			confirmationsFlag(),
			maxRangeFlag(),
			timeoutFlag(0),
			&cli.StringFlag{Name: "source", Value: sourceQFRound, EnvVars: []string{"QF_SOURCE"}, Usage: "`SOURCE` of the events: qfround (QFRound/CQFRound) or allo (an Allo v2 DonationVotingMerkleDistribution strategy's Allocated events; see README \"Allo v2 donations in\")"},
			&cli.StringFlag{Name: "token", EnvVars: []string{"QF_TOKEN"}, Usage: tokenUsage},
		},
		Action: func(c *cli.Context) error {
			switch c.String("source") {
			case sourceQFRound:
				if c.IsSet("token") {
					return usageErr("--token is only read with --source allo")
				}
				return importChain(c)
			case sourceAllo:
				return importAllo(c)
			}
			return usageErr("--source %q: want qfround or allo", c.String("source"))
		},
	}
}

// chainImport is what `qf import chain` reports.
type chainImport struct {
	Round       uint64         `json:"round"`
	ChainID     uint64         `json:"chainId"`
	Contract    common.Address `json:"contract"`
	Head        uint64         `json:"head"`
	Safe        string         `json:"safeBy"` // "finalized" or "confirmations"
	From        uint64         `json:"fromBlock"`
	To          uint64         `json:"toBlock"`
	Logs        int            `json:"logs"`
	Gaps        int            `json:"gapsRegistered"`
	Added       int            `json:"added"`
	Duplicates  int            `json:"duplicates"`
	Windows     int            `json:"windows"`
	Refused     int            `json:"refusedWindows"`
	NextBlock   uint64         `json:"nextBlock"`
	RoundEnd    uint64         `json:"roundEnd"`
	ReadThrough uint64         `json:"readThrough"`
	PastEnd     bool           `json:"pastEnd"`
}

// safeHead is the newest block an import may read: the node's finalized
// block, or head − conf when --confirmations is set or the node has none.
func safeHead(ctx context.Context, c *cli.Context, b chain.Backend, head uint64) (uint64, string, bool) {
	conf := c.Uint64("confirmations")
	if !c.IsSet("confirmations") {
		if h, err := b.HeaderByNumber(ctx, big.NewInt(int64(rpc.FinalizedBlockNumber))); err == nil && h != nil {
			return h.Number.Uint64(), "finalized", true
		}
	}
	if head < conf {
		return 0, "confirmations", false
	}
	return head - conf, "confirmations", true
}

// importRange is the scan an on-chain import of round makes next: from
// block from up to the node's safe head (and --to-block), in windows of
// --max-range, counting the windows and those the node refused into
// windows and refused. by says how the safe head was chosen; nothing, if
// not empty, says why there is no block to read (the scan's To is then
// what was found, 0 if the chain is too short).
func importRange(ctx context.Context, c *cli.Context, b chain.Backend, round, head, from uint64, windows, refused *int) (scan chain.Scan, by, nothing string) {
	safe, by, ok := safeHead(ctx, c, b, head)
	if !ok {
		return scan, by, fmt.Sprintf("round %d: nothing to import: the chain has %d blocks, fewer than --confirmations %d", round, head+1, c.Uint64("confirmations"))
	}
	scan = chain.Scan{From: from, To: safe, MaxWindow: c.Uint64("max-range"), Window: func(_, _ uint64, err error) {
		if *windows++; err != nil {
			*refused++
		}
	}}
	if c.IsSet("to-block") {
		scan.To = min(scan.To, c.Uint64("to-block"))
	}
	if from > scan.To {
		return scan, by, fmt.Sprintf("round %d: nothing to import: blocks below %d are stored; the newest safe block (%s) is %d", round, from, by, safe)
	}
	return scan, by, ""
}

func importChain(c *cli.Context) error {
	if !c.IsSet("round") {
		return usageErr("--round is required")
	}
	contract, err := addressFlag(c, "contract")
	if err != nil {
		return err
	}
	ctx, cancel := cmdContext(c)
	defer cancel()
	return withStore(c, func(s *store.Store) error {
		r, err := s.Round(c.Uint64("round"))
		if err != nil {
			return err
		}
		if r.Status != store.StatusOpen {
			return fmt.Errorf("%w: round %d is %s and takes no more contributions", store.ErrRoundClosed, r.Number, r.Status)
		}
		var fallback uint64
		if r.Chain != nil {
			fallback = r.Chain.ChainID
		}
		b, rnd, ref, err := openRoundContract(ctx, c, r, contract, wantChainID(c, fallback))
		if err != nil {
			return err
		}
		next := rnd.DeployBlock
		if r.Chain != nil {
			next = max(next, r.Chain.NextBlock)
		}
		head, err := b.BlockNumber(ctx)
		if err != nil {
			return fmt.Errorf("reading the chain head: %w", err)
		}
		rep := chainImport{Round: r.Number, ChainID: ref.ChainID, Contract: contract, Head: head, From: next, NextBlock: next, RoundEnd: rnd.End}
		if r.Chain != nil {
			rep.ReadThrough, rep.PastEnd = r.Chain.ReadThrough, r.Chain.PastEnd()
		}
		if c.IsSet("from-block") {
			rep.From = c.Uint64("from-block")
		}
		// Tie the round to the contract even when there is nothing to read
		// yet: qf match must refuse it until the import passes the end.
		tie := func() error {
			_, err := s.ImportUpdating(r.Number, func(func(*ingest.Row) error) error { return nil }, func(r *store.Round) error {
				if err := r.Chain.Check(ref.ChainID, contract); err != nil {
					return err
				}
				if r.Chain == nil {
					r.Chain = &store.ChainRef{ChainID: ref.ChainID, Contract: contract, NextBlock: next}
				}
				r.Chain.RoundEnd = rnd.End
				rep.NextBlock, rep.ReadThrough, rep.PastEnd = r.Chain.NextBlock, r.Chain.ReadThrough, r.Chain.PastEnd()
				return nil
			})
			return err
		}
		scan, by, nothing := importRange(ctx, c, b, r.Number, head, rep.From, &rep.Windows, &rep.Refused)
		rep.Safe, rep.To = by, scan.To
		if nothing != "" {
			if err := tie(); err != nil {
				return err
			}
			return report(c, rep, nothing)
		}
		bar := newProgress(c.App.ErrWriter, int64(rep.To-rep.From+1), "blocks", false)
		defer bar.done()
		err = rnd.ScanEvents(ctx, scan, func(ev chain.Events, through uint64) error {
			if len(ev.Gaps) > 0 {
				gaps := make([]calc.Gap, len(ev.Gaps))
				for i, g := range ev.Gaps {
					gaps[i] = calc.Gap{ID: g.Gap, Recipient: g.Recipient, RecipientID: g.RecipientID}
				}
				n, err := s.AddGaps(gaps)
				if err != nil {
					return fmt.Errorf("block %d: the contract's GapRegistered: %w", ev.Gaps[0].Block, err)
				}
				rep.Gaps += n
			}
			hdr, err := b.HeaderByNumber(ctx, new(big.Int).SetUint64(through))
			if err != nil {
				return fmt.Errorf("reading block %d: %w", through, err)
			}
			ds := ev.Donations
			st, err := s.ImportUpdating(r.Number, func(add func(*ingest.Row) error) error {
				for i := range ds {
					d := &ds[i]
					row := ingest.Row{ID: []byte(d.ID()), Donor: []byte(strings.ToLower(d.Donor.Hex())), Gap: d.Gap, Amount: d.Amount}
					if err := add(&row); err != nil {
						return fmt.Errorf("block %d tx %s log %d: %w", d.Block, d.TxHash.Hex(), d.LogIndex, err)
					}
				}
				return nil
			}, func(r *store.Round) error {
				if err := r.Chain.Check(ref.ChainID, contract); err != nil {
					return err
				}
				if r.Chain == nil {
					r.Chain = &store.ChainRef{ChainID: ref.ChainID, Contract: contract}
				}
				if through+1 > r.Chain.NextBlock {
					r.Chain.NextBlock, r.Chain.ReadThrough = through+1, hdr.Time
				}
				r.Chain.RoundEnd = rnd.End
				rep.NextBlock, rep.ReadThrough, rep.PastEnd = r.Chain.NextBlock, r.Chain.ReadThrough, r.Chain.PastEnd()
				return nil
			})
			if err != nil {
				return err
			}
			rep.Logs += len(ds)
			rep.Added += st.Added
			rep.Duplicates += st.Duplicates
			bar.set(int(through - rep.From + 1))
			return nil
		})
		if err != nil {
			return fmt.Errorf("%w (blocks below %d are stored: rerun to continue)", err, rep.NextBlock)
		}
		end := fmt.Sprintf("the round ends at %d: read through %d, rerun after the end to finish", rep.RoundEnd, rep.ReadThrough)
		if rep.PastEnd {
			end = "past the round's end: every donation is stored"
		}
		return report(c, rep, fmt.Sprintf("round %d: blocks %d..%d: %d %s events, stored %d, skipped %d already stored; %d gaps registered; %s",
			r.Number, rep.From, rep.To, rep.Logs, rnd.Kind().Event(), rep.Added, rep.Duplicates, rep.Gaps, end))
	})
}

// ErrImportIncomplete reports a chain-tied round whose imports have not
// read past the contract's roundEnd: donations may still be missing.
var ErrImportIncomplete = errors.New("the on-chain import has not read past the round's end")

// chainComplete refuses to close a round tied to a contract until an
// import has read a finalized (or --confirmations deep) block after the
// contract's roundEnd.
func chainComplete(r store.Round) error {
	if r.Chain == nil || r.Chain.PastEnd() {
		return nil
	}
	if r.Chain.RoundEnd == 0 {
		return fmt.Errorf("round %d: %w: rerun qf import chain (it records the contract's end)", r.Number, ErrImportIncomplete)
	}
	return fmt.Errorf("round %d: %w: it ends at %d, the newest block read (%d) is from %d; rerun qf import chain once a block after the end is finalized",
		r.Number, ErrImportIncomplete, r.Chain.RoundEnd, r.Chain.NextBlock-1, r.Chain.ReadThrough)
}

// report prints v as JSON, or line as text.
func report(c *cli.Context, v any, line string) error {
	if wantJSON(c) {
		return printJSON(c, v)
	}
	_, err := fmt.Fprintln(c.App.Writer, line)
	return err
}

func submitCommand() *cli.Command {
	return &cli.Command{
		Name:  "submit",
		Usage: "post a closed round's root to its QFRound contract with setMatchingRoot (a cqf round: CQFRound's setPayoutRoot)",
		Description: `Signs setMatchingRoot(root) (for a cqf round, a CQFRound's setPayoutRoot)
with the contract owner's key (--keystore, or a hex key in $QF_PRIVATE_KEY),
with EIP-1559 fees, and waits for the receipt. Posting opens the root's
challenge window (set at deployment): claims open when it closes, and until
then the owner may post another root in its place with --replace-root (each
root posted opens a new window). After the window the root is final.

Refuses, before sending anything: an open round (run qf match), a node on
another chain than --chain-id (or the chain the round imported from), a
contract that already holds a different root (a final one always; one still
in its window unless --replace-root), a signer that is not the owner or
that has a transaction pending (unless --replace), a chain whose latest
block is not past the round's end, a tree whose leaves do not add up to the
QFRound's matchingPool (a CQFRound: exceed what it escrows), a contract that
does not hold its matchingPool, and a token whose decimals differ from the
round's (when it was created with --decimals). When the contract already holds this root nothing is sent. The
round becomes "submitted" with the transaction stored.`,
		Flags: append([]cli.Flag{roundFlag(), contractFlag(),
			&cli.BoolFlag{Name: "replace-root", Usage: "post this round's root in place of a different one still inside its challenge window"},
		}, txFlags()...),
		Action: func(c *cli.Context) error {
			return withRound(c, func(s *store.Store, n uint64) error {
				r, err := s.Round(n)
				if err != nil {
					return err
				}
				if r.Status == store.StatusOpen {
					return fmt.Errorf("round %d: %w", n, store.ErrRoundOpen)
				}
				if r.Leaf == string(payout.LeafAllo) {
					return fmt.Errorf("round %d uses Allo leaves: post its root with Allo's updateDistribution (qf export --format allo), not QFRound", n)
				}
				contract, fallback, err := roundContract(c, r)
				if err != nil {
					return err
				}
				want := wantChainID(c, fallback)
				if want == nil {
					return usageErr("--chain-id is required: the chain id this round pays out on (qf refuses to post anywhere else)")
				}
				opts, err := transactor(c, want)
				if err != nil {
					return err
				}
				ctx, cancel := cmdContext(c)
				defer cancel()
				b, rnd, ref, err := openRoundContract(ctx, c, r, contract, want)
				if err != nil {
					return err
				}
				tree, err := s.Tree(n)
				if err != nil {
					return err
				}
				if err := checkFunds(ctx, rnd, r, tree); err != nil {
					return fmt.Errorf("round %d: %w", n, err)
				}
				if _, err := chain.CheckPending(ctx, b, opts, c.Bool("replace")); err != nil {
					return err
				}
				res, err := rnd.SubmitRoot(ctx, opts, r.Root, c.Bool("replace-root"))
				if err != nil {
					return err
				}
				if !res.AlreadySet || r.Status != store.StatusSubmitted {
					if err := s.SetSubmitted(n, ref, res.Tx, res.Block); err != nil {
						return fmt.Errorf("the root is on chain (tx %s) but recording it failed: %w", res.Tx.Hex(), err)
					}
				}
				out := struct {
					Round    uint64         `json:"round"`
					Root     common.Hash    `json:"root"`
					Contract common.Address `json:"contract"`
					ChainID  uint64         `json:"chainId"`
					chain.Submitted
				}{n, r.Root, contract, ref.ChainID, res}
				if res.AlreadySet {
					return report(c, out, fmt.Sprintf("round %d: %s already holds root %s; nothing sent", n, contract.Hex(), r.Root.Hex()))
				}
				line := fmt.Sprintf("round %d: root %s posted to %s\ntx %s in block %d (gas %d)\nfinal (claims open) at %d",
					n, r.Root.Hex(), contract.Hex(), res.Tx.Hex(), res.Block, res.GasUsed, res.FinalAt)
				if res.Replaced != nil {
					line += fmt.Sprintf("; replaced %s", res.Replaced.Hex())
				}
				return report(c, out, line)
			})
		},
	}
}

// Errors of the submit guards.
var (
	ErrLeavesPool = errors.New("the tree's leaves do not add up to the contract's matchingPool")
	ErrUnfunded   = errors.New("the contract does not hold what the tree pays")
	ErrDecimals   = errors.New("the token's decimals differ from the round's")
)

// checkFunds refuses a root the contract could not pay as the round
// computed it: Σ leaves ≠ a QFRound's matchingPool (a CQFRound: more than
// it holds), a QFRound holding less than its pool, a token with other
// decimals than the round's amounts.
func checkFunds(ctx context.Context, rnd *chain.Round, r store.Round, tree *merkle.Tree) error {
	sum := new(big.Int)
	amountAt := 2 // standard leaves: (gap, account, amount)
	for _, v := range tree.Values() {
		a, ok := new(big.Int).SetString(v.Value[amountAt], 10)
		if !ok {
			return fmt.Errorf("stored tree: leaf amount %q is not a number", v.Value[amountAt])
		}
		sum.Add(sum, a)
	}
	tok := chain.NewToken(rnd.Backend(), rnd.Token)
	dec, err := tok.Decimals(ctx)
	if err != nil {
		return fmt.Errorf("reading the token's decimals(): %w", err)
	}
	if r.Decimals != 0 && dec != r.Decimals { // 0: the round's amounts are base units
		return fmt.Errorf("%w: token %s has %d, round %d was computed with %d (--decimals)", ErrDecimals, rnd.Token.Hex(), dec, r.Number, r.Decimals)
	}
	held, err := tok.Balance(ctx, rnd.Address())
	if err != nil {
		return fmt.Errorf("reading the contract's token balance: %w", err)
	}
	if rnd.Kind() == chain.KindCQF {
		if sum.Cmp(held) > 0 {
			return fmt.Errorf("%w: the leaves add up to %s, %s holds %s", ErrUnfunded, sum, rnd.Address().Hex(), held)
		}
		return nil
	}
	if sum.Cmp(rnd.Pool) != 0 {
		return fmt.Errorf("%w: the leaves add up to %s, matchingPool is %s (create the round with --pool %s)", ErrLeavesPool, sum, rnd.Pool, rnd.Pool)
	}
	if held.Cmp(rnd.Pool) < 0 {
		return fmt.Errorf("%w: %s holds %s of its matchingPool %s: send it the rest first", ErrUnfunded, rnd.Address().Hex(), held, rnd.Pool)
	}
	return nil
}

// openRoundContract connects to --rpc (on chain want, when not nil),
// refuses a chain or contract other than the one round r is tied to, and
// checks that contract is a QFRound (a cqf round: a CQFRound).
func openRoundContract(ctx context.Context, c *cli.Context, r store.Round, contract common.Address, want *big.Int) (chain.Backend, *chain.Round, store.ChainRef, error) {
	b, id, err := chain.Dial(ctx, c.String("rpc"), want)
	if err != nil {
		return nil, nil, store.ChainRef{}, err
	}
	ref := store.ChainRef{ChainID: id.Uint64(), Contract: contract}
	if err := r.Chain.Check(ref.ChainID, contract); err != nil {
		return nil, nil, ref, err
	}
	kind := chain.KindQF
	if r.Config.Mechanism == calc.CQFName {
		kind = chain.KindCQF
	}
	rnd, err := chain.Open(ctx, b, contract, kind)
	return b, rnd, ref, err
}

// roundContract is --contract, else the contract the round is tied to, and
// the chain id the round is tied to (0 if none).
func roundContract(c *cli.Context, r store.Round) (common.Address, uint64, error) {
	var id uint64
	if r.Chain != nil {
		id = r.Chain.ChainID
		if !c.IsSet("contract") {
			return r.Chain.Contract, id, nil
		}
	}
	a, err := addressFlag(c, "contract")
	return a, id, err
}

func claimCommand() *cli.Command {
	return &cli.Command{
		Name:  "claim",
		Usage: "claim a gap's match on its QFRound contract (a leaf on a CQFRound) with its proof file",
		Description: `Sends claimMatching(gap, recipient, amount, proof) from the proof file that
qf proof printed (--proof FILE), or from the stored round (--round R --gap G,
and --account A for a pledger's refund in a cqf round). On a CQFRound it
sends claim(gap, account, amount, proof), once per leaf.
Any account may send it: the amount goes to the recipient in the proof.
Refuses a gap (leaf) already claimed and a proof for another root than the
contract's.`,
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "proof", Usage: "the proof `FILE` (qf proof output)"},
			roundFlag(), gapIDFlag(),
			accountNameFlag(),
			contractFlag(),
		}, txFlags()...),
		Action: func(c *cli.Context) error {
			p, err := claimProof(c)
			if err != nil {
				return err
			}
			gap, ok := new(big.Int).SetString(p.Gap, 10)
			amount, ok2 := new(big.Int).SetString(p.Amount, 10)
			if !ok || !ok2 {
				return fmt.Errorf("proof: gap %q or amount %q is not a decimal number", p.Gap, p.Amount)
			}
			contract, err := addressFlag(c, "contract")
			if err != nil {
				return err
			}
			return withSigner(c, func(x txCtx) error {
				rnd, err := chain.OpenAny(x.ctx, x.b, contract)
				if err != nil {
					return err
				}
				sent, err := rnd.Claim(x.ctx, x.opts, p.Root, gap, common.Address(p.Recipient), amount, p.Proof)
				if err != nil {
					return err
				}
				return report(c, sent, fmt.Sprintf("gap %s: %s claimed for %s\ntx %s in block %d", p.Gap, p.Amount, common.Address(p.Recipient).Hex(), sent.Tx.Hex(), sent.Block))
			})
		},
	}
}

func claimProof(c *cli.Context) (*payout.Proof, error) {
	if path := c.String("proof"); path != "" {
		p, err := readProofFile(path)
		if err == nil && p.Allo() {
			return nil, fmt.Errorf("%s is a proof of an Allo leaf (index %s): Allo's distribute pays it (qf export --format allo), not a QFRound's claim", path, p.Index)
		}
		return p, err
	}
	if !c.IsSet("round") || !c.IsSet("gap") {
		return nil, usageErr("which proof? pass --proof FILE, or --round R --gap G")
	}
	g, err := gapFlag(c, "gap")
	if err != nil {
		return nil, err
	}
	account, err := accountFlag(c, "account")
	if err != nil {
		return nil, err
	}
	var p *payout.Proof
	err = withStore(c, func(s *store.Store) error {
		r, err := s.Round(c.Uint64("round"))
		if err != nil {
			return err
		}
		if r.Leaf == string(payout.LeafAllo) {
			return fmt.Errorf("round %d has Allo leaves: Allo's distribute pays them (qf export --format allo), not a QFRound's claim", r.Number)
		}
		t, err := s.Tree(r.Number)
		if err != nil {
			return err
		}
		p, err = payout.ProofForLeaf(t, &g, account)
		return err
	})
	return p, err
}
