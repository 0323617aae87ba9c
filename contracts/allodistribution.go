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

// AlloDistributionDistribution is an auto generated low-level Go binding around an user-defined struct.
type AlloDistributionDistribution struct {
	Index       *big.Int
	RecipientId common.Address
	Amount      *big.Int
	MerkleProof [][32]byte
}

// AlloDistributionMetaData contains all meta data concerning the AlloDistribution contract.
var AlloDistributionMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_token\",\"type\":\"address\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"OwnableInvalidOwner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"OwnableUnauthorizedAccount\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"token\",\"type\":\"address\"}],\"name\":\"SafeERC20FailedOperation\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"merkleRoot\",\"type\":\"bytes32\"}],\"name\":\"DistributionUpdated\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"grantee\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"token\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"recipientId\",\"type\":\"address\"}],\"name\":\"FundsDistributed\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"previousOwner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"OwnershipTransferred\",\"type\":\"event\"},{\"inputs\":[{\"components\":[{\"internalType\":\"uint256\",\"name\":\"index\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"recipientId\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"internalType\":\"bytes32[]\",\"name\":\"merkleProof\",\"type\":\"bytes32[]\"}],\"internalType\":\"structAlloDistribution.Distribution[]\",\"name\":\"distributions\",\"type\":\"tuple[]\"}],\"name\":\"distribute\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"index\",\"type\":\"uint256\"}],\"name\":\"isDistributed\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"merkleRoot\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"owner\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"name\":\"recipientAddress\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"recipientId\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"payTo\",\"type\":\"address\"}],\"name\":\"registerRecipient\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"renounceOwnership\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"token\",\"outputs\":[{\"internalType\":\"contractIERC20\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"transferOwnership\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"_merkleRoot\",\"type\":\"bytes32\"}],\"name\":\"updateDistribution\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "AlloDistribution",
	Bin: "0x60a060405234801561000f575f5ffd5b50604051610a2b380380610a2b83398101604081905261002e916100bd565b338061005357604051631e4fbdf760e01b81525f600482015260240160405180910390fd5b61005c8161006e565b506001600160a01b03166080526100ea565b5f80546001600160a01b038381166001600160a01b0319831681178455604051919092169283917f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e09190a35050565b5f602082840312156100cd575f5ffd5b81516001600160a01b03811681146100e3575f5ffd5b9392505050565b60805161091b6101105f395f8181610189015281816104af015261050a015261091b5ff3fe608060405234801561000f575f5ffd5b506004361061009b575f3560e01c8063b100ef6b11610063578063b100ef6b14610138578063b391c7381461014b578063d8d28aa91461015e578063f2fde38b14610171578063fc0c546a14610184575f5ffd5b80632eb4a7ab1461009f57806338362d0e146100bb5780636f62c3a6146100fb578063715018a61461011e5780638da5cb5b14610128575b5f5ffd5b6100a860015481565b6040519081526020015b60405180910390f35b6100e36100c9366004610783565b60026020525f90815260409020546001600160a01b031681565b6040516001600160a01b0390911681526020016100b2565b61010e61010936600461079c565b6101ab565b60405190151581526020016100b2565b6101266101e7565b005b5f546001600160a01b03166100e3565b6101266101463660046107b3565b6101fa565b61012661015936600461079c565b61022f565b61012661016c3660046107e4565b610272565b61012661017f366004610783565b610566565b6100e37f000000000000000000000000000000000000000000000000000000000000000081565b5f806003816101bc61010086610869565b81526020019081526020015f20549050610100836101da919061087c565b6001901b16151592915050565b6101ef6105a3565b6101f85f6105cf565b565b6102026105a3565b6001600160a01b039182165f90815260026020526040902080546001600160a01b03191691909216179055565b6102376105a3565b60018190556040518181527fab935d01bcc803c9101e3c3eab4b4e3144a7d79414491a14ba5082310af626289060200160405180910390a150565b5f5b81811015610561573683838381811061028f5761028f61088f565b90506020028101906102a191906108a3565b90506102ad81356101ab565b156102f55760405162461bcd60e51b8152602060048201526013602482015272105b1c9958591e48191a5cdd1c9a589d5d1959606a1b60448201526064015b60405180910390fd5b5f6002816103096040850160208601610783565b6001600160a01b03908116825260208201929092526040015f2054169050806103685760405162461bcd60e51b8152602060048201526011602482015270155b9adb9bdddb881c9958da5c1a595b9d607a1b60448201526064016102ec565b5f823561037b6040850160208601610783565b6040805160208101939093526001600160a01b03918216838201529084166060830152840135608082015260a00160408051601f198184030181528282528051602091820120908301520160408051601f198184030181529190528051602090910120905061042b6103f060608501856108c1565b808060200260200160405190810160405280939291908181526020018383602002808284375f9201919091525050600154915084905061061e565b6104675760405162461bcd60e51b815260206004820152600d60248201526c24b73b30b634b210383937b7b360991b60448201526064016102ec565b610474610100843561087c565b6001901b60035f6104886101008735610869565b8152602081019190915260409081015f2080549092179091556104da906001600160a01b037f000000000000000000000000000000000000000000000000000000000000000016908490860135610633565b6104ea6040840160208501610783565b604080518186013581526001600160a01b038581166020830152928316927f000000000000000000000000000000000000000000000000000000000000000016917fa6b66f665010d2f7435f110111aaa34b56564074f66081bef606d996fc8caa6f910160405180910390a3505050600101610274565b505050565b61056e6105a3565b6001600160a01b03811661059757604051631e4fbdf760e01b81525f60048201526024016102ec565b6105a0816105cf565b50565b5f546001600160a01b031633146101f85760405163118cdaa760e01b81523360048201526024016102ec565b5f80546001600160a01b038381166001600160a01b0319831681178455604051919092169283917f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e09190a35050565b5f8261062a8584610685565b14949350505050565b604080516001600160a01b038416602482015260448082018490528251808303909101815260649091019091526020810180516001600160e01b031663a9059cbb60e01b1790526105619084906106c7565b5f81815b84518110156106bf576106b5828683815181106106a8576106a861088f565b6020026020010151610739565b9150600101610689565b509392505050565b5f5f60205f8451602086015f885af1806106e6576040513d5f823e3d81fd5b50505f513d915081156106fd57806001141561070a565b6001600160a01b0384163b155b1561073357604051635274afe760e01b81526001600160a01b03851660048201526024016102ec565b50505050565b5f818310610753575f828152602084905260409020610761565b5f8381526020839052604090205b9392505050565b80356001600160a01b038116811461077e575f5ffd5b919050565b5f60208284031215610793575f5ffd5b61076182610768565b5f602082840312156107ac575f5ffd5b5035919050565b5f5f604083850312156107c4575f5ffd5b6107cd83610768565b91506107db60208401610768565b90509250929050565b5f5f602083850312156107f5575f5ffd5b823567ffffffffffffffff81111561080b575f5ffd5b8301601f8101851361081b575f5ffd5b803567ffffffffffffffff811115610831575f5ffd5b8560208260051b8401011115610845575f5ffd5b6020919091019590945092505050565b634e487b7160e01b5f52601260045260245ffd5b5f8261087757610877610855565b500490565b5f8261088a5761088a610855565b500690565b634e487b7160e01b5f52603260045260245ffd5b5f8235607e198336030181126108b7575f5ffd5b9190910192915050565b5f5f8335601e198436030181126108d6575f5ffd5b83018035915067ffffffffffffffff8211156108f0575f5ffd5b6020019150600581901b3603821315610907575f5ffd5b925092905056fea164736f6c634300081c000a",
}

// AlloDistribution is an auto generated Go binding around an Ethereum contract.
type AlloDistribution struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *AlloDistribution) GetABI() abi.ABI {
	return c.abi
}

// NewAlloDistribution creates a new instance of AlloDistribution.
func NewAlloDistribution() *AlloDistribution {
	parsed, err := AlloDistributionMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &AlloDistribution{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *AlloDistribution) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(address _token) returns()
func (alloDistribution *AlloDistribution) PackConstructor(_token common.Address) []byte {
	enc, err := alloDistribution.abi.Pack("", _token)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackDistribute is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd8d28aa9.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function distribute((uint256,address,uint256,bytes32[])[] distributions) returns()
func (alloDistribution *AlloDistribution) PackDistribute(distributions []AlloDistributionDistribution) []byte {
	enc, err := alloDistribution.abi.Pack("distribute", distributions)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDistribute is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd8d28aa9.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function distribute((uint256,address,uint256,bytes32[])[] distributions) returns()
func (alloDistribution *AlloDistribution) TryPackDistribute(distributions []AlloDistributionDistribution) ([]byte, error) {
	return alloDistribution.abi.Pack("distribute", distributions)
}

// PackIsDistributed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6f62c3a6.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function isDistributed(uint256 index) view returns(bool)
func (alloDistribution *AlloDistribution) PackIsDistributed(index *big.Int) []byte {
	enc, err := alloDistribution.abi.Pack("isDistributed", index)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackIsDistributed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6f62c3a6.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function isDistributed(uint256 index) view returns(bool)
func (alloDistribution *AlloDistribution) TryPackIsDistributed(index *big.Int) ([]byte, error) {
	return alloDistribution.abi.Pack("isDistributed", index)
}

// UnpackIsDistributed is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x6f62c3a6.
//
// Solidity: function isDistributed(uint256 index) view returns(bool)
func (alloDistribution *AlloDistribution) UnpackIsDistributed(data []byte) (bool, error) {
	out, err := alloDistribution.abi.Unpack("isDistributed", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackMerkleRoot is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2eb4a7ab.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function merkleRoot() view returns(bytes32)
func (alloDistribution *AlloDistribution) PackMerkleRoot() []byte {
	enc, err := alloDistribution.abi.Pack("merkleRoot")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMerkleRoot is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2eb4a7ab.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function merkleRoot() view returns(bytes32)
func (alloDistribution *AlloDistribution) TryPackMerkleRoot() ([]byte, error) {
	return alloDistribution.abi.Pack("merkleRoot")
}

// UnpackMerkleRoot is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x2eb4a7ab.
//
// Solidity: function merkleRoot() view returns(bytes32)
func (alloDistribution *AlloDistribution) UnpackMerkleRoot(data []byte) ([32]byte, error) {
	out, err := alloDistribution.abi.Unpack("merkleRoot", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackOwner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8da5cb5b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function owner() view returns(address)
func (alloDistribution *AlloDistribution) PackOwner() []byte {
	enc, err := alloDistribution.abi.Pack("owner")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackOwner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8da5cb5b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function owner() view returns(address)
func (alloDistribution *AlloDistribution) TryPackOwner() ([]byte, error) {
	return alloDistribution.abi.Pack("owner")
}

// UnpackOwner is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8da5cb5b.
//
// Solidity: function owner() view returns(address)
func (alloDistribution *AlloDistribution) UnpackOwner(data []byte) (common.Address, error) {
	out, err := alloDistribution.abi.Unpack("owner", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackRecipientAddress is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x38362d0e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function recipientAddress(address ) view returns(address)
func (alloDistribution *AlloDistribution) PackRecipientAddress(arg0 common.Address) []byte {
	enc, err := alloDistribution.abi.Pack("recipientAddress", arg0)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRecipientAddress is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x38362d0e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function recipientAddress(address ) view returns(address)
func (alloDistribution *AlloDistribution) TryPackRecipientAddress(arg0 common.Address) ([]byte, error) {
	return alloDistribution.abi.Pack("recipientAddress", arg0)
}

// UnpackRecipientAddress is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x38362d0e.
//
// Solidity: function recipientAddress(address ) view returns(address)
func (alloDistribution *AlloDistribution) UnpackRecipientAddress(data []byte) (common.Address, error) {
	out, err := alloDistribution.abi.Unpack("recipientAddress", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackRegisterRecipient is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb100ef6b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function registerRecipient(address recipientId, address payTo) returns()
func (alloDistribution *AlloDistribution) PackRegisterRecipient(recipientId common.Address, payTo common.Address) []byte {
	enc, err := alloDistribution.abi.Pack("registerRecipient", recipientId, payTo)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRegisterRecipient is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb100ef6b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function registerRecipient(address recipientId, address payTo) returns()
func (alloDistribution *AlloDistribution) TryPackRegisterRecipient(recipientId common.Address, payTo common.Address) ([]byte, error) {
	return alloDistribution.abi.Pack("registerRecipient", recipientId, payTo)
}

// PackRenounceOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x715018a6.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function renounceOwnership() returns()
func (alloDistribution *AlloDistribution) PackRenounceOwnership() []byte {
	enc, err := alloDistribution.abi.Pack("renounceOwnership")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRenounceOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x715018a6.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function renounceOwnership() returns()
func (alloDistribution *AlloDistribution) TryPackRenounceOwnership() ([]byte, error) {
	return alloDistribution.abi.Pack("renounceOwnership")
}

// PackToken is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfc0c546a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function token() view returns(address)
func (alloDistribution *AlloDistribution) PackToken() []byte {
	enc, err := alloDistribution.abi.Pack("token")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackToken is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfc0c546a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function token() view returns(address)
func (alloDistribution *AlloDistribution) TryPackToken() ([]byte, error) {
	return alloDistribution.abi.Pack("token")
}

// UnpackToken is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xfc0c546a.
//
// Solidity: function token() view returns(address)
func (alloDistribution *AlloDistribution) UnpackToken(data []byte) (common.Address, error) {
	out, err := alloDistribution.abi.Unpack("token", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackTransferOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf2fde38b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function transferOwnership(address newOwner) returns()
func (alloDistribution *AlloDistribution) PackTransferOwnership(newOwner common.Address) []byte {
	enc, err := alloDistribution.abi.Pack("transferOwnership", newOwner)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTransferOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf2fde38b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function transferOwnership(address newOwner) returns()
func (alloDistribution *AlloDistribution) TryPackTransferOwnership(newOwner common.Address) ([]byte, error) {
	return alloDistribution.abi.Pack("transferOwnership", newOwner)
}

// PackUpdateDistribution is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb391c738.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function updateDistribution(bytes32 _merkleRoot) returns()
func (alloDistribution *AlloDistribution) PackUpdateDistribution(merkleRoot [32]byte) []byte {
	enc, err := alloDistribution.abi.Pack("updateDistribution", merkleRoot)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackUpdateDistribution is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb391c738.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function updateDistribution(bytes32 _merkleRoot) returns()
func (alloDistribution *AlloDistribution) TryPackUpdateDistribution(merkleRoot [32]byte) ([]byte, error) {
	return alloDistribution.abi.Pack("updateDistribution", merkleRoot)
}

// AlloDistributionDistributionUpdated represents a DistributionUpdated event raised by the AlloDistribution contract.
type AlloDistributionDistributionUpdated struct {
	MerkleRoot [32]byte
	Raw        *types.Log // Blockchain specific contextual infos
}

const AlloDistributionDistributionUpdatedEventName = "DistributionUpdated"

// ContractEventName returns the user-defined event name.
func (AlloDistributionDistributionUpdated) ContractEventName() string {
	return AlloDistributionDistributionUpdatedEventName
}

// UnpackDistributionUpdatedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event DistributionUpdated(bytes32 merkleRoot)
func (alloDistribution *AlloDistribution) UnpackDistributionUpdatedEvent(log *types.Log) (*AlloDistributionDistributionUpdated, error) {
	event := "DistributionUpdated"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != alloDistribution.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(AlloDistributionDistributionUpdated)
	if len(log.Data) > 0 {
		if err := alloDistribution.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range alloDistribution.abi.Events[event].Inputs {
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

// AlloDistributionFundsDistributed represents a FundsDistributed event raised by the AlloDistribution contract.
type AlloDistributionFundsDistributed struct {
	Amount      *big.Int
	Grantee     common.Address
	Token       common.Address
	RecipientId common.Address
	Raw         *types.Log // Blockchain specific contextual infos
}

const AlloDistributionFundsDistributedEventName = "FundsDistributed"

// ContractEventName returns the user-defined event name.
func (AlloDistributionFundsDistributed) ContractEventName() string {
	return AlloDistributionFundsDistributedEventName
}

// UnpackFundsDistributedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event FundsDistributed(uint256 amount, address grantee, address indexed token, address indexed recipientId)
func (alloDistribution *AlloDistribution) UnpackFundsDistributedEvent(log *types.Log) (*AlloDistributionFundsDistributed, error) {
	event := "FundsDistributed"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != alloDistribution.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(AlloDistributionFundsDistributed)
	if len(log.Data) > 0 {
		if err := alloDistribution.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range alloDistribution.abi.Events[event].Inputs {
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

// AlloDistributionOwnershipTransferred represents a OwnershipTransferred event raised by the AlloDistribution contract.
type AlloDistributionOwnershipTransferred struct {
	PreviousOwner common.Address
	NewOwner      common.Address
	Raw           *types.Log // Blockchain specific contextual infos
}

const AlloDistributionOwnershipTransferredEventName = "OwnershipTransferred"

// ContractEventName returns the user-defined event name.
func (AlloDistributionOwnershipTransferred) ContractEventName() string {
	return AlloDistributionOwnershipTransferredEventName
}

// UnpackOwnershipTransferredEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event OwnershipTransferred(address indexed previousOwner, address indexed newOwner)
func (alloDistribution *AlloDistribution) UnpackOwnershipTransferredEvent(log *types.Log) (*AlloDistributionOwnershipTransferred, error) {
	event := "OwnershipTransferred"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != alloDistribution.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(AlloDistributionOwnershipTransferred)
	if len(log.Data) > 0 {
		if err := alloDistribution.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range alloDistribution.abi.Events[event].Inputs {
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

// UnpackError attempts to decode the provided error data using user-defined
// error definitions.
func (alloDistribution *AlloDistribution) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], alloDistribution.abi.Errors["OwnableInvalidOwner"].ID.Bytes()[:4]) {
		return alloDistribution.UnpackOwnableInvalidOwnerError(raw[4:])
	}
	if bytes.Equal(raw[:4], alloDistribution.abi.Errors["OwnableUnauthorizedAccount"].ID.Bytes()[:4]) {
		return alloDistribution.UnpackOwnableUnauthorizedAccountError(raw[4:])
	}
	if bytes.Equal(raw[:4], alloDistribution.abi.Errors["SafeERC20FailedOperation"].ID.Bytes()[:4]) {
		return alloDistribution.UnpackSafeERC20FailedOperationError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// AlloDistributionOwnableInvalidOwner represents a OwnableInvalidOwner error raised by the AlloDistribution contract.
type AlloDistributionOwnableInvalidOwner struct {
	Owner common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error OwnableInvalidOwner(address owner)
func AlloDistributionOwnableInvalidOwnerErrorID() common.Hash {
	return common.HexToHash("0x1e4fbdf7f3ef8bcaa855599e3abf48b232380f183f08f6f813d9ffa5bd585188")
}

// UnpackOwnableInvalidOwnerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error OwnableInvalidOwner(address owner)
func (alloDistribution *AlloDistribution) UnpackOwnableInvalidOwnerError(raw []byte) (*AlloDistributionOwnableInvalidOwner, error) {
	out := new(AlloDistributionOwnableInvalidOwner)
	if err := alloDistribution.abi.UnpackIntoInterface(out, "OwnableInvalidOwner", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AlloDistributionOwnableUnauthorizedAccount represents a OwnableUnauthorizedAccount error raised by the AlloDistribution contract.
type AlloDistributionOwnableUnauthorizedAccount struct {
	Account common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error OwnableUnauthorizedAccount(address account)
func AlloDistributionOwnableUnauthorizedAccountErrorID() common.Hash {
	return common.HexToHash("0x118cdaa7a341953d1887a2245fd6665d741c67c8c50581daa59e1d03373fa188")
}

// UnpackOwnableUnauthorizedAccountError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error OwnableUnauthorizedAccount(address account)
func (alloDistribution *AlloDistribution) UnpackOwnableUnauthorizedAccountError(raw []byte) (*AlloDistributionOwnableUnauthorizedAccount, error) {
	out := new(AlloDistributionOwnableUnauthorizedAccount)
	if err := alloDistribution.abi.UnpackIntoInterface(out, "OwnableUnauthorizedAccount", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AlloDistributionSafeERC20FailedOperation represents a SafeERC20FailedOperation error raised by the AlloDistribution contract.
type AlloDistributionSafeERC20FailedOperation struct {
	Token common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error SafeERC20FailedOperation(address token)
func AlloDistributionSafeERC20FailedOperationErrorID() common.Hash {
	return common.HexToHash("0x5274afe73c98b4749fc91ffae6b7b574e7842cb2144a159e9377a5f20b32edf9")
}

// UnpackSafeERC20FailedOperationError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error SafeERC20FailedOperation(address token)
func (alloDistribution *AlloDistribution) UnpackSafeERC20FailedOperationError(raw []byte) (*AlloDistributionSafeERC20FailedOperation, error) {
	out := new(AlloDistributionSafeERC20FailedOperation)
	if err := alloDistribution.abi.UnpackIntoInterface(out, "SafeERC20FailedOperation", raw); err != nil {
		return nil, err
	}
	return out, nil
}
