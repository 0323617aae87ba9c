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

// AlloAllocationsMetaData contains all meta data concerning the AlloAllocations contract.
var AlloAllocationsMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"_allocationEndTime\",\"type\":\"uint64\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"recipientId\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"token\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"sender\",\"type\":\"address\"}],\"name\":\"Allocated\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"recipientId\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"token\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"sender\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"origin\",\"type\":\"address\"}],\"name\":\"Allocated\",\"type\":\"event\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"recipientId\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"token\",\"type\":\"address\"}],\"name\":\"allocate\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"recipientId\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"token\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"origin\",\"type\":\"address\"}],\"name\":\"allocateWithOrigin\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"allocationEndTime\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"}]",
	ID:  "AlloAllocations",
	Bin: "0x6080604052348015600e575f5ffd5b50604051610277380380610277833981016040819052602b91604e565b5f80546001600160401b0319166001600160401b03929092169190911790556079565b5f60208284031215605d575f5ffd5b81516001600160401b03811681146072575f5ffd5b9392505050565b6101f1806100865f395ff3fe608060405234801561000f575f5ffd5b506004361061003f575f3560e01c80632531fdad146100435780634533d678146100585780638d41b90814610088575b5f5ffd5b610056610051366004610161565b61009b565b005b5f5461006b9067ffffffffffffffff1681565b60405167ffffffffffffffff909116815260200160405180910390f35b61005661009636600461019a565b6100ec565b604080518381526001600160a01b03838116602083015233828401529151918516917f463ffc2cf8b1596445c417388ed30e53eb67cf6668cb2be7f0addf8a78c8441b9181900360600190a2505050565b604080518481526001600160a01b038481166020830152338284015283811660608301529151918616917fdc9d40760308557d1377c2fe7c984ace9eb02d23b60a5f6f26be62c52431bc389181900360800190a250505050565b80356001600160a01b038116811461015c575f5ffd5b919050565b5f5f5f60608486031215610173575f5ffd5b61017c84610146565b92506020840135915061019160408501610146565b90509250925092565b5f5f5f5f608085870312156101ad575f5ffd5b6101b685610146565b9350602085013592506101cb60408601610146565b91506101d960608601610146565b90509295919450925056fea164736f6c634300081c000a",
}

// AlloAllocations is an auto generated Go binding around an Ethereum contract.
type AlloAllocations struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *AlloAllocations) GetABI() abi.ABI {
	return c.abi
}

// NewAlloAllocations creates a new instance of AlloAllocations.
func NewAlloAllocations() *AlloAllocations {
	parsed, err := AlloAllocationsMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &AlloAllocations{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *AlloAllocations) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(uint64 _allocationEndTime) returns()
func (alloAllocations *AlloAllocations) PackConstructor(_allocationEndTime uint64) []byte {
	enc, err := alloAllocations.abi.Pack("", _allocationEndTime)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackAllocate is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2531fdad.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function allocate(address recipientId, uint256 amount, address token) returns()
func (alloAllocations *AlloAllocations) PackAllocate(recipientId common.Address, amount *big.Int, token common.Address) []byte {
	enc, err := alloAllocations.abi.Pack("allocate", recipientId, amount, token)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAllocate is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2531fdad.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function allocate(address recipientId, uint256 amount, address token) returns()
func (alloAllocations *AlloAllocations) TryPackAllocate(recipientId common.Address, amount *big.Int, token common.Address) ([]byte, error) {
	return alloAllocations.abi.Pack("allocate", recipientId, amount, token)
}

// PackAllocateWithOrigin is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8d41b908.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function allocateWithOrigin(address recipientId, uint256 amount, address token, address origin) returns()
func (alloAllocations *AlloAllocations) PackAllocateWithOrigin(recipientId common.Address, amount *big.Int, token common.Address, origin common.Address) []byte {
	enc, err := alloAllocations.abi.Pack("allocateWithOrigin", recipientId, amount, token, origin)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAllocateWithOrigin is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8d41b908.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function allocateWithOrigin(address recipientId, uint256 amount, address token, address origin) returns()
func (alloAllocations *AlloAllocations) TryPackAllocateWithOrigin(recipientId common.Address, amount *big.Int, token common.Address, origin common.Address) ([]byte, error) {
	return alloAllocations.abi.Pack("allocateWithOrigin", recipientId, amount, token, origin)
}

// PackAllocationEndTime is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4533d678.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function allocationEndTime() view returns(uint64)
func (alloAllocations *AlloAllocations) PackAllocationEndTime() []byte {
	enc, err := alloAllocations.abi.Pack("allocationEndTime")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAllocationEndTime is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4533d678.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function allocationEndTime() view returns(uint64)
func (alloAllocations *AlloAllocations) TryPackAllocationEndTime() ([]byte, error) {
	return alloAllocations.abi.Pack("allocationEndTime")
}

// UnpackAllocationEndTime is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x4533d678.
//
// Solidity: function allocationEndTime() view returns(uint64)
func (alloAllocations *AlloAllocations) UnpackAllocationEndTime(data []byte) (uint64, error) {
	out, err := alloAllocations.abi.Unpack("allocationEndTime", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// AlloAllocationsAllocated represents a Allocated event raised by the AlloAllocations contract.
type AlloAllocationsAllocated struct {
	RecipientId common.Address
	Amount      *big.Int
	Token       common.Address
	Sender      common.Address
	Raw         *types.Log // Blockchain specific contextual infos
}

const AlloAllocationsAllocatedEventName = "Allocated"

// ContractEventName returns the user-defined event name.
func (AlloAllocationsAllocated) ContractEventName() string {
	return AlloAllocationsAllocatedEventName
}

// UnpackAllocatedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Allocated(address indexed recipientId, uint256 amount, address token, address sender)
func (alloAllocations *AlloAllocations) UnpackAllocatedEvent(log *types.Log) (*AlloAllocationsAllocated, error) {
	event := "Allocated"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != alloAllocations.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(AlloAllocationsAllocated)
	if len(log.Data) > 0 {
		if err := alloAllocations.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range alloAllocations.abi.Events[event].Inputs {
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

// AlloAllocationsAllocated0 represents a Allocated0 event raised by the AlloAllocations contract.
type AlloAllocationsAllocated0 struct {
	RecipientId common.Address
	Amount      *big.Int
	Token       common.Address
	Sender      common.Address
	Origin      common.Address
	Raw         *types.Log // Blockchain specific contextual infos
}

const AlloAllocationsAllocated0EventName = "Allocated0"

// ContractEventName returns the user-defined event name.
func (AlloAllocationsAllocated0) ContractEventName() string {
	return AlloAllocationsAllocated0EventName
}

// UnpackAllocated0Event is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Allocated(address indexed recipientId, uint256 amount, address token, address sender, address origin)
func (alloAllocations *AlloAllocations) UnpackAllocated0Event(log *types.Log) (*AlloAllocationsAllocated0, error) {
	event := "Allocated0"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != alloAllocations.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(AlloAllocationsAllocated0)
	if len(log.Data) > 0 {
		if err := alloAllocations.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range alloAllocations.abi.Events[event].Inputs {
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
