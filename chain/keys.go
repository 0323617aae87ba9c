package chain

import (
	"crypto/ecdsa"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/crypto"
)

// KeyFromKeystore decrypts a go-ethereum / web3 secret-storage (v3) key file.
func KeyFromKeystore(path, password string) (*ecdsa.PrivateKey, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%w: reading keystore %s: %w", ErrKey, path, err)
	}
	k, err := keystore.DecryptKey(b, password)
	if errors.Is(err, keystore.ErrDecrypt) {
		return nil, fmt.Errorf("%w: keystore %s: wrong password", ErrKey, path)
	}
	if err != nil {
		return nil, fmt.Errorf("%w: keystore %s: %w", ErrKey, path, err)
	}
	return k.PrivateKey, nil
}

// KeyFromHex parses a hex private key (with or without 0x). what names its
// source in errors; the key itself never appears in one.
func KeyFromHex(s, what string) (*ecdsa.PrivateKey, error) {
	s = strings.TrimPrefix(strings.TrimSpace(s), "0x")
	k, err := crypto.HexToECDSA(s)
	if err != nil {
		return nil, fmt.Errorf("%w: %s is not a 32-byte hex private key", ErrKey, what)
	}
	return k, nil
}
