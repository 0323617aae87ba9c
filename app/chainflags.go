package app

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"math/big"
	"os"
	"os/signal"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/urfave/cli/v2"
	"golang.org/x/term"

	"github.com/qf-dev/qf/chain"
)

func rpcFlag() cli.Flag {
	return &cli.StringFlag{Name: "rpc", EnvVars: []string{"QF_RPC"}, Usage: "node JSON-RPC `URL` (http, ws or ipc)"}
}

func contractFlag() cli.Flag {
	return &cli.StringFlag{Name: "contract", EnvVars: []string{"QF_CONTRACT"}, Usage: "the round's contract `ADDRESS`: a QFRound, or a CQFRound for a cqf round (qf submit: default the one the round was imported from)"}
}

func chainIDFlag() cli.Flag {
	return &cli.Uint64Flag{Name: "chain-id", EnvVars: []string{"QF_CHAIN_ID"}, Usage: "refuse a node on any other chain than `ID`"}
}

// keyFlags choose the signing key: a keystore file, or a hex key in an
// environment variable (never on the command line, where ps would show it).
func keyFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "keystore", EnvVars: []string{"QF_KEYSTORE"}, Usage: "sign with the encrypted key `FILE` (geth / web3 secret storage)"},
		&cli.StringFlag{Name: "password-file", EnvVars: []string{"QF_PASSWORD_FILE"}, Usage: "the keystore's password is the first line of `FILE` (else asked on the terminal)"},
		&cli.StringFlag{Name: "key-env", Value: "QF_PRIVATE_KEY", Usage: "without --keystore, sign with the hex private key in environment variable `NAME`"},
		withDurationEnv(timeoutFlag(5*time.Minute), "QF_TX_TIMEOUT"),
		&cli.BoolFlag{Name: "replace", Usage: "the signer has a transaction stuck in the node's pool: send this one with its nonce and higher fees, so only one of them ever executes"},
	}
}

func txFlags() []cli.Flag {
	return append([]cli.Flag{rpcFlag(), chainIDFlag()}, keyFlags()...)
}

// cmdContext is cancelled by Ctrl-C and by --timeout.
func cmdContext(c *cli.Context) (context.Context, context.CancelFunc) {
	ctx, stop := signal.NotifyContext(c.Context, os.Interrupt)
	if c.Duration("timeout") <= 0 {
		return ctx, stop
	}
	ctx, cancel := context.WithTimeout(ctx, c.Duration("timeout"))
	return ctx, func() { cancel(); stop() }
}

func addressFlag(c *cli.Context, name string) (common.Address, error) {
	s := c.String(name)
	if s == "" {
		return common.Address{}, usageErr("--%s is required", name)
	}
	if !common.IsHexAddress(s) {
		return common.Address{}, usageErr("--%s %q is not an address (0x and 40 hex digits)", name, s)
	}
	return common.HexToAddress(s), nil
}

// accountFlag is an optional address flag: nil when not given.
func accountFlag(c *cli.Context, name string) (*common.Address, error) {
	if c.String(name) == "" {
		return nil, nil
	}
	a, err := addressFlag(c, name)
	return &a, err
}

// wantChainID is --chain-id if given, else fallback (nil: any chain).
func wantChainID(c *cli.Context, fallback uint64) *big.Int {
	if c.IsSet("chain-id") {
		return new(big.Int).SetUint64(c.Uint64("chain-id"))
	}
	if fallback != 0 {
		return new(big.Int).SetUint64(fallback)
	}
	return nil
}

// signingKey reads the key named by --keystore or --key-env.
func signingKey(c *cli.Context) (*ecdsa.PrivateKey, error) {
	if path := c.String("keystore"); path != "" {
		pw, err := keystorePassword(c, path)
		if err != nil {
			return nil, err
		}
		return chain.KeyFromKeystore(path, pw)
	}
	name := c.String("key-env")
	if v := os.Getenv(name); v != "" {
		return chain.KeyFromHex(v, "$"+name)
	}
	return nil, usageErr("no signing key: pass --keystore FILE, or put a hex private key in $%s", name)
}

func keystorePassword(c *cli.Context, path string) (string, error) {
	if pf := c.String("password-file"); pf != "" {
		b, err := os.ReadFile(pf)
		if err != nil {
			return "", fmt.Errorf("reading password file %s: %w", pf, err)
		}
		line, _, _ := strings.Cut(string(b), "\n")
		return strings.TrimSuffix(line, "\r"), nil
	}
	if !term.IsTerminal(int(os.Stdin.Fd())) {
		return "", usageErr("keystore %s needs its password: pass --password-file FILE (or QF_PASSWORD_FILE), or run on a terminal to be asked", path)
	}
	fmt.Fprintf(c.App.ErrWriter, "password for %s: ", path)
	pw, err := term.ReadPassword(int(os.Stdin.Fd()))
	fmt.Fprintln(c.App.ErrWriter)
	if err != nil {
		return "", fmt.Errorf("reading password: %w", err)
	}
	return string(pw), nil
}

// transactor is the signer for chainID.
func transactor(c *cli.Context, chainID *big.Int) (*bind.TransactOpts, error) {
	k, err := signingKey(c)
	if err != nil {
		return nil, err
	}
	return bind.NewKeyedTransactor(k, chainID), nil
}
