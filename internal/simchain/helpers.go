package simchain

import (
	"context"
	"crypto/ecdsa"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/google/uuid"
)

// FreePort is a TCP port on 127.0.0.1 free at the time of the call.
func FreePort(t testing.TB) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// WriteKeyfile writes key as a keystore (v3) file encrypted with password,
// with light scrypt parameters, and returns its path.
func WriteKeyfile(t testing.TB, k *ecdsa.PrivateKey, password string) string {
	t.Helper()
	id, err := uuid.NewRandom()
	if err != nil {
		t.Fatal(err)
	}
	enc, err := keystore.EncryptKey(&keystore.Key{Id: id, Address: crypto.PubkeyToAddress(k.PublicKey), PrivateKey: k},
		password, keystore.LightScryptN, keystore.LightScryptP)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "key.json")
	if err := os.WriteFile(path, enc, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// Node is what SendEther needs of a node (an ethclient or the simulated
// chain's client).
type Node interface {
	ethereum.ChainIDReader
	ethereum.TransactionSender
	ethereum.GasPricer1559
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
	PendingNonceAt(ctx context.Context, account common.Address) (uint64, error)
	TransactionReceipt(ctx context.Context, txHash common.Hash) (*types.Receipt, error)
}

// SendEther sends 1 ether from key to `to` as an EIP-1559 transfer and
// waits until it is mined.
func SendEther(t testing.TB, c Node, key *ecdsa.PrivateKey, to common.Address) {
	t.Helper()
	ctx := context.Background()
	check := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	nonce, err := c.PendingNonceAt(ctx, crypto.PubkeyToAddress(key.PublicKey))
	check(err)
	id, err := c.ChainID(ctx)
	check(err)
	tip, err := c.SuggestGasTipCap(ctx)
	check(err)
	head, err := c.HeaderByNumber(ctx, nil)
	check(err)
	tx, err := types.SignTx(types.NewTx(&types.DynamicFeeTx{ChainID: id, Nonce: nonce, To: &to, Value: big.NewInt(1e18), Gas: 21000,
		GasTipCap: tip, GasFeeCap: new(big.Int).Add(tip, new(big.Int).Mul(head.BaseFee, big.NewInt(2)))}), types.LatestSignerForChainID(id), key)
	check(err)
	check(c.SendTransaction(ctx, tx))
	for {
		if _, err := c.TransactionReceipt(ctx, tx.Hash()); err == nil {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
}
