package payout

import "github.com/ethereum/go-ethereum/common"

// Address is an address that JSON-encodes with its EIP-55 checksum, as
// people copy it into wallets and block explorers (go-ethereum's encodes lower case).
type Address common.Address

// MarshalText implements encoding.TextMarshaler.
func (a Address) MarshalText() ([]byte, error) { return []byte(common.Address(a).Hex()), nil }

// UnmarshalText accepts any case.
func (a *Address) UnmarshalText(b []byte) error { return (*common.Address)(a).UnmarshalText(b) }

// Hex returns the EIP-55 form.
func (a Address) Hex() string { return common.Address(a).Hex() }
