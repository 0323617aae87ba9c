// Code generated via abigen V2 - DO NOT EDIT.
// This file is a generated binding and any manual changes will be lost.

package contracts

import (
	"bytes"
	"errors"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// Reference imports to suppress errors if they are not otherwise used.
var (
	_ = bytes.Equal
	_ = errors.New
	_ = big.NewInt
	_ = common.Big1
	_ = types.BloomLookup
	_ = abi.ConvertType
)

// OddTokenMetaData contains all meta data concerning the OddToken contract.
var OddTokenMetaData = bind.MetaData{
	ABI: "[{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"Transfer\",\"type\":\"event\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"name\":\"allowance\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"approve\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"name\":\"balanceOf\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"mint\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"mode\",\"outputs\":[{\"internalType\":\"enumOddToken.Mode\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"enumOddToken.Mode\",\"name\":\"m\",\"type\":\"uint8\"}],\"name\":\"setMode\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"transfer\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"transferFrom\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "OddToken",
	Bin: "0x6080604052348015600e575f5ffd5b506105978061001c5f395ff3fe608060405234801561000f575f5ffd5b5060043610610085575f3560e01c806340c10f191161005857806340c10f19146100f257806370a0823114610105578063a9059cbb14610132578063dd62ed3e14610145575f5ffd5b8063095ea7b31461008957806321175b4a146100b157806323b872dd146100c6578063295a5212146100d9575b5f5ffd5b61009c610097366004610445565b61016f565b60405190151581526020015b60405180910390f35b6100c46100bf36600461046d565b61019d565b005b6100c46100d4366004610492565b6101c2565b5f546100e59060ff1681565b6040516100a891906104e0565b6100c4610100366004610445565b610289565b610124610113366004610506565b60016020525f908152604090205481565b6040519081526020016100a8565b6100c4610140366004610445565b6102f9565b61012461015336600461051f565b600260209081525f928352604080842090915290825290205481565b335f9081526002602090815260408083206001600160a01b0386168452909152902081905560015b92915050565b5f805482919060ff1916600183818111156101ba576101ba6104cc565b021790555050565b5f5f5460ff1660018111156101d9576101d96104cc565b03610279576001600160a01b0383165f9081526002602090815260408083203384529091529020548111156102415760405162461bcd60e51b8152602060048201526009602482015268616c6c6f77616e636560b81b60448201526064015b60405180910390fd5b6001600160a01b0383165f90815260026020908152604080832033845290915281208054839290610273908490610564565b90915550505b610284838383610308565b505050565b6001600160a01b0382165f90815260016020526040812080548392906102b0908490610577565b90915550506040518181526001600160a01b038316905f907fddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef9060200160405180910390a35050565b610304338383610308565b5050565b60015f5460ff166001811115610320576103206104cc565b0361032d575f5f5260205ff35b6001600160a01b0383165f9081526001602052604090205481111561037e5760405162461bcd60e51b815260206004820152600760248201526662616c616e636560c81b6044820152606401610238565b6001600160a01b0383165f90815260016020526040812080548392906103a5908490610564565b90915550506001600160a01b0382165f90815260016020526040812080548392906103d1908490610577565b92505081905550816001600160a01b0316836001600160a01b03167fddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef8360405161041d91815260200190565b60405180910390a3505050565b80356001600160a01b0381168114610440575f5ffd5b919050565b5f5f60408385031215610456575f5ffd5b61045f8361042a565b946020939093013593505050565b5f6020828403121561047d575f5ffd5b81356002811061048b575f5ffd5b9392505050565b5f5f5f606084860312156104a4575f5ffd5b6104ad8461042a565b92506104bb6020850161042a565b929592945050506040919091013590565b634e487b7160e01b5f52602160045260245ffd5b602081016002831061050057634e487b7160e01b5f52602160045260245ffd5b91905290565b5f60208284031215610516575f5ffd5b61048b8261042a565b5f5f60408385031215610530575f5ffd5b6105398361042a565b91506105476020840161042a565b90509250929050565b634e487b7160e01b5f52601160045260245ffd5b8181038181111561019757610197610550565b808201808211156101975761019761055056fea164736f6c634300081c000a",
}

// OddToken is an auto generated Go binding around an Ethereum contract.
type OddToken struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *OddToken) GetABI() abi.ABI {
	return c.abi
}

// NewOddToken creates a new instance of OddToken.
func NewOddToken() *OddToken {
	parsed, err := OddTokenMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &OddToken{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *OddToken) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackAllowance is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdd62ed3e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function allowance(address , address ) view returns(uint256)
func (oddToken *OddToken) PackAllowance(arg0 common.Address, arg1 common.Address) []byte {
	enc, err := oddToken.abi.Pack("allowance", arg0, arg1)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAllowance is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdd62ed3e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function allowance(address , address ) view returns(uint256)
func (oddToken *OddToken) TryPackAllowance(arg0 common.Address, arg1 common.Address) ([]byte, error) {
	return oddToken.abi.Pack("allowance", arg0, arg1)
}

// UnpackAllowance is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xdd62ed3e.
//
// Solidity: function allowance(address , address ) view returns(uint256)
func (oddToken *OddToken) UnpackAllowance(data []byte) (*big.Int, error) {
	out, err := oddToken.abi.Unpack("allowance", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackApprove is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x095ea7b3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function approve(address spender, uint256 amount) returns(bool)
func (oddToken *OddToken) PackApprove(spender common.Address, amount *big.Int) []byte {
	enc, err := oddToken.abi.Pack("approve", spender, amount)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackApprove is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x095ea7b3.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function approve(address spender, uint256 amount) returns(bool)
func (oddToken *OddToken) TryPackApprove(spender common.Address, amount *big.Int) ([]byte, error) {
	return oddToken.abi.Pack("approve", spender, amount)
}

// UnpackApprove is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x095ea7b3.
//
// Solidity: function approve(address spender, uint256 amount) returns(bool)
func (oddToken *OddToken) UnpackApprove(data []byte) (bool, error) {
	out, err := oddToken.abi.Unpack("approve", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackBalanceOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x70a08231.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function balanceOf(address ) view returns(uint256)
func (oddToken *OddToken) PackBalanceOf(arg0 common.Address) []byte {
	enc, err := oddToken.abi.Pack("balanceOf", arg0)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBalanceOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x70a08231.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function balanceOf(address ) view returns(uint256)
func (oddToken *OddToken) TryPackBalanceOf(arg0 common.Address) ([]byte, error) {
	return oddToken.abi.Pack("balanceOf", arg0)
}

// UnpackBalanceOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x70a08231.
//
// Solidity: function balanceOf(address ) view returns(uint256)
func (oddToken *OddToken) UnpackBalanceOf(data []byte) (*big.Int, error) {
	out, err := oddToken.abi.Unpack("balanceOf", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackMint is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x40c10f19.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function mint(address to, uint256 amount) returns()
func (oddToken *OddToken) PackMint(to common.Address, amount *big.Int) []byte {
	enc, err := oddToken.abi.Pack("mint", to, amount)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMint is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x40c10f19.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function mint(address to, uint256 amount) returns()
func (oddToken *OddToken) TryPackMint(to common.Address, amount *big.Int) ([]byte, error) {
	return oddToken.abi.Pack("mint", to, amount)
}

// PackMode is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x295a5212.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function mode() view returns(uint8)
func (oddToken *OddToken) PackMode() []byte {
	enc, err := oddToken.abi.Pack("mode")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMode is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x295a5212.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function mode() view returns(uint8)
func (oddToken *OddToken) TryPackMode() ([]byte, error) {
	return oddToken.abi.Pack("mode")
}

// UnpackMode is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x295a5212.
//
// Solidity: function mode() view returns(uint8)
func (oddToken *OddToken) UnpackMode(data []byte) (uint8, error) {
	out, err := oddToken.abi.Unpack("mode", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// PackSetMode is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x21175b4a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setMode(uint8 m) returns()
func (oddToken *OddToken) PackSetMode(m uint8) []byte {
	enc, err := oddToken.abi.Pack("setMode", m)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetMode is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x21175b4a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setMode(uint8 m) returns()
func (oddToken *OddToken) TryPackSetMode(m uint8) ([]byte, error) {
	return oddToken.abi.Pack("setMode", m)
}

// PackTransfer is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa9059cbb.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function transfer(address to, uint256 amount) returns()
func (oddToken *OddToken) PackTransfer(to common.Address, amount *big.Int) []byte {
	enc, err := oddToken.abi.Pack("transfer", to, amount)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTransfer is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa9059cbb.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function transfer(address to, uint256 amount) returns()
func (oddToken *OddToken) TryPackTransfer(to common.Address, amount *big.Int) ([]byte, error) {
	return oddToken.abi.Pack("transfer", to, amount)
}

// PackTransferFrom is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x23b872dd.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function transferFrom(address from, address to, uint256 amount) returns()
func (oddToken *OddToken) PackTransferFrom(from common.Address, to common.Address, amount *big.Int) []byte {
	enc, err := oddToken.abi.Pack("transferFrom", from, to, amount)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTransferFrom is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x23b872dd.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function transferFrom(address from, address to, uint256 amount) returns()
func (oddToken *OddToken) TryPackTransferFrom(from common.Address, to common.Address, amount *big.Int) ([]byte, error) {
	return oddToken.abi.Pack("transferFrom", from, to, amount)
}

// OddTokenTransfer represents a Transfer event raised by the OddToken contract.
type OddTokenTransfer struct {
	From  common.Address
	To    common.Address
	Value *big.Int
	Raw   *types.Log // Blockchain specific contextual infos
}

const OddTokenTransferEventName = "Transfer"

// ContractEventName returns the user-defined event name.
func (OddTokenTransfer) ContractEventName() string {
	return OddTokenTransferEventName
}

// UnpackTransferEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Transfer(address indexed from, address indexed to, uint256 value)
func (oddToken *OddToken) UnpackTransferEvent(log *types.Log) (*OddTokenTransfer, error) {
	event := "Transfer"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != oddToken.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(OddTokenTransfer)
	if len(log.Data) > 0 {
		if err := oddToken.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range oddToken.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}
