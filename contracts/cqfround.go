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

// CQFRoundMetaData contains all meta data concerning the CQFRound contract.
var CQFRoundMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_token\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"_start\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"_end\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"OwnableInvalidOwner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"OwnableUnauthorizedAccount\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"token\",\"type\":\"address\"}],\"name\":\"SafeERC20FailedOperation\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"previousOwner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"OwnershipTransferred\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"projectId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"PayoutClaimed\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"root\",\"type\":\"bytes32\"}],\"name\":\"PayoutRootSet\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"projectId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"pledger\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"limit\",\"type\":\"uint256\"}],\"name\":\"PledgeMade\",\"type\":\"event\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"projectId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"internalType\":\"bytes32[]\",\"name\":\"proof\",\"type\":\"bytes32[]\"}],\"name\":\"claim\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"claimedTotal\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"name\":\"leafClaimed\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"name\":\"limits\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"owner\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"payoutRoot\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"projectId\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"limit\",\"type\":\"uint256\"}],\"name\":\"pledge\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"name\":\"projectLimits\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"renounceOwnership\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"roundEnd\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"roundStart\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"_root\",\"type\":\"bytes32\"}],\"name\":\"setPayoutRoot\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"token\",\"outputs\":[{\"internalType\":\"contractIERC20\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"totalLimits\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"transferOwnership\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "CQFRound",
	Bin: "0x60e060405234801561000f575f5ffd5b50604051610cf4380380610cf483398101604081905261002e916100c5565b338061005357604051631e4fbdf760e01b81525f600482015260240160405180910390fd5b61005c81610076565b506001600160a01b0390921660805260a05260c052610104565b5f80546001600160a01b038381166001600160a01b0319831681178455604051919092169283917f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e09190a35050565b5f5f5f606084860312156100d7575f5ffd5b83516001600160a01b03811681146100ed575f5ffd5b602085015160409095015190969495509392505050565b60805160a05160c051610ba36101515f395f81816101d80152818161050701526106bb01525f8181610172015261065701525f81816102570152818161047701526107c80152610ba35ff3fe608060405234801561000f575f5ffd5b50600436106100f0575f3560e01c8063c02e580e11610093578063f7bd641611610063578063f7bd641614610240578063fb34645814610249578063fc0c546a14610252578063fde327be14610279575f5ffd5b8063c02e580e146101d3578063c6fc65c3146101fa578063e19500ba14610203578063f2fde38b1461022d575f5ffd5b806340365852116100ce578063403658521461016d578063715018a6146101945780638d6753801461019c5780638da5cb5b146101af575f5ffd5b806301fb6857146100f457806309c5d5651461012b5780632e7ba6ef14610158575b5f5ffd5b610116610102366004610a3d565b60066020525f908152604090205460ff1681565b60405190151581526020015b60405180910390f35b61014a610139366004610a3d565b60026020525f908152604090205481565b604051908152602001610122565b61016b610166366004610a6f565b61028c565b005b61014a7f000000000000000000000000000000000000000000000000000000000000000081565b61016b6104ea565b61016b6101aa366004610a3d565b6104fd565b5f546001600160a01b03165b6040516001600160a01b039091168152602001610122565b61014a7f000000000000000000000000000000000000000000000000000000000000000081565b61014a60055481565b61014a610211366004610b00565b600160209081525f928352604080842090915290825290205481565b61016b61023b366004610b2a565b610618565b61014a60035481565b61014a60045481565b6101bb7f000000000000000000000000000000000000000000000000000000000000000081565b61016b610287366004610b43565b610655565b6004546102cf5760405162461bcd60e51b815260206004820152600c60248201526b149bdbdd081b9bdd081cd95d60a21b60448201526064015b60405180910390fd5b60408051602081018790526001600160a01b03861691810191909152606081018490525f9060800160408051601f198184030181528282528051602091820120908301520160408051601f1981840301815291815281516020928301205f818152600690935291205490915060ff161561037d5760405162461bcd60e51b815260206004820152600f60248201526e105b1c9958591e4818db185a5b5959608a1b60448201526064016102c6565b6103bd8383808060200260200160405190810160405280939291908181526020018383602002808284375f9201919091525050600454915084905061082b565b6103f95760405162461bcd60e51b815260206004820152600d60248201526c24b73b30b634b210383937b7b360991b60448201526064016102c6565b5f818152600660205260408120805460ff1916600117905560058054869290610423908490610b63565b9091555050600354600554111561046a5760405162461bcd60e51b815260206004820152600b60248201526a4f76657220657363726f7760a81b60448201526064016102c6565b61049e6001600160a01b037f0000000000000000000000000000000000000000000000000000000000000000168686610840565b846001600160a01b0316867fe97cee5a4c0549d3fdc81e322b718ddf0aeb3418ec87dce4f9a7fb28d117c312866040516104da91815260200190565b60405180910390a3505050505050565b6104f26108a4565b6104fb5f6108d0565b565b6105056108a4565b7f000000000000000000000000000000000000000000000000000000000000000042116105665760405162461bcd60e51b815260206004820152600f60248201526e149bdd5b99081b9bdd08195b991959608a1b60448201526064016102c6565b8061059f5760405162461bcd60e51b815260206004820152600960248201526816995c9bc81c9bdbdd60ba1b60448201526064016102c6565b600554156105dd5760405162461bcd60e51b815260206004820152600b60248201526a436c61696d73206d61646560a81b60448201526064016102c6565b60048190556040518181527f5747481b102333c68e51e759fa1605c5a609620f1a6ed2edfb319b178a9b7a6d9060200160405180910390a150565b6106206108a4565b6001600160a01b03811661064957604051631e4fbdf760e01b81525f60048201526024016102c6565b610652816108d0565b50565b7f00000000000000000000000000000000000000000000000000000000000000004210156106b95760405162461bcd60e51b8152602060048201526011602482015270149bdd5b99081b9bdd081cdd185c9d1959607a1b60448201526064016102c6565b7f00000000000000000000000000000000000000000000000000000000000000004211156107175760405162461bcd60e51b815260206004820152600b60248201526a149bdd5b9908195b99195960aa1b60448201526064016102c6565b5f81116107535760405162461bcd60e51b815260206004820152600a60248201526916995c9bc81b1a5b5a5d60b21b60448201526064016102c6565b5f8281526001602090815260408083203384529091528120805483929061077b908490610b63565b90915550505f828152600260205260408120805483929061079d908490610b63565b925050819055508060035f8282546107b59190610b63565b909155506107f090506001600160a01b037f00000000000000000000000000000000000000000000000000000000000000001633308461091f565b604051818152339083907f32ce8e6b57cb1303806eaf9b3bf3609699c7a1a3231079bd7ece621d13c6c4bf9060200160405180910390a35050565b5f82610837858461095e565b14949350505050565b6040516001600160a01b0383811660248301526044820183905261089f91859182169063a9059cbb906064015b604051602081830303815290604052915060e01b6020820180516001600160e01b0383818316178352505050506109a2565b505050565b5f546001600160a01b031633146104fb5760405163118cdaa760e01b81523360048201526024016102c6565b5f80546001600160a01b038381166001600160a01b0319831681178455604051919092169283917f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e09190a35050565b6040516001600160a01b0384811660248301528381166044830152606482018390526109589186918216906323b872dd9060840161086d565b50505050565b5f81815b84518110156109985761098e8286838151811061098157610981610b82565b6020026020010151610a0e565b9150600101610962565b5090505b92915050565b5f5f60205f8451602086015f885af1806109c1576040513d5f823e3d81fd5b50505f513d915081156109d85780600114156109e5565b6001600160a01b0384163b155b1561095857604051635274afe760e01b81526001600160a01b03851660048201526024016102c6565b5f818310610a28575f828152602084905260409020610a36565b5f8381526020839052604090205b9392505050565b5f60208284031215610a4d575f5ffd5b5035919050565b80356001600160a01b0381168114610a6a575f5ffd5b919050565b5f5f5f5f5f60808688031215610a83575f5ffd5b85359450610a9360208701610a54565b935060408601359250606086013567ffffffffffffffff811115610ab5575f5ffd5b8601601f81018813610ac5575f5ffd5b803567ffffffffffffffff811115610adb575f5ffd5b8860208260051b8401011115610aef575f5ffd5b959894975092955050506020019190565b5f5f60408385031215610b11575f5ffd5b82359150610b2160208401610a54565b90509250929050565b5f60208284031215610b3a575f5ffd5b610a3682610a54565b5f5f60408385031215610b54575f5ffd5b50508035926020909101359150565b8082018082111561099c57634e487b7160e01b5f52601160045260245ffd5b634e487b7160e01b5f52603260045260245ffdfea164736f6c634300081c000a",
}

// CQFRound is an auto generated Go binding around an Ethereum contract.
type CQFRound struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *CQFRound) GetABI() abi.ABI {
	return c.abi
}

// NewCQFRound creates a new instance of CQFRound.
func NewCQFRound() *CQFRound {
	parsed, err := CQFRoundMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &CQFRound{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *CQFRound) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(address _token, uint256 _start, uint256 _end) returns()
func (cQFRound *CQFRound) PackConstructor(_token common.Address, _start *big.Int, _end *big.Int) []byte {
	enc, err := cQFRound.abi.Pack("", _token, _start, _end)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackClaim is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2e7ba6ef.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function claim(uint256 projectId, address account, uint256 amount, bytes32[] proof) returns()
func (cQFRound *CQFRound) PackClaim(projectId *big.Int, account common.Address, amount *big.Int, proof [][32]byte) []byte {
	enc, err := cQFRound.abi.Pack("claim", projectId, account, amount, proof)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackClaim is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2e7ba6ef.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function claim(uint256 projectId, address account, uint256 amount, bytes32[] proof) returns()
func (cQFRound *CQFRound) TryPackClaim(projectId *big.Int, account common.Address, amount *big.Int, proof [][32]byte) ([]byte, error) {
	return cQFRound.abi.Pack("claim", projectId, account, amount, proof)
}

// PackClaimedTotal is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc6fc65c3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function claimedTotal() view returns(uint256)
func (cQFRound *CQFRound) PackClaimedTotal() []byte {
	enc, err := cQFRound.abi.Pack("claimedTotal")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackClaimedTotal is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc6fc65c3.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function claimedTotal() view returns(uint256)
func (cQFRound *CQFRound) TryPackClaimedTotal() ([]byte, error) {
	return cQFRound.abi.Pack("claimedTotal")
}

// UnpackClaimedTotal is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xc6fc65c3.
//
// Solidity: function claimedTotal() view returns(uint256)
func (cQFRound *CQFRound) UnpackClaimedTotal(data []byte) (*big.Int, error) {
	out, err := cQFRound.abi.Unpack("claimedTotal", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackLeafClaimed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x01fb6857.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function leafClaimed(bytes32 ) view returns(bool)
func (cQFRound *CQFRound) PackLeafClaimed(arg0 [32]byte) []byte {
	enc, err := cQFRound.abi.Pack("leafClaimed", arg0)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackLeafClaimed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x01fb6857.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function leafClaimed(bytes32 ) view returns(bool)
func (cQFRound *CQFRound) TryPackLeafClaimed(arg0 [32]byte) ([]byte, error) {
	return cQFRound.abi.Pack("leafClaimed", arg0)
}

// UnpackLeafClaimed is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x01fb6857.
//
// Solidity: function leafClaimed(bytes32 ) view returns(bool)
func (cQFRound *CQFRound) UnpackLeafClaimed(data []byte) (bool, error) {
	out, err := cQFRound.abi.Unpack("leafClaimed", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackLimits is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe19500ba.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function limits(uint256 , address ) view returns(uint256)
func (cQFRound *CQFRound) PackLimits(arg0 *big.Int, arg1 common.Address) []byte {
	enc, err := cQFRound.abi.Pack("limits", arg0, arg1)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackLimits is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe19500ba.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function limits(uint256 , address ) view returns(uint256)
func (cQFRound *CQFRound) TryPackLimits(arg0 *big.Int, arg1 common.Address) ([]byte, error) {
	return cQFRound.abi.Pack("limits", arg0, arg1)
}

// UnpackLimits is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xe19500ba.
//
// Solidity: function limits(uint256 , address ) view returns(uint256)
func (cQFRound *CQFRound) UnpackLimits(data []byte) (*big.Int, error) {
	out, err := cQFRound.abi.Unpack("limits", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackOwner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8da5cb5b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function owner() view returns(address)
func (cQFRound *CQFRound) PackOwner() []byte {
	enc, err := cQFRound.abi.Pack("owner")
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
func (cQFRound *CQFRound) TryPackOwner() ([]byte, error) {
	return cQFRound.abi.Pack("owner")
}

// UnpackOwner is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8da5cb5b.
//
// Solidity: function owner() view returns(address)
func (cQFRound *CQFRound) UnpackOwner(data []byte) (common.Address, error) {
	out, err := cQFRound.abi.Unpack("owner", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackPayoutRoot is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfb346458.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function payoutRoot() view returns(bytes32)
func (cQFRound *CQFRound) PackPayoutRoot() []byte {
	enc, err := cQFRound.abi.Pack("payoutRoot")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPayoutRoot is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfb346458.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function payoutRoot() view returns(bytes32)
func (cQFRound *CQFRound) TryPackPayoutRoot() ([]byte, error) {
	return cQFRound.abi.Pack("payoutRoot")
}

// UnpackPayoutRoot is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xfb346458.
//
// Solidity: function payoutRoot() view returns(bytes32)
func (cQFRound *CQFRound) UnpackPayoutRoot(data []byte) ([32]byte, error) {
	out, err := cQFRound.abi.Unpack("payoutRoot", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackPledge is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfde327be.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function pledge(uint256 projectId, uint256 limit) returns()
func (cQFRound *CQFRound) PackPledge(projectId *big.Int, limit *big.Int) []byte {
	enc, err := cQFRound.abi.Pack("pledge", projectId, limit)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPledge is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfde327be.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function pledge(uint256 projectId, uint256 limit) returns()
func (cQFRound *CQFRound) TryPackPledge(projectId *big.Int, limit *big.Int) ([]byte, error) {
	return cQFRound.abi.Pack("pledge", projectId, limit)
}

// PackProjectLimits is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x09c5d565.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function projectLimits(uint256 ) view returns(uint256)
func (cQFRound *CQFRound) PackProjectLimits(arg0 *big.Int) []byte {
	enc, err := cQFRound.abi.Pack("projectLimits", arg0)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackProjectLimits is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x09c5d565.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function projectLimits(uint256 ) view returns(uint256)
func (cQFRound *CQFRound) TryPackProjectLimits(arg0 *big.Int) ([]byte, error) {
	return cQFRound.abi.Pack("projectLimits", arg0)
}

// UnpackProjectLimits is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x09c5d565.
//
// Solidity: function projectLimits(uint256 ) view returns(uint256)
func (cQFRound *CQFRound) UnpackProjectLimits(data []byte) (*big.Int, error) {
	out, err := cQFRound.abi.Unpack("projectLimits", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackRenounceOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x715018a6.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function renounceOwnership() returns()
func (cQFRound *CQFRound) PackRenounceOwnership() []byte {
	enc, err := cQFRound.abi.Pack("renounceOwnership")
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
func (cQFRound *CQFRound) TryPackRenounceOwnership() ([]byte, error) {
	return cQFRound.abi.Pack("renounceOwnership")
}

// PackRoundEnd is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc02e580e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function roundEnd() view returns(uint256)
func (cQFRound *CQFRound) PackRoundEnd() []byte {
	enc, err := cQFRound.abi.Pack("roundEnd")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRoundEnd is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc02e580e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function roundEnd() view returns(uint256)
func (cQFRound *CQFRound) TryPackRoundEnd() ([]byte, error) {
	return cQFRound.abi.Pack("roundEnd")
}

// UnpackRoundEnd is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xc02e580e.
//
// Solidity: function roundEnd() view returns(uint256)
func (cQFRound *CQFRound) UnpackRoundEnd(data []byte) (*big.Int, error) {
	out, err := cQFRound.abi.Unpack("roundEnd", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackRoundStart is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x40365852.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function roundStart() view returns(uint256)
func (cQFRound *CQFRound) PackRoundStart() []byte {
	enc, err := cQFRound.abi.Pack("roundStart")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRoundStart is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x40365852.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function roundStart() view returns(uint256)
func (cQFRound *CQFRound) TryPackRoundStart() ([]byte, error) {
	return cQFRound.abi.Pack("roundStart")
}

// UnpackRoundStart is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x40365852.
//
// Solidity: function roundStart() view returns(uint256)
func (cQFRound *CQFRound) UnpackRoundStart(data []byte) (*big.Int, error) {
	out, err := cQFRound.abi.Unpack("roundStart", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackSetPayoutRoot is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8d675380.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setPayoutRoot(bytes32 _root) returns()
func (cQFRound *CQFRound) PackSetPayoutRoot(root [32]byte) []byte {
	enc, err := cQFRound.abi.Pack("setPayoutRoot", root)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetPayoutRoot is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8d675380.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setPayoutRoot(bytes32 _root) returns()
func (cQFRound *CQFRound) TryPackSetPayoutRoot(root [32]byte) ([]byte, error) {
	return cQFRound.abi.Pack("setPayoutRoot", root)
}

// PackToken is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfc0c546a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function token() view returns(address)
func (cQFRound *CQFRound) PackToken() []byte {
	enc, err := cQFRound.abi.Pack("token")
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
func (cQFRound *CQFRound) TryPackToken() ([]byte, error) {
	return cQFRound.abi.Pack("token")
}

// UnpackToken is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xfc0c546a.
//
// Solidity: function token() view returns(address)
func (cQFRound *CQFRound) UnpackToken(data []byte) (common.Address, error) {
	out, err := cQFRound.abi.Unpack("token", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackTotalLimits is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf7bd6416.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function totalLimits() view returns(uint256)
func (cQFRound *CQFRound) PackTotalLimits() []byte {
	enc, err := cQFRound.abi.Pack("totalLimits")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTotalLimits is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf7bd6416.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function totalLimits() view returns(uint256)
func (cQFRound *CQFRound) TryPackTotalLimits() ([]byte, error) {
	return cQFRound.abi.Pack("totalLimits")
}

// UnpackTotalLimits is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xf7bd6416.
//
// Solidity: function totalLimits() view returns(uint256)
func (cQFRound *CQFRound) UnpackTotalLimits(data []byte) (*big.Int, error) {
	out, err := cQFRound.abi.Unpack("totalLimits", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackTransferOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf2fde38b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function transferOwnership(address newOwner) returns()
func (cQFRound *CQFRound) PackTransferOwnership(newOwner common.Address) []byte {
	enc, err := cQFRound.abi.Pack("transferOwnership", newOwner)
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
func (cQFRound *CQFRound) TryPackTransferOwnership(newOwner common.Address) ([]byte, error) {
	return cQFRound.abi.Pack("transferOwnership", newOwner)
}

// CQFRoundOwnershipTransferred represents a OwnershipTransferred event raised by the CQFRound contract.
type CQFRoundOwnershipTransferred struct {
	PreviousOwner common.Address
	NewOwner      common.Address
	Raw           *types.Log // Blockchain specific contextual infos
}

const CQFRoundOwnershipTransferredEventName = "OwnershipTransferred"

// ContractEventName returns the user-defined event name.
func (CQFRoundOwnershipTransferred) ContractEventName() string {
	return CQFRoundOwnershipTransferredEventName
}

// UnpackOwnershipTransferredEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event OwnershipTransferred(address indexed previousOwner, address indexed newOwner)
func (cQFRound *CQFRound) UnpackOwnershipTransferredEvent(log *types.Log) (*CQFRoundOwnershipTransferred, error) {
	event := "OwnershipTransferred"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != cQFRound.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(CQFRoundOwnershipTransferred)
	if len(log.Data) > 0 {
		if err := cQFRound.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range cQFRound.abi.Events[event].Inputs {
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

// CQFRoundPayoutClaimed represents a PayoutClaimed event raised by the CQFRound contract.
type CQFRoundPayoutClaimed struct {
	ProjectId *big.Int
	Account   common.Address
	Amount    *big.Int
	Raw       *types.Log // Blockchain specific contextual infos
}

const CQFRoundPayoutClaimedEventName = "PayoutClaimed"

// ContractEventName returns the user-defined event name.
func (CQFRoundPayoutClaimed) ContractEventName() string {
	return CQFRoundPayoutClaimedEventName
}

// UnpackPayoutClaimedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event PayoutClaimed(uint256 indexed projectId, address indexed account, uint256 amount)
func (cQFRound *CQFRound) UnpackPayoutClaimedEvent(log *types.Log) (*CQFRoundPayoutClaimed, error) {
	event := "PayoutClaimed"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != cQFRound.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(CQFRoundPayoutClaimed)
	if len(log.Data) > 0 {
		if err := cQFRound.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range cQFRound.abi.Events[event].Inputs {
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

// CQFRoundPayoutRootSet represents a PayoutRootSet event raised by the CQFRound contract.
type CQFRoundPayoutRootSet struct {
	Root [32]byte
	Raw  *types.Log // Blockchain specific contextual infos
}

const CQFRoundPayoutRootSetEventName = "PayoutRootSet"

// ContractEventName returns the user-defined event name.
func (CQFRoundPayoutRootSet) ContractEventName() string {
	return CQFRoundPayoutRootSetEventName
}

// UnpackPayoutRootSetEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event PayoutRootSet(bytes32 root)
func (cQFRound *CQFRound) UnpackPayoutRootSetEvent(log *types.Log) (*CQFRoundPayoutRootSet, error) {
	event := "PayoutRootSet"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != cQFRound.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(CQFRoundPayoutRootSet)
	if len(log.Data) > 0 {
		if err := cQFRound.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range cQFRound.abi.Events[event].Inputs {
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

// CQFRoundPledgeMade represents a PledgeMade event raised by the CQFRound contract.
type CQFRoundPledgeMade struct {
	ProjectId *big.Int
	Pledger   common.Address
	Limit     *big.Int
	Raw       *types.Log // Blockchain specific contextual infos
}

const CQFRoundPledgeMadeEventName = "PledgeMade"

// ContractEventName returns the user-defined event name.
func (CQFRoundPledgeMade) ContractEventName() string {
	return CQFRoundPledgeMadeEventName
}

// UnpackPledgeMadeEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event PledgeMade(uint256 indexed projectId, address indexed pledger, uint256 limit)
func (cQFRound *CQFRound) UnpackPledgeMadeEvent(log *types.Log) (*CQFRoundPledgeMade, error) {
	event := "PledgeMade"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != cQFRound.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(CQFRoundPledgeMade)
	if len(log.Data) > 0 {
		if err := cQFRound.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range cQFRound.abi.Events[event].Inputs {
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
func (cQFRound *CQFRound) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], cQFRound.abi.Errors["OwnableInvalidOwner"].ID.Bytes()[:4]) {
		return cQFRound.UnpackOwnableInvalidOwnerError(raw[4:])
	}
	if bytes.Equal(raw[:4], cQFRound.abi.Errors["OwnableUnauthorizedAccount"].ID.Bytes()[:4]) {
		return cQFRound.UnpackOwnableUnauthorizedAccountError(raw[4:])
	}
	if bytes.Equal(raw[:4], cQFRound.abi.Errors["SafeERC20FailedOperation"].ID.Bytes()[:4]) {
		return cQFRound.UnpackSafeERC20FailedOperationError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// CQFRoundOwnableInvalidOwner represents a OwnableInvalidOwner error raised by the CQFRound contract.
type CQFRoundOwnableInvalidOwner struct {
	Owner common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error OwnableInvalidOwner(address owner)
func CQFRoundOwnableInvalidOwnerErrorID() common.Hash {
	return common.HexToHash("0x1e4fbdf7f3ef8bcaa855599e3abf48b232380f183f08f6f813d9ffa5bd585188")
}

// UnpackOwnableInvalidOwnerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error OwnableInvalidOwner(address owner)
func (cQFRound *CQFRound) UnpackOwnableInvalidOwnerError(raw []byte) (*CQFRoundOwnableInvalidOwner, error) {
	out := new(CQFRoundOwnableInvalidOwner)
	if err := cQFRound.abi.UnpackIntoInterface(out, "OwnableInvalidOwner", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// CQFRoundOwnableUnauthorizedAccount represents a OwnableUnauthorizedAccount error raised by the CQFRound contract.
type CQFRoundOwnableUnauthorizedAccount struct {
	Account common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error OwnableUnauthorizedAccount(address account)
func CQFRoundOwnableUnauthorizedAccountErrorID() common.Hash {
	return common.HexToHash("0x118cdaa7a341953d1887a2245fd6665d741c67c8c50581daa59e1d03373fa188")
}

// UnpackOwnableUnauthorizedAccountError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error OwnableUnauthorizedAccount(address account)
func (cQFRound *CQFRound) UnpackOwnableUnauthorizedAccountError(raw []byte) (*CQFRoundOwnableUnauthorizedAccount, error) {
	out := new(CQFRoundOwnableUnauthorizedAccount)
	if err := cQFRound.abi.UnpackIntoInterface(out, "OwnableUnauthorizedAccount", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// CQFRoundSafeERC20FailedOperation represents a SafeERC20FailedOperation error raised by the CQFRound contract.
type CQFRoundSafeERC20FailedOperation struct {
	Token common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error SafeERC20FailedOperation(address token)
func CQFRoundSafeERC20FailedOperationErrorID() common.Hash {
	return common.HexToHash("0x5274afe73c98b4749fc91ffae6b7b574e7842cb2144a159e9377a5f20b32edf9")
}

// UnpackSafeERC20FailedOperationError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error SafeERC20FailedOperation(address token)
func (cQFRound *CQFRound) UnpackSafeERC20FailedOperationError(raw []byte) (*CQFRoundSafeERC20FailedOperation, error) {
	out := new(CQFRoundSafeERC20FailedOperation)
	if err := cQFRound.abi.UnpackIntoInterface(out, "SafeERC20FailedOperation", raw); err != nil {
		return nil, err
	}
	return out, nil
}
