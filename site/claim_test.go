package site_test

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/chain"
	"github.com/qf-dev/qf/contracts"
	"github.com/qf-dev/qf/internal/simchain"
)

// provider is the EIP-1193 window.ethereum the claim tests inject: it posts
// each request to the test's wallet at /wallet on the page's own origin.
const provider = `window.ethereum = { request: async ({ method, params }) => {
  const r = await fetch('/wallet', { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params: params || [] }) });
  const j = await r.json();
  if (j.error) { const e = new Error(j.error.message); e.code = j.error.code; throw e; }
  return j.result;
} };`

// wallet is a test wallet behind the injected provider: it holds one key,
// signs eth_sendTransaction with it, and forwards every other request to
// the node. chainID, if set, is what it claims to be on.
type wallet struct {
	node    string
	key     *ecdsa.PrivateKey
	chainID string
}

type rpcReq struct {
	ID     json.RawMessage   `json:"id"`
	Method string            `json:"method"`
	Params []json.RawMessage `json:"params"`
}

func (w *wallet) ServeHTTP(rw http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	var req rpcReq
	if err := json.Unmarshal(body, &req); err != nil {
		http.Error(rw, err.Error(), http.StatusBadRequest)
		return
	}
	reply := func(result any, err error) {
		out := map[string]any{"jsonrpc": "2.0", "id": req.ID}
		if err != nil {
			out["error"] = map[string]any{"code": -32000, "message": err.Error()}
		} else {
			out["result"] = result
		}
		rw.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(rw).Encode(out)
	}
	switch req.Method {
	case "eth_requestAccounts", "eth_accounts":
		reply([]string{crypto.PubkeyToAddress(w.key.PublicKey).Hex()}, nil)
	case "eth_chainId":
		if w.chainID != "" {
			reply(w.chainID, nil)
			return
		}
		w.forward(rw, body)
	case "wallet_switchEthereumChain":
		reply(nil, fmt.Errorf("user rejected the request"))
	case "eth_sendTransaction":
		hash, err := w.send(r.Context(), req.Params)
		reply(hash, err)
	default:
		w.forward(rw, body)
	}
}

func (w *wallet) forward(rw http.ResponseWriter, body []byte) {
	res, err := http.Post(w.node, "application/json", bytes.NewReader(body))
	if err != nil {
		http.Error(rw, err.Error(), http.StatusBadGateway)
		return
	}
	defer res.Body.Close()
	rw.Header().Set("Content-Type", "application/json")
	_, _ = io.Copy(rw, res.Body)
}

// send signs and sends an EIP-1559 transaction as a wallet does.
func (w *wallet) send(ctx context.Context, params []json.RawMessage) (common.Hash, error) {
	var tx struct {
		From common.Address `json:"from"`
		To   common.Address `json:"to"`
		Data hexutil.Bytes  `json:"data"`
	}
	if len(params) != 1 {
		return common.Hash{}, fmt.Errorf("eth_sendTransaction: want one transaction, got %d params", len(params))
	}
	if err := json.Unmarshal(params[0], &tx); err != nil {
		return common.Hash{}, err
	}
	me := crypto.PubkeyToAddress(w.key.PublicKey)
	if tx.From != me {
		return common.Hash{}, fmt.Errorf("from %s is not this wallet's account %s", tx.From.Hex(), me.Hex())
	}
	c, err := ethclient.DialContext(ctx, w.node)
	if err != nil {
		return common.Hash{}, err
	}
	defer c.Close()
	id, err := c.ChainID(ctx)
	if err != nil {
		return common.Hash{}, err
	}
	nonce, err := c.PendingNonceAt(ctx, me)
	if err != nil {
		return common.Hash{}, err
	}
	tip, err := c.SuggestGasTipCap(ctx)
	if err != nil {
		return common.Hash{}, err
	}
	head, err := c.HeaderByNumber(ctx, nil)
	if err != nil {
		return common.Hash{}, err
	}
	gas, err := c.EstimateGas(ctx, ethereum.CallMsg{From: me, To: &tx.To, Data: tx.Data})
	if err != nil {
		return common.Hash{}, err
	}
	feeCap := new(big.Int).Add(tip, new(big.Int).Mul(head.BaseFee, big.NewInt(2)))
	signed, err := types.SignNewTx(w.key, types.LatestSignerForChainID(id), &types.DynamicFeeTx{
		ChainID: id, Nonce: nonce, GasTipCap: tip, GasFeeCap: feeCap, Gas: gas, To: &tx.To, Data: tx.Data})
	if err != nil {
		return common.Hash{}, err
	}
	return signed.Hash(), c.SendTransaction(ctx, signed)
}

// claimRound runs a round on the chain at node through the qf command line:
// a token and a QFRound (owner key KEY0) with a 5 s challenge window, gaps 1
// and 2 registered to the recipients given, two donors (KEY1, KEY2) giving
// to both, import past the end, match and post the root; then it exports
// the round's page. It also returns when the root becomes final. It returns the page's folder, the token and the
// round contract.
// The round lasts duration from the head's time; warp(end) moves the chain
// past end.
func claimRound(t *testing.T, node string, keys []*ecdsa.PrivateKey, duration time.Duration, warp func(end uint64), recipients [2]common.Address) (string, common.Address, common.Address, uint64) {
	for i, k := range keys {
		t.Setenv(fmt.Sprintf("KEY%d", i), fmt.Sprintf("%x", crypto.FromECDSA(k)))
	}
	db := filepath.Join(t.TempDir(), "qf.db")
	as := func(i int) []string { return []string{"--rpc", node, "--key-env", fmt.Sprintf("KEY%d", i)} }
	var token, round struct{ Address common.Address }
	require.NoError(t, json.Unmarshal([]byte(qf(t, db, append([]string{"chain", "deploy-token", "--json"}, as(0)...)...)), &token))
	c, err := ethclient.Dial(node)
	require.NoError(t, err)
	defer c.Close()
	head, err := c.HeaderByNumber(context.Background(), nil)
	require.NoError(t, err)
	const pool = "1000000000000000000000"
	require.NoError(t, json.Unmarshal([]byte(qf(t, db, append([]string{"chain", "deploy-round", "--json", "--token", token.Address.Hex(), "--pool", pool,
		"--start", fmt.Sprint(head.Time), "--duration", duration.String(), "--window", "5s"}, as(0)...)...)), &round))
	contract := round.Address.Hex()
	qf(t, db, append([]string{"chain", "mint", "--token", token.Address.Hex(), "--to", contract, "--amount", pool}, as(0)...)...)
	for g := 1; g <= 2; g++ { // the contract's registry: donations go straight to the recipients
		qf(t, db, append([]string{"chain", "register-gap", "--contract", contract, "--gap", fmt.Sprint(g), "--recipient", recipients[g-1].Hex()}, as(0)...)...)
	}
	for d := 1; d <= 2; d++ {
		donor := crypto.PubkeyToAddress(keys[d].PublicKey)
		qf(t, db, append([]string{"chain", "mint", "--token", token.Address.Hex(), "--to", donor.Hex(), "--amount", pool}, as(0)...)...)
		for g := 1; g <= 2; g++ {
			amount := fmt.Sprint(int64(d*g+g) * 1e17)
			qf(t, db, append([]string{"chain", "donate", "--contract", contract, "--gap", fmt.Sprint(g), "--amount", amount}, as(d)...)...)
		}
	}
	// qf match waits for an import past the round's end; the import copies
	// the contract's registry into qf's gaps.
	warp(head.Time + uint64(duration/time.Second))
	qf(t, db, "round", "create", "--pool", "1000", "--decimals", "18") // 1000 tokens: the contract's pool
	qf(t, db, "import", "chain", "--round", "1", "--rpc", node, "--contract", contract, "--confirmations", "0")
	qf(t, db, "match", "--round", "1")
	var sub struct{ FinalAt uint64 }
	require.NoError(t, json.Unmarshal([]byte(qf(t, db, append([]string{"submit", "--round", "1", "--json"}, as(0)...)...)), &sub))
	out := filepath.Join(t.TempDir(), "site")
	qf(t, db, "export", "--round", "1", "--format", "site", "--out", out)
	return out, token.Address, round.Address, sub.FinalAt
}

// TestBrowserClaim claims gap 1's match from the static page through an
// injected EIP-1193 wallet on go-ethereum's simulated chain (over its
// JSON-RPC endpoint).
func TestBrowserClaim(t *testing.T) {
	chromium(t)
	sim := simchain.New(t, simchain.Options{Accounts: 5, HTTP: true})
	recipients := [2]common.Address{sim.Addr(3), sim.Addr(4)}
	out, token, round, _ := claimRound(t, sim.URL, sim.Keys, time.Hour, func(uint64) { sim.Warp(2 * time.Hour) }, recipients)
	claimThroughPage(t, sim.URL, out, token, round, sim.Keys[1], recipients[0], "claim-simchain", func() { sim.Warp(time.Minute) })
}

// claimThroughPage serves the exported page with a wallet holding sender
// (a donor: anyone may send a claim) and claims gap 1 in the browser: the
// page reads "not claimed", sends claimMatching encoded from the ABI,
// reports the transaction, then reads "already claimed"; the recipient's
// token balance moves by exactly its leaf and the sender's not at all. A
// tampered proof keeps the claim button off, and a wallet on another chain
// is told to switch.
func claimThroughPage(t *testing.T, node, out string, token, round common.Address, sender *ecdsa.PrivateKey, recipient common.Address, shots string, final func()) {
	var dump struct {
		Values []struct{ Value []string } `json:"values"`
	}
	readJSON(t, filepath.Join(out, "tree.json"), &dump)
	var amount *big.Int
	for _, v := range dump.Values {
		if v.Value[0] == "1" {
			amount, _ = new(big.Int).SetString(v.Value[2], 10)
			require.Equal(t, recipient.Hex(), v.Value[1])
		}
	}
	require.NotNil(t, amount, "gap 1 has a leaf")
	var data struct{ Chain struct{ ChainID uint64 } }
	readJSON(t, filepath.Join(out, "round.json"), &data)

	serve := func(w *wallet) string {
		mux := http.NewServeMux()
		mux.Handle("/", http.FileServer(http.Dir(out)))
		mux.Handle("POST /wallet", w)
		srv := httptest.NewServer(mux)
		t.Cleanup(srv.Close)
		return srv.URL
	}
	tab := func(t *testing.T, url string) context.Context {
		ctx := browser(t, 1280, 1000)
		_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: provider})
		require.NoError(t, err)
		require.NoError(t, chromedp.Do(ctx, append(loadPage(url+"/#claim"),
			chromedp.SendKeys(chromedp.CSS("#find"), "1"),
			chromedp.Click(chromedp.CSS("#find-form button")),
			waitJS(`document.getElementById('proof-result').textContent.startsWith('Valid')`),
		)...))
		return ctx
	}

	// While the root's challenge window is open the page says so and
	// offers no claim (the contract would revert); final() waits it out.
	t.Run("challenge window", func(t *testing.T) {
		ctx := tab(t, serve(&wallet{node: node, key: sender}))
		var status, chainStatus string
		var disabled bool
		require.NoError(t, chromedp.Do(ctx,
			chromedp.Click(chromedp.CSS("#connect")),
			waitJS(`(document.body.dataset.chainStatus || '') !== ''`),
			text("#wallet-status", &status),
			js(`document.body.dataset.chainStatus`, &chainStatus),
			js(`document.getElementById('claim').disabled`, &disabled),
		))
		require.Equal(t, "window", chainStatus)
		require.True(t, strings.HasPrefix(status, "Challenge window: the owner may still replace this root until "), status)
		require.True(t, disabled, "no claim inside the challenge window")
	})
	final()

	t.Run("wallet on another chain", func(t *testing.T) {
		ctx := tab(t, serve(&wallet{node: node, key: sender, chainID: "0x5"}))
		var status string
		var disabled bool
		require.NoError(t, chromedp.Do(ctx,
			chromedp.Click(chromedp.CSS("#connect")),
			waitJS(`document.getElementById('wallet-status').textContent !== ''`),
			text("#wallet-status", &status),
			js(`document.getElementById('claim').disabled`, &disabled),
		))
		require.Equal(t, fmt.Sprintf("Your wallet is on chain 5; this round pays on chain %d. Switch network in your wallet, then connect again.", data.Chain.ChainID), status)
		require.True(t, disabled, "no claim on the wrong chain")
	})

	t.Run("claim", func(t *testing.T) {
		ctx := tab(t, serve(&wallet{node: node, key: sender}))
		c, err := ethclient.Dial(node)
		require.NoError(t, err)
		defer c.Close()
		tok := chain.NewToken(c, token)
		bg := context.Background()
		senderAddr := crypto.PubkeyToAddress(sender.PublicKey)
		before, err := tok.Balance(bg, recipient)
		require.NoError(t, err)
		senderBefore, err := tok.Balance(bg, senderAddr)
		require.NoError(t, err)

		var wallet, claimed, proof, invalid string
		var disabled, enabledAgain bool
		require.NoError(t, chromedp.Do(ctx,
			chromedp.Click(chromedp.CSS("#connect")),
			waitJS(`document.getElementById('claimed-status').textContent !== ''`),
			text("#wallet-status", &wallet),
			text("#claimed-status", &claimed),
			into(chromedp.Value(chromedp.CSS("#proof")), &proof),
		))
		require.Equal(t, fmt.Sprintf("Connected as %s on chain %d.", senderAddr.Hex(), data.Chain.ChainID), wallet)
		var chainStatus string
		require.NoError(t, chromedp.Do(ctx, js(`document.body.dataset.chainStatus || ''`, &chainStatus)))
		require.Equal(t, "final", chainStatus, "the root's window has passed")
		require.Equal(t, fmt.Sprintf("Not claimed yet: the contract holds this page's root and will pay %s tokens to %s.", tokens(amount), recipient.Hex()), claimed)
		screenshot(t, ctx, shots+"-ready")

		// A tampered proof turns the claim button off; the real one back on.
		require.NoError(t, chromedp.Do(ctx,
			setInput("proof", flipLastHex(proof)),
			chromedp.Click(chromedp.CSS("#verify-proof")),
			waitJS(`document.getElementById('proof-result').textContent.startsWith('Invalid')`),
			text("#proof-result", &invalid),
			js(`document.getElementById('claim').disabled`, &disabled),
			setInput("proof", proof),
			chromedp.Click(chromedp.CSS("#verify-proof")),
			waitJS(`!document.getElementById('claim').disabled`),
			js(`!document.getElementById('claim').disabled`, &enabledAgain),
		))
		require.True(t, strings.HasPrefix(invalid, "Invalid: this proof does not lead from the leaf to the root"), invalid)
		require.True(t, disabled)
		require.True(t, enabledAgain)

		var txStatus, after string
		var hash string
		require.NoError(t, chromedp.Do(ctx,
			chromedp.Click(chromedp.CSS("#claim")),
			waitJS(`/^(Claimed|The transaction|Claim failed)/.test(document.getElementById('tx-status').textContent)`),
			text("#tx-status", &txStatus),
			js(`document.body.dataset.claimed || ''`, &hash),
			waitJS(`document.getElementById('claimed-status').textContent.startsWith('Already claimed')`),
			text("#claimed-status", &after),
		))
		screenshot(t, ctx, shots+"-claimed")
		rcpt, err := c.TransactionReceipt(bg, common.HexToHash(hash))
		require.NoError(t, err, "the page's transaction %q", hash)
		require.Equal(t, types.ReceiptStatusSuccessful, rcpt.Status)
		require.Equal(t, fmt.Sprintf("Claimed: %s tokens paid to %s in block %d (transaction %s).", tokens(amount), recipient.Hex(), rcpt.BlockNumber, hash), txStatus)
		require.Equal(t, "Already claimed: gap 1's match has been paid (the contract says so).", after)

		// The calldata is claimMatching(1, recipient, amount, proof) from the ABI.
		tx, _, err := c.TransactionByHash(bg, common.HexToHash(hash))
		require.NoError(t, err)
		require.Equal(t, round, *tx.To())
		parsed, err := contracts.QFRoundMetaData.ParseABI()
		require.NoError(t, err)
		m, err := parsed.MethodById(tx.Data()[:4])
		require.NoError(t, err)
		require.Equal(t, "claimMatching", m.Name)
		args, err := m.Inputs.Unpack(tx.Data()[4:])
		require.NoError(t, err)
		require.Equal(t, big.NewInt(1), args[0])
		require.Equal(t, recipient, args[1])
		require.Equal(t, amount, args[2])
		var want []common.Hash
		for _, h := range strings.Fields(proof) {
			want = append(want, common.HexToHash(h))
		}
		got := args[3].([][32]byte)
		require.Len(t, got, len(want))
		for i := range got {
			require.Equal(t, want[i], common.Hash(got[i]))
		}

		afterBal, err := tok.Balance(bg, recipient)
		require.NoError(t, err)
		require.Equal(t, amount, new(big.Int).Sub(afterBal, before), "the recipient receives exactly its leaf")
		senderAfter, err := tok.Balance(bg, senderAddr)
		require.NoError(t, err)
		require.Equal(t, senderBefore, senderAfter, "the sender's tokens do not move")
	})
}

// tokens renders base units of an 18-decimal token as the page does
// (viem's formatUnits: no trailing zeros).
func tokens(v *big.Int) string {
	q, r := new(big.Int).QuoRem(v, new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil), new(big.Int))
	if r.Sign() == 0 {
		return q.String()
	}
	f := strings.TrimRight(fmt.Sprintf("%018s", r.String()), "0")
	return q.String() + "." + f
}

func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, v))
}
