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

// QFRoundMetaData contains all meta data concerning the QFRound contract.
var QFRoundMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_token\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"_matchingPool\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"_start\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"_end\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"OwnableInvalidOwner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"OwnableUnauthorizedAccount\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"token\",\"type\":\"address\"}],\"name\":\"SafeERC20FailedOperation\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"projectId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"donor\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"DonationMade\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"projectId\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"MatchingDistributed\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"root\",\"type\":\"bytes32\"}],\"name\":\"MatchingRootSet\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"previousOwner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"OwnershipTransferred\",\"type\":\"event\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"projectId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"recipient\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"matchingAmount\",\"type\":\"uint256\"},{\"internalType\":\"bytes32[]\",\"name\":\"proof\",\"type\":\"bytes32[]\"}],\"name\":\"claimMatching\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"projectId\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"donate\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"donationToken\",\"outputs\":[{\"internalType\":\"contractIERC20\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"name\":\"donations\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"name\":\"matchingClaimed\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"matchingMerkleRoot\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"matchingPool\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"owner\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"name\":\"projectDonors\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"name\":\"projectTotalDonations\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"renounceOwnership\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"roundEnd\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"roundStart\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"_root\",\"type\":\"bytes32\"}],\"name\":\"setMatchingRoot\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"transferOwnership\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "QFRound",
	Bin: "0x610100604052348015610010575f5ffd5b50604051610d00380380610d0083398101604081905261002f916100cc565b338061005457604051631e4fbdf760e01b81525f600482015260240160405180910390fd5b61005d8161007d565b506001600160a01b0390931660805260a09190915260c05260e052610113565b5f80546001600160a01b038381166001600160a01b0319831681178455604051919092169283917f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e09190a35050565b5f5f5f5f608085870312156100df575f5ffd5b84516001600160a01b03811681146100f5575f5ffd5b60208601516040870151606090970151919890975090945092505050565b60805160a05160c05160e051610b976101695f395f818161023a01528181610323015261051a01525f818161019b01526102ba01525f61021301525f818161010e0152818161046601526107790152610b975ff3fe608060405234801561000f575f5ffd5b50600436106100f0575f3560e01c80638da5cb5b11610093578063c02e580e11610063578063c02e580e14610235578063ee1554a31461025c578063f2fde38b14610286578063f3cda7c814610299575f5ffd5b80638da5cb5b146101d8578063a54ef14a146101e8578063a692d982146101fb578063aacef18b1461020e575f5ffd5b80631949536c116100ce5780631949536c146101645780634036585214610196578063485ff82a146101bd578063715018a6146101d0575f5ffd5b80630cdd53f6146100f45780630df7215914610109578063121cba341461014d575b5f5ffd5b610107610102366004610a31565b6102b8565b005b6101307f000000000000000000000000000000000000000000000000000000000000000081565b6040516001600160a01b0390911681526020015b60405180910390f35b61015660045481565b604051908152602001610144565b610186610172366004610a51565b60056020525f908152604090205460ff1681565b6040519015158152602001610144565b6101567f000000000000000000000000000000000000000000000000000000000000000081565b6101306101cb366004610a31565b6104c9565b6101076104fd565b5f546001600160a01b0316610130565b6101076101f6366004610a51565b610510565b610107610209366004610a83565b6105ed565b6101567f000000000000000000000000000000000000000000000000000000000000000081565b6101567f000000000000000000000000000000000000000000000000000000000000000081565b61015661026a366004610b14565b600160209081525f928352604080842090915290825290205481565b610107610294366004610b3e565b6107e2565b6101566102a7366004610a51565b60026020525f908152604090205481565b7f00000000000000000000000000000000000000000000000000000000000000004210156103215760405162461bcd60e51b8152602060048201526011602482015270149bdd5b99081b9bdd081cdd185c9d1959607a1b60448201526064015b60405180910390fd5b7f000000000000000000000000000000000000000000000000000000000000000042111561037f5760405162461bcd60e51b815260206004820152600b60248201526a149bdd5b9908195b99195960aa1b6044820152606401610318565b5f81116103bc5760405162461bcd60e51b815260206004820152600b60248201526a16995c9bc8185b5bdd5b9d60aa1b6044820152606401610318565b5f8281526001602090815260408083203384529091528120549003610409575f8281526003602090815260408220805460018101825590835291200180546001600160a01b031916331790555b5f82815260016020908152604080832033845290915281208054839290610431908490610b57565b90915550505f8281526002602052604081208054839290610453908490610b57565b9091555061048e90506001600160a01b037f00000000000000000000000000000000000000000000000000000000000000001633308461081f565b604051818152339083907fe555da28bdb778f65d22794d88927ebaeca03f7de9d1b7d39245bc8fb5ca078a9060200160405180910390a35050565b6003602052815f5260405f2081815481106104e2575f80fd5b5f918252602090912001546001600160a01b03169150829050565b61050561088c565b61050e5f6108b8565b565b61051861088c565b7f000000000000000000000000000000000000000000000000000000000000000042116105795760405162461bcd60e51b815260206004820152600f60248201526e149bdd5b99081b9bdd08195b991959608a1b6044820152606401610318565b806105b25760405162461bcd60e51b815260206004820152600960248201526816995c9bc81c9bdbdd60ba1b6044820152606401610318565b60048190556040518181527f474309cfb08ddf58898260f2d0c362d360260ea10af893a2f38fde3ea9faae119060200160405180910390a150565b5f8581526005602052604090205460ff161561063d5760405162461bcd60e51b815260206004820152600f60248201526e105b1c9958591e4818db185a5b5959608a1b6044820152606401610318565b60045461067b5760405162461bcd60e51b815260206004820152600c60248201526b149bdbdd081b9bdd081cd95d60a21b6044820152606401610318565b60408051602081018790526001600160a01b03861691810191909152606081018490525f9060800160408051601f19818403018152828252805160209182012090830152016040516020818303038152906040528051906020012090506107188383808060200260200160405190810160405280939291908181526020018383602002808284375f92019190915250506004549150849050610907565b6107545760405162461bcd60e51b815260206004820152600d60248201526c24b73b30b634b210383937b7b360991b6044820152606401610318565b5f868152600560205260409020805460ff191660011790556107a06001600160a01b037f000000000000000000000000000000000000000000000000000000000000000016868661091c565b857f4b30f14da257e8f9372b727d54b681b51ac782634be7128aeb9a298816b37bab856040516107d291815260200190565b60405180910390a2505050505050565b6107ea61088c565b6001600160a01b03811661081357604051631e4fbdf760e01b81525f6004820152602401610318565b61081c816108b8565b50565b6040516001600160a01b0384811660248301528381166044830152606482018390526108869186918216906323b872dd906084015b604051602081830303815290604052915060e01b6020820180516001600160e01b038381831617835250505050610952565b50505050565b5f546001600160a01b0316331461050e5760405163118cdaa760e01b8152336004820152602401610318565b5f80546001600160a01b038381166001600160a01b0319831681178455604051919092169283917f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e09190a35050565b5f8261091385846109be565b14949350505050565b6040516001600160a01b0383811660248301526044820183905261094d91859182169063a9059cbb90606401610854565b505050565b5f5f60205f8451602086015f885af180610971576040513d5f823e3d81fd5b50505f513d91508115610988578060011415610995565b6001600160a01b0384163b155b1561088657604051635274afe760e01b81526001600160a01b0385166004820152602401610318565b5f81815b84518110156109f8576109ee828683815181106109e1576109e1610b76565b6020026020010151610a02565b91506001016109c2565b5090505b92915050565b5f818310610a1c575f828152602084905260409020610a2a565b5f8381526020839052604090205b9392505050565b5f5f60408385031215610a42575f5ffd5b50508035926020909101359150565b5f60208284031215610a61575f5ffd5b5035919050565b80356001600160a01b0381168114610a7e575f5ffd5b919050565b5f5f5f5f5f60808688031215610a97575f5ffd5b85359450610aa760208701610a68565b935060408601359250606086013567ffffffffffffffff811115610ac9575f5ffd5b8601601f81018813610ad9575f5ffd5b803567ffffffffffffffff811115610aef575f5ffd5b8860208260051b8401011115610b03575f5ffd5b959894975092955050506020019190565b5f5f60408385031215610b25575f5ffd5b82359150610b3560208401610a68565b90509250929050565b5f60208284031215610b4e575f5ffd5b610a2a82610a68565b808201808211156109fc57634e487b7160e01b5f52601160045260245ffd5b634e487b7160e01b5f52603260045260245ffdfea164736f6c634300081c000a",
}

// QFRound is an auto generated Go binding around an Ethereum contract.
type QFRound struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *QFRound) GetABI() abi.ABI {
	return c.abi
}

// NewQFRound creates a new instance of QFRound.
func NewQFRound() *QFRound {
	parsed, err := QFRoundMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &QFRound{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *QFRound) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(address _token, uint256 _matchingPool, uint256 _start, uint256 _end) returns()
func (qFRound *QFRound) PackConstructor(_token common.Address, _matchingPool *big.Int, _start *big.Int, _end *big.Int) []byte {
	enc, err := qFRound.abi.Pack("", _token, _matchingPool, _start, _end)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackClaimMatching is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa692d982.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function claimMatching(uint256 projectId, address recipient, uint256 matchingAmount, bytes32[] proof) returns()
func (qFRound *QFRound) PackClaimMatching(projectId *big.Int, recipient common.Address, matchingAmount *big.Int, proof [][32]byte) []byte {
	enc, err := qFRound.abi.Pack("claimMatching", projectId, recipient, matchingAmount, proof)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackClaimMatching is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa692d982.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function claimMatching(uint256 projectId, address recipient, uint256 matchingAmount, bytes32[] proof) returns()
func (qFRound *QFRound) TryPackClaimMatching(projectId *big.Int, recipient common.Address, matchingAmount *big.Int, proof [][32]byte) ([]byte, error) {
	return qFRound.abi.Pack("claimMatching", projectId, recipient, matchingAmount, proof)
}

// PackDonate is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0cdd53f6.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function donate(uint256 projectId, uint256 amount) returns()
func (qFRound *QFRound) PackDonate(projectId *big.Int, amount *big.Int) []byte {
	enc, err := qFRound.abi.Pack("donate", projectId, amount)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDonate is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0cdd53f6.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function donate(uint256 projectId, uint256 amount) returns()
func (qFRound *QFRound) TryPackDonate(projectId *big.Int, amount *big.Int) ([]byte, error) {
	return qFRound.abi.Pack("donate", projectId, amount)
}

// PackDonationToken is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0df72159.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function donationToken() view returns(address)
func (qFRound *QFRound) PackDonationToken() []byte {
	enc, err := qFRound.abi.Pack("donationToken")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDonationToken is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0df72159.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function donationToken() view returns(address)
func (qFRound *QFRound) TryPackDonationToken() ([]byte, error) {
	return qFRound.abi.Pack("donationToken")
}

// UnpackDonationToken is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x0df72159.
//
// Solidity: function donationToken() view returns(address)
func (qFRound *QFRound) UnpackDonationToken(data []byte) (common.Address, error) {
	out, err := qFRound.abi.Unpack("donationToken", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackDonations is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xee1554a3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function donations(uint256 , address ) view returns(uint256)
func (qFRound *QFRound) PackDonations(arg0 *big.Int, arg1 common.Address) []byte {
	enc, err := qFRound.abi.Pack("donations", arg0, arg1)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDonations is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xee1554a3.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function donations(uint256 , address ) view returns(uint256)
func (qFRound *QFRound) TryPackDonations(arg0 *big.Int, arg1 common.Address) ([]byte, error) {
	return qFRound.abi.Pack("donations", arg0, arg1)
}

// UnpackDonations is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xee1554a3.
//
// Solidity: function donations(uint256 , address ) view returns(uint256)
func (qFRound *QFRound) UnpackDonations(data []byte) (*big.Int, error) {
	out, err := qFRound.abi.Unpack("donations", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackMatchingClaimed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1949536c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function matchingClaimed(uint256 ) view returns(bool)
func (qFRound *QFRound) PackMatchingClaimed(arg0 *big.Int) []byte {
	enc, err := qFRound.abi.Pack("matchingClaimed", arg0)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMatchingClaimed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1949536c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function matchingClaimed(uint256 ) view returns(bool)
func (qFRound *QFRound) TryPackMatchingClaimed(arg0 *big.Int) ([]byte, error) {
	return qFRound.abi.Pack("matchingClaimed", arg0)
}

// UnpackMatchingClaimed is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x1949536c.
//
// Solidity: function matchingClaimed(uint256 ) view returns(bool)
func (qFRound *QFRound) UnpackMatchingClaimed(data []byte) (bool, error) {
	out, err := qFRound.abi.Unpack("matchingClaimed", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackMatchingMerkleRoot is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x121cba34.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function matchingMerkleRoot() view returns(bytes32)
func (qFRound *QFRound) PackMatchingMerkleRoot() []byte {
	enc, err := qFRound.abi.Pack("matchingMerkleRoot")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMatchingMerkleRoot is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x121cba34.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function matchingMerkleRoot() view returns(bytes32)
func (qFRound *QFRound) TryPackMatchingMerkleRoot() ([]byte, error) {
	return qFRound.abi.Pack("matchingMerkleRoot")
}

// UnpackMatchingMerkleRoot is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x121cba34.
//
// Solidity: function matchingMerkleRoot() view returns(bytes32)
func (qFRound *QFRound) UnpackMatchingMerkleRoot(data []byte) ([32]byte, error) {
	out, err := qFRound.abi.Unpack("matchingMerkleRoot", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackMatchingPool is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xaacef18b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function matchingPool() view returns(uint256)
func (qFRound *QFRound) PackMatchingPool() []byte {
	enc, err := qFRound.abi.Pack("matchingPool")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMatchingPool is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xaacef18b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function matchingPool() view returns(uint256)
func (qFRound *QFRound) TryPackMatchingPool() ([]byte, error) {
	return qFRound.abi.Pack("matchingPool")
}

// UnpackMatchingPool is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xaacef18b.
//
// Solidity: function matchingPool() view returns(uint256)
func (qFRound *QFRound) UnpackMatchingPool(data []byte) (*big.Int, error) {
	out, err := qFRound.abi.Unpack("matchingPool", data)
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
func (qFRound *QFRound) PackOwner() []byte {
	enc, err := qFRound.abi.Pack("owner")
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
func (qFRound *QFRound) TryPackOwner() ([]byte, error) {
	return qFRound.abi.Pack("owner")
}

// UnpackOwner is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8da5cb5b.
//
// Solidity: function owner() view returns(address)
func (qFRound *QFRound) UnpackOwner(data []byte) (common.Address, error) {
	out, err := qFRound.abi.Unpack("owner", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackProjectDonors is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x485ff82a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function projectDonors(uint256 , uint256 ) view returns(address)
func (qFRound *QFRound) PackProjectDonors(arg0 *big.Int, arg1 *big.Int) []byte {
	enc, err := qFRound.abi.Pack("projectDonors", arg0, arg1)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackProjectDonors is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x485ff82a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function projectDonors(uint256 , uint256 ) view returns(address)
func (qFRound *QFRound) TryPackProjectDonors(arg0 *big.Int, arg1 *big.Int) ([]byte, error) {
	return qFRound.abi.Pack("projectDonors", arg0, arg1)
}

// UnpackProjectDonors is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x485ff82a.
//
// Solidity: function projectDonors(uint256 , uint256 ) view returns(address)
func (qFRound *QFRound) UnpackProjectDonors(data []byte) (common.Address, error) {
	out, err := qFRound.abi.Unpack("projectDonors", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackProjectTotalDonations is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf3cda7c8.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function projectTotalDonations(uint256 ) view returns(uint256)
func (qFRound *QFRound) PackProjectTotalDonations(arg0 *big.Int) []byte {
	enc, err := qFRound.abi.Pack("projectTotalDonations", arg0)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackProjectTotalDonations is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf3cda7c8.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function projectTotalDonations(uint256 ) view returns(uint256)
func (qFRound *QFRound) TryPackProjectTotalDonations(arg0 *big.Int) ([]byte, error) {
	return qFRound.abi.Pack("projectTotalDonations", arg0)
}

// UnpackProjectTotalDonations is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xf3cda7c8.
//
// Solidity: function projectTotalDonations(uint256 ) view returns(uint256)
func (qFRound *QFRound) UnpackProjectTotalDonations(data []byte) (*big.Int, error) {
	out, err := qFRound.abi.Unpack("projectTotalDonations", data)
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
func (qFRound *QFRound) PackRenounceOwnership() []byte {
	enc, err := qFRound.abi.Pack("renounceOwnership")
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
func (qFRound *QFRound) TryPackRenounceOwnership() ([]byte, error) {
	return qFRound.abi.Pack("renounceOwnership")
}

// PackRoundEnd is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc02e580e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function roundEnd() view returns(uint256)
func (qFRound *QFRound) PackRoundEnd() []byte {
	enc, err := qFRound.abi.Pack("roundEnd")
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
func (qFRound *QFRound) TryPackRoundEnd() ([]byte, error) {
	return qFRound.abi.Pack("roundEnd")
}

// UnpackRoundEnd is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xc02e580e.
//
// Solidity: function roundEnd() view returns(uint256)
func (qFRound *QFRound) UnpackRoundEnd(data []byte) (*big.Int, error) {
	out, err := qFRound.abi.Unpack("roundEnd", data)
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
func (qFRound *QFRound) PackRoundStart() []byte {
	enc, err := qFRound.abi.Pack("roundStart")
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
func (qFRound *QFRound) TryPackRoundStart() ([]byte, error) {
	return qFRound.abi.Pack("roundStart")
}

// UnpackRoundStart is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x40365852.
//
// Solidity: function roundStart() view returns(uint256)
func (qFRound *QFRound) UnpackRoundStart(data []byte) (*big.Int, error) {
	out, err := qFRound.abi.Unpack("roundStart", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackSetMatchingRoot is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa54ef14a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setMatchingRoot(bytes32 _root) returns()
func (qFRound *QFRound) PackSetMatchingRoot(root [32]byte) []byte {
	enc, err := qFRound.abi.Pack("setMatchingRoot", root)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetMatchingRoot is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa54ef14a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setMatchingRoot(bytes32 _root) returns()
func (qFRound *QFRound) TryPackSetMatchingRoot(root [32]byte) ([]byte, error) {
	return qFRound.abi.Pack("setMatchingRoot", root)
}

// PackTransferOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf2fde38b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function transferOwnership(address newOwner) returns()
func (qFRound *QFRound) PackTransferOwnership(newOwner common.Address) []byte {
	enc, err := qFRound.abi.Pack("transferOwnership", newOwner)
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
func (qFRound *QFRound) TryPackTransferOwnership(newOwner common.Address) ([]byte, error) {
	return qFRound.abi.Pack("transferOwnership", newOwner)
}

// QFRoundDonationMade represents a DonationMade event raised by the QFRound contract.
type QFRoundDonationMade struct {
	ProjectId *big.Int
	Donor     common.Address
	Amount    *big.Int
	Raw       *types.Log // Blockchain specific contextual infos
}

const QFRoundDonationMadeEventName = "DonationMade"

// ContractEventName returns the user-defined event name.
func (QFRoundDonationMade) ContractEventName() string {
	return QFRoundDonationMadeEventName
}

// UnpackDonationMadeEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event DonationMade(uint256 indexed projectId, address indexed donor, uint256 amount)
func (qFRound *QFRound) UnpackDonationMadeEvent(log *types.Log) (*QFRoundDonationMade, error) {
	event := "DonationMade"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != qFRound.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(QFRoundDonationMade)
	if len(log.Data) > 0 {
		if err := qFRound.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range qFRound.abi.Events[event].Inputs {
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

// QFRoundMatchingDistributed represents a MatchingDistributed event raised by the QFRound contract.
type QFRoundMatchingDistributed struct {
	ProjectId *big.Int
	Amount    *big.Int
	Raw       *types.Log // Blockchain specific contextual infos
}

const QFRoundMatchingDistributedEventName = "MatchingDistributed"

// ContractEventName returns the user-defined event name.
func (QFRoundMatchingDistributed) ContractEventName() string {
	return QFRoundMatchingDistributedEventName
}

// UnpackMatchingDistributedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event MatchingDistributed(uint256 indexed projectId, uint256 amount)
func (qFRound *QFRound) UnpackMatchingDistributedEvent(log *types.Log) (*QFRoundMatchingDistributed, error) {
	event := "MatchingDistributed"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != qFRound.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(QFRoundMatchingDistributed)
	if len(log.Data) > 0 {
		if err := qFRound.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range qFRound.abi.Events[event].Inputs {
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

// QFRoundMatchingRootSet represents a MatchingRootSet event raised by the QFRound contract.
type QFRoundMatchingRootSet struct {
	Root [32]byte
	Raw  *types.Log // Blockchain specific contextual infos
}

const QFRoundMatchingRootSetEventName = "MatchingRootSet"

// ContractEventName returns the user-defined event name.
func (QFRoundMatchingRootSet) ContractEventName() string {
	return QFRoundMatchingRootSetEventName
}

// UnpackMatchingRootSetEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event MatchingRootSet(bytes32 root)
func (qFRound *QFRound) UnpackMatchingRootSetEvent(log *types.Log) (*QFRoundMatchingRootSet, error) {
	event := "MatchingRootSet"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != qFRound.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(QFRoundMatchingRootSet)
	if len(log.Data) > 0 {
		if err := qFRound.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range qFRound.abi.Events[event].Inputs {
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

// QFRoundOwnershipTransferred represents a OwnershipTransferred event raised by the QFRound contract.
type QFRoundOwnershipTransferred struct {
	PreviousOwner common.Address
	NewOwner      common.Address
	Raw           *types.Log // Blockchain specific contextual infos
}

const QFRoundOwnershipTransferredEventName = "OwnershipTransferred"

// ContractEventName returns the user-defined event name.
func (QFRoundOwnershipTransferred) ContractEventName() string {
	return QFRoundOwnershipTransferredEventName
}

// UnpackOwnershipTransferredEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event OwnershipTransferred(address indexed previousOwner, address indexed newOwner)
func (qFRound *QFRound) UnpackOwnershipTransferredEvent(log *types.Log) (*QFRoundOwnershipTransferred, error) {
	event := "OwnershipTransferred"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != qFRound.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(QFRoundOwnershipTransferred)
	if len(log.Data) > 0 {
		if err := qFRound.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range qFRound.abi.Events[event].Inputs {
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
func (qFRound *QFRound) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], qFRound.abi.Errors["OwnableInvalidOwner"].ID.Bytes()[:4]) {
		return qFRound.UnpackOwnableInvalidOwnerError(raw[4:])
	}
	if bytes.Equal(raw[:4], qFRound.abi.Errors["OwnableUnauthorizedAccount"].ID.Bytes()[:4]) {
		return qFRound.UnpackOwnableUnauthorizedAccountError(raw[4:])
	}
	if bytes.Equal(raw[:4], qFRound.abi.Errors["SafeERC20FailedOperation"].ID.Bytes()[:4]) {
		return qFRound.UnpackSafeERC20FailedOperationError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// QFRoundOwnableInvalidOwner represents a OwnableInvalidOwner error raised by the QFRound contract.
type QFRoundOwnableInvalidOwner struct {
	Owner common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error OwnableInvalidOwner(address owner)
func QFRoundOwnableInvalidOwnerErrorID() common.Hash {
	return common.HexToHash("0x1e4fbdf7f3ef8bcaa855599e3abf48b232380f183f08f6f813d9ffa5bd585188")
}

// UnpackOwnableInvalidOwnerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error OwnableInvalidOwner(address owner)
func (qFRound *QFRound) UnpackOwnableInvalidOwnerError(raw []byte) (*QFRoundOwnableInvalidOwner, error) {
	out := new(QFRoundOwnableInvalidOwner)
	if err := qFRound.abi.UnpackIntoInterface(out, "OwnableInvalidOwner", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// QFRoundOwnableUnauthorizedAccount represents a OwnableUnauthorizedAccount error raised by the QFRound contract.
type QFRoundOwnableUnauthorizedAccount struct {
	Account common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error OwnableUnauthorizedAccount(address account)
func QFRoundOwnableUnauthorizedAccountErrorID() common.Hash {
	return common.HexToHash("0x118cdaa7a341953d1887a2245fd6665d741c67c8c50581daa59e1d03373fa188")
}

// UnpackOwnableUnauthorizedAccountError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error OwnableUnauthorizedAccount(address account)
func (qFRound *QFRound) UnpackOwnableUnauthorizedAccountError(raw []byte) (*QFRoundOwnableUnauthorizedAccount, error) {
	out := new(QFRoundOwnableUnauthorizedAccount)
	if err := qFRound.abi.UnpackIntoInterface(out, "OwnableUnauthorizedAccount", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// QFRoundSafeERC20FailedOperation represents a SafeERC20FailedOperation error raised by the QFRound contract.
type QFRoundSafeERC20FailedOperation struct {
	Token common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error SafeERC20FailedOperation(address token)
func QFRoundSafeERC20FailedOperationErrorID() common.Hash {
	return common.HexToHash("0x5274afe73c98b4749fc91ffae6b7b574e7842cb2144a159e9377a5f20b32edf9")
}

// UnpackSafeERC20FailedOperationError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error SafeERC20FailedOperation(address token)
func (qFRound *QFRound) UnpackSafeERC20FailedOperationError(raw []byte) (*QFRoundSafeERC20FailedOperation, error) {
	out := new(QFRoundSafeERC20FailedOperation)
	if err := qFRound.abi.UnpackIntoInterface(out, "SafeERC20FailedOperation", raw); err != nil {
		return nil, err
	}
	return out, nil
}
