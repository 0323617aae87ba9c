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
	ABI: "[{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_token\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"_matchingPool\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"_start\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"_end\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"_challengeWindow\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"_claimDeadline\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"_sweepTo\",\"type\":\"address\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"projectId\",\"type\":\"uint256\"}],\"name\":\"AlreadyClaimed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"finalAt\",\"type\":\"uint256\"}],\"name\":\"ChallengeWindowOpen\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"claimDeadline\",\"type\":\"uint256\"}],\"name\":\"ClaimDeadlineNotPassed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"claimDeadline\",\"type\":\"uint256\"}],\"name\":\"ClaimsClosed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"projectId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"recipient\",\"type\":\"address\"}],\"name\":\"GapAlreadyRegistered\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidProof\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"what\",\"type\":\"string\"}],\"name\":\"InvalidSettings\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"projectId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"recipient\",\"type\":\"address\"}],\"name\":\"NotGapRecipient\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"claimed\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"matchingPool\",\"type\":\"uint256\"}],\"name\":\"OverPool\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"OwnableInvalidOwner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"OwnableUnauthorizedAccount\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"balance\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"matchingPool\",\"type\":\"uint256\"}],\"name\":\"PoolNotFunded\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ReentrancyGuardReentrantCall\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"root\",\"type\":\"bytes32\"}],\"name\":\"RootFinal\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"RootNotSet\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"RoundEnded\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"RoundNotEnded\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"RoundNotStarted\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"token\",\"type\":\"address\"}],\"name\":\"SafeERC20FailedOperation\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"finalAt\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"claimDeadline\",\"type\":\"uint256\"}],\"name\":\"TooLateForWindow\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"asked\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"received\",\"type\":\"uint256\"}],\"name\":\"TransferMismatch\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"projectId\",\"type\":\"uint256\"}],\"name\":\"UnknownGap\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroAmount\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroRecipient\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroRoot\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"projectId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"donor\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"recipient\",\"type\":\"address\"}],\"name\":\"DonationMade\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"projectId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"recipient\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"recipientId\",\"type\":\"address\"}],\"name\":\"GapRegistered\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"projectId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"recipient\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"MatchingDistributed\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"oldRoot\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"newRoot\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"finalAt\",\"type\":\"uint256\"}],\"name\":\"MatchingRootSet\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"previousOwner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"OwnershipTransferred\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"Swept\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"challengeWindow\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"claimDeadline\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"projectId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"recipient\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"matchingAmount\",\"type\":\"uint256\"},{\"internalType\":\"bytes32[]\",\"name\":\"proof\",\"type\":\"bytes32[]\"}],\"name\":\"claimMatching\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"claimedTotal\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"deployBlock\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"projectId\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"donate\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"donationToken\",\"outputs\":[{\"internalType\":\"contractIERC20\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"name\":\"matchingClaimed\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"matchingMerkleRoot\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"matchingPool\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"owner\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"name\":\"recipientIdOf\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"name\":\"recipientOf\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"projectId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"recipient\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"recipientId\",\"type\":\"address\"}],\"name\":\"registerGap\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"renounceOwnership\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"rootFinalAt\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"roundEnd\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"roundStart\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"_root\",\"type\":\"bytes32\"}],\"name\":\"setMatchingRoot\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"sweep\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"sweepTo\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"transferOwnership\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "QFRound",
	Bin: "0x610180604052348015610010575f5ffd5b5060405161188e38038061188e83398101604081905261002f9161031c565b338061005557604051631e4fbdf760e01b81525f60048201526024015b60405180910390fd5b61005e816102b2565b506001600160a01b0387166100b657604051634a6815f560e11b815260206004820152601960248201527f746f6b656e20697320746865207a65726f206164647265737300000000000000604482015260640161004c565b855f036100fa57604051634a6815f560e11b815260206004820152601160248201527006d61746368696e67506f6f6c206973203607c1b604482015260640161004c565b83851061014a57604051634a6815f560e11b815260206004820152601760248201527f7374617274206973206e6f74206265666f726520656e64000000000000000000604482015260640161004c565b825f0361019a57604051634a6815f560e11b815260206004820152601460248201527f6368616c6c656e676557696e646f772069732030000000000000000000000000604482015260640161004c565b6101a5836002610391565b6101af90856103ae565b821161022457604051634a6815f560e11b815260206004820152603460248201527f636c61696d446561646c696e65206973206e6f7420616674657220656e64202b60448201527f2032202a206368616c6c656e676557696e646f77000000000000000000000000606482015260840161004c565b6001600160a01b03811661027b57604051634a6815f560e11b815260206004820152601b60248201527f7377656570546f20697320746865207a65726f20616464726573730000000000604482015260640161004c565b6001600160a01b0396871660805260a09590955260c09390935260e0919091526101005261012052166101405243610160526103c1565b5f80546001600160a01b038381166001600160a01b0319831681178455604051919092169283917f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e09190a35050565b80516001600160a01b0381168114610317575f5ffd5b919050565b5f5f5f5f5f5f5f60e0888a031215610332575f5ffd5b61033b88610301565b602089015160408a015160608b015160808c015160a08d0151949b5092995090975095509350915061036f60c08901610301565b905092959891949750929550565b634e487b7160e01b5f52601160045260245ffd5b80820281158282048414176103a8576103a861037d565b92915050565b808201808211156103a8576103a861037d565b60805160a05160c05160e051610100516101205161014051610160516113c36104cb5f395f6102e801525f818161028a015281816107a501526107cc01525f81816101f00152818161068c015281816106c001528181610a8101528181610ae601528181610ca70152610cdc01525f81816102b101528181610a580152610aa501525f818161035c0152818161040d0152818161085301526109c101525f818161021701526103cc01525f818161033501528181610b9e01528181610bd901528181610e200152610e5c01525f818161015b015281816104ca015281816105440152818161058f015281816107030152818161078301528181610b290152610eb201526113c35ff3fe608060405234801561000f575f5ffd5b506004361061013d575f3560e01c80637ea219a5116100b4578063a692d98211610079578063a692d9821461031d578063aacef18b14610330578063c02e580e14610357578063c6fc65c31461037e578063f14cf04514610387578063f2fde38b146103af575f5ffd5b80637ea219a514610285578063861a1412146102ac5780638da5cb5b146102d3578063a3ec191a146102e3578063a54ef14a1461030a575f5ffd5b80633ba86c44116101055780633ba86c44146101eb57806340365852146102125780634555abf8146102395780635098436a14610261578063715018a61461026a5780637160c6ea14610272575f5ffd5b80630cdd53f6146101415780630df7215914610156578063121cba341461019a5780631949536c146101b157806335faa416146101e3575b5f5ffd5b61015461014f36600461121c565b6103c2565b005b61017d7f000000000000000000000000000000000000000000000000000000000000000081565b6040516001600160a01b0390911681526020015b60405180910390f35b6101a360035481565b604051908152602001610191565b6101d36101bf36600461123c565b60066020525f908152604090205460ff1681565b6040519015158152602001610191565b610154610682565b6101a37f000000000000000000000000000000000000000000000000000000000000000081565b6101a37f000000000000000000000000000000000000000000000000000000000000000081565b61017d61024736600461123c565b60026020525f90815260409020546001600160a01b031681565b6101a360045481565b610154610838565b61015461028036600461126e565b610849565b61017d7f000000000000000000000000000000000000000000000000000000000000000081565b6101a37f000000000000000000000000000000000000000000000000000000000000000081565b5f546001600160a01b031661017d565b6101a37f000000000000000000000000000000000000000000000000000000000000000081565b61015461031836600461123c565b6109b7565b61015461032b3660046112a7565b610c56565b6101a37f000000000000000000000000000000000000000000000000000000000000000081565b6101a37f000000000000000000000000000000000000000000000000000000000000000081565b6101a360055481565b61017d61039536600461123c565b60016020525f90815260409020546001600160a01b031681565b6101546103bd366004611338565b610f2e565b6103ca610f6b565b7f000000000000000000000000000000000000000000000000000000000000000042101561040b576040516323a71b8760e21b815260040160405180910390fd5b7f000000000000000000000000000000000000000000000000000000000000000042111561044c57604051636b5fd31b60e01b815260040160405180910390fd5b805f0361046c57604051631f2a200560e01b815260040160405180910390fd5b5f828152600160205260409020546001600160a01b0316806104a95760405163220a67db60e01b8152600481018490526024015b60405180910390fd5b6040516370a0823160e01b81526001600160a01b0382811660048301525f917f0000000000000000000000000000000000000000000000000000000000000000909116906370a0823190602401602060405180830381865afa158015610511573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906105359190611351565b905061056c6001600160a01b037f000000000000000000000000000000000000000000000000000000000000000016338486610fd8565b6040516370a0823160e01b81526001600160a01b0383811660048301525f9183917f000000000000000000000000000000000000000000000000000000000000000016906370a0823190602401602060405180830381865afa1580156105d4573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906105f89190611351565b610602919061137c565b905083811461062e57604051630ad48e5960e41b815260048101859052602481018290526044016104a0565b604080518281526001600160a01b0385166020820152339187917fc95c9d0fb7e93c5ee7f2535e904544ffe98947c0ac6bb07cdc32b646e8884118910160405180910390a350505061067e611045565b5050565b61068a610f6b565b7f000000000000000000000000000000000000000000000000000000000000000042116106ec57604051633c13687160e21b81527f000000000000000000000000000000000000000000000000000000000000000060048201526024016104a0565b6040516370a0823160e01b81523060048201525f907f00000000000000000000000000000000000000000000000000000000000000006001600160a01b0316906370a0823190602401602060405180830381865afa158015610750573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906107749190611351565b90506107ca6001600160a01b037f0000000000000000000000000000000000000000000000000000000000000000167f00000000000000000000000000000000000000000000000000000000000000008361106f565b7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03167fc36b5179cb9c303b200074996eab2b3473eac370fdd7eba3bec636fe351096968260405161082591815260200190565b60405180910390a250610836611045565b565b6108406110a5565b6108365f6110d1565b6108516110a5565b7f000000000000000000000000000000000000000000000000000000000000000042111561089257604051636b5fd31b60e01b815260040160405180910390fd5b6001600160a01b03821615806108b057506001600160a01b03821630145b156108ce5760405163d27b444360e01b815260040160405180910390fd5b5f838152600160205260409020546001600160a01b031680156109165760405163112aa1fd60e11b8152600481018590526001600160a01b03821660248201526044016104a0565b5f84815260016020526040902080546001600160a01b0319166001600160a01b038581169190911790915582161561096f575f84815260026020526040902080546001600160a01b0319166001600160a01b0384161790555b6040516001600160a01b03838116825284169085907f6a82c7a85b405806f3fbfb6b753f0270f71dea1797c930ac24ff04b59b9cbfe29060200160405180910390a350505050565b6109bf6110a5565b7f000000000000000000000000000000000000000000000000000000000000000042116109ff57604051636218b96960e11b815260040160405180910390fd5b80610a1d5760405163b263ae7360e01b815260040160405180910390fd5b6003548015801590610a3157506004544210155b15610a5257604051631762d5f960e01b8152600481018290526024016104a0565b5f610a7d7f00000000000000000000000000000000000000000000000000000000000000004261138f565b90507f0000000000000000000000000000000000000000000000000000000000000000610aca7f00000000000000000000000000000000000000000000000000000000000000008361138f565b1115610b1257604051631953fea560e31b8152600481018290527f000000000000000000000000000000000000000000000000000000000000000060248201526044016104a0565b6040516370a0823160e01b81523060048201525f907f00000000000000000000000000000000000000000000000000000000000000006001600160a01b0316906370a0823190602401602060405180830381865afa158015610b76573d5f5f3e3d5ffd5b505050506040513d601f19601f82011682018060405250810190610b9a9190611351565b90507f0000000000000000000000000000000000000000000000000000000000000000811015610c0557604051629e83f560e01b8152600481018290527f000000000000000000000000000000000000000000000000000000000000000060248201526044016104a0565b6003849055600482905560408051848152602081018690529081018390527f3f2585bc3fbdfe23c5ca9235a9a21f9114d1990ed0577b0360d6db4c730ced2a9060600160405180910390a150505050565b610c5e610f6b565b600354610c7e57604051631c8b625960e01b815260040160405180910390fd5b600454421015610ca5576004805460405163891b786160e01b8152918201526024016104a0565b7f0000000000000000000000000000000000000000000000000000000000000000421115610d085760405163c9240fd560e01b81527f000000000000000000000000000000000000000000000000000000000000000060048201526024016104a0565b5f8581526006602052604090205460ff1615610d3a5760405163598b3dfd60e11b8152600481018690526024016104a0565b5f858152600160205260409020546001600160a01b03858116911614610d85576040516301ed0ed560e11b8152600481018690526001600160a01b03851660248201526044016104a0565b60408051602081018790526001600160a01b03861691810191909152606081018490525f9060800160408051601f1981840301815282825280516020918201209083015201604051602081830303815290604052805190602001209050610df0838360035484611120565b610e0d576040516309bde33960e01b815260040160405180910390fd5b5f84600554610e1c919061138f565b90507f0000000000000000000000000000000000000000000000000000000000000000811115610e885760405163375ed5d560e01b8152600481018290527f000000000000000000000000000000000000000000000000000000000000000060248201526044016104a0565b5f878152600660205260409020805460ff191660011790556005819055610ed96001600160a01b037f000000000000000000000000000000000000000000000000000000000000000016878761106f565b856001600160a01b0316877f504e9ca4ba3414d40886146f9ba24644ee792eae315df43fc0271f2f66d18f2e87604051610f1591815260200190565b60405180910390a35050610f27611045565b5050505050565b610f366110a5565b6001600160a01b038116610f5f57604051631e4fbdf760e01b81525f60048201526024016104a0565b610f68816110d1565b50565b7f9b779b17422d0df92223018b32b4d1fa46e071723d6817e2486d003becc55f005c15610fab57604051633ee5aeb560e01b815260040160405180910390fd5b61083660017f9b779b17422d0df92223018b32b4d1fa46e071723d6817e2486d003becc55f005b90611137565b6040516001600160a01b03848116602483015283811660448301526064820183905261103f9186918216906323b872dd906084015b604051602081830303815290604052915060e01b6020820180516001600160e01b03838183161783525050505061113e565b50505050565b6108365f7f9b779b17422d0df92223018b32b4d1fa46e071723d6817e2486d003becc55f00610fd2565b6040516001600160a01b038381166024830152604482018390526110a091859182169063a9059cbb9060640161100d565b505050565b5f546001600160a01b031633146108365760405163118cdaa760e01b81523360048201526024016104a0565b5f80546001600160a01b038381166001600160a01b0319831681178455604051919092169283917f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e09190a35050565b5f8261112d8686856111aa565b1495945050505050565b80825d5050565b5f5f60205f8451602086015f885af18061115d576040513d5f823e3d81fd5b50505f513d91508115611174578060011415611181565b6001600160a01b0384163b155b1561103f57604051635274afe760e01b81526001600160a01b03851660048201526024016104a0565b5f81815b848110156111e2576111d8828787848181106111cc576111cc6113a2565b905060200201356111eb565b91506001016111ae565b50949350505050565b5f818310611205575f828152602084905260409020611213565b5f8381526020839052604090205b90505b92915050565b5f5f6040838503121561122d575f5ffd5b50508035926020909101359150565b5f6020828403121561124c575f5ffd5b5035919050565b80356001600160a01b0381168114611269575f5ffd5b919050565b5f5f5f60608486031215611280575f5ffd5b8335925061129060208501611253565b915061129e60408501611253565b90509250925092565b5f5f5f5f5f608086880312156112bb575f5ffd5b853594506112cb60208701611253565b935060408601359250606086013567ffffffffffffffff8111156112ed575f5ffd5b8601601f810188136112fd575f5ffd5b803567ffffffffffffffff811115611313575f5ffd5b8860208260051b8401011115611327575f5ffd5b959894975092955050506020019190565b5f60208284031215611348575f5ffd5b61121382611253565b5f60208284031215611361575f5ffd5b5051919050565b634e487b7160e01b5f52601160045260245ffd5b8181038181111561121657611216611368565b8082018082111561121657611216611368565b634e487b7160e01b5f52603260045260245ffdfea164736f6c634300081c000a",
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
// Solidity: constructor(address _token, uint256 _matchingPool, uint256 _start, uint256 _end, uint256 _challengeWindow, uint256 _claimDeadline, address _sweepTo) returns()
func (qFRound *QFRound) PackConstructor(_token common.Address, _matchingPool *big.Int, _start *big.Int, _end *big.Int, _challengeWindow *big.Int, _claimDeadline *big.Int, _sweepTo common.Address) []byte {
	enc, err := qFRound.abi.Pack("", _token, _matchingPool, _start, _end, _challengeWindow, _claimDeadline, _sweepTo)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackChallengeWindow is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x861a1412.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function challengeWindow() view returns(uint256)
func (qFRound *QFRound) PackChallengeWindow() []byte {
	enc, err := qFRound.abi.Pack("challengeWindow")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackChallengeWindow is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x861a1412.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function challengeWindow() view returns(uint256)
func (qFRound *QFRound) TryPackChallengeWindow() ([]byte, error) {
	return qFRound.abi.Pack("challengeWindow")
}

// UnpackChallengeWindow is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x861a1412.
//
// Solidity: function challengeWindow() view returns(uint256)
func (qFRound *QFRound) UnpackChallengeWindow(data []byte) (*big.Int, error) {
	out, err := qFRound.abi.Unpack("challengeWindow", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackClaimDeadline is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3ba86c44.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function claimDeadline() view returns(uint256)
func (qFRound *QFRound) PackClaimDeadline() []byte {
	enc, err := qFRound.abi.Pack("claimDeadline")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackClaimDeadline is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3ba86c44.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function claimDeadline() view returns(uint256)
func (qFRound *QFRound) TryPackClaimDeadline() ([]byte, error) {
	return qFRound.abi.Pack("claimDeadline")
}

// UnpackClaimDeadline is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x3ba86c44.
//
// Solidity: function claimDeadline() view returns(uint256)
func (qFRound *QFRound) UnpackClaimDeadline(data []byte) (*big.Int, error) {
	out, err := qFRound.abi.Unpack("claimDeadline", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
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

// PackClaimedTotal is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc6fc65c3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function claimedTotal() view returns(uint256)
func (qFRound *QFRound) PackClaimedTotal() []byte {
	enc, err := qFRound.abi.Pack("claimedTotal")
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
func (qFRound *QFRound) TryPackClaimedTotal() ([]byte, error) {
	return qFRound.abi.Pack("claimedTotal")
}

// UnpackClaimedTotal is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xc6fc65c3.
//
// Solidity: function claimedTotal() view returns(uint256)
func (qFRound *QFRound) UnpackClaimedTotal(data []byte) (*big.Int, error) {
	out, err := qFRound.abi.Unpack("claimedTotal", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackDeployBlock is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa3ec191a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function deployBlock() view returns(uint256)
func (qFRound *QFRound) PackDeployBlock() []byte {
	enc, err := qFRound.abi.Pack("deployBlock")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDeployBlock is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa3ec191a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function deployBlock() view returns(uint256)
func (qFRound *QFRound) TryPackDeployBlock() ([]byte, error) {
	return qFRound.abi.Pack("deployBlock")
}

// UnpackDeployBlock is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa3ec191a.
//
// Solidity: function deployBlock() view returns(uint256)
func (qFRound *QFRound) UnpackDeployBlock(data []byte) (*big.Int, error) {
	out, err := qFRound.abi.Unpack("deployBlock", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
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

// PackRecipientIdOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4555abf8.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function recipientIdOf(uint256 ) view returns(address)
func (qFRound *QFRound) PackRecipientIdOf(arg0 *big.Int) []byte {
	enc, err := qFRound.abi.Pack("recipientIdOf", arg0)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRecipientIdOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4555abf8.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function recipientIdOf(uint256 ) view returns(address)
func (qFRound *QFRound) TryPackRecipientIdOf(arg0 *big.Int) ([]byte, error) {
	return qFRound.abi.Pack("recipientIdOf", arg0)
}

// UnpackRecipientIdOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x4555abf8.
//
// Solidity: function recipientIdOf(uint256 ) view returns(address)
func (qFRound *QFRound) UnpackRecipientIdOf(data []byte) (common.Address, error) {
	out, err := qFRound.abi.Unpack("recipientIdOf", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackRecipientOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf14cf045.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function recipientOf(uint256 ) view returns(address)
func (qFRound *QFRound) PackRecipientOf(arg0 *big.Int) []byte {
	enc, err := qFRound.abi.Pack("recipientOf", arg0)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRecipientOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf14cf045.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function recipientOf(uint256 ) view returns(address)
func (qFRound *QFRound) TryPackRecipientOf(arg0 *big.Int) ([]byte, error) {
	return qFRound.abi.Pack("recipientOf", arg0)
}

// UnpackRecipientOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xf14cf045.
//
// Solidity: function recipientOf(uint256 ) view returns(address)
func (qFRound *QFRound) UnpackRecipientOf(data []byte) (common.Address, error) {
	out, err := qFRound.abi.Unpack("recipientOf", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackRegisterGap is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7160c6ea.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function registerGap(uint256 projectId, address recipient, address recipientId) returns()
func (qFRound *QFRound) PackRegisterGap(projectId *big.Int, recipient common.Address, recipientId common.Address) []byte {
	enc, err := qFRound.abi.Pack("registerGap", projectId, recipient, recipientId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRegisterGap is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7160c6ea.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function registerGap(uint256 projectId, address recipient, address recipientId) returns()
func (qFRound *QFRound) TryPackRegisterGap(projectId *big.Int, recipient common.Address, recipientId common.Address) ([]byte, error) {
	return qFRound.abi.Pack("registerGap", projectId, recipient, recipientId)
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

// PackRootFinalAt is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5098436a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function rootFinalAt() view returns(uint256)
func (qFRound *QFRound) PackRootFinalAt() []byte {
	enc, err := qFRound.abi.Pack("rootFinalAt")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRootFinalAt is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5098436a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function rootFinalAt() view returns(uint256)
func (qFRound *QFRound) TryPackRootFinalAt() ([]byte, error) {
	return qFRound.abi.Pack("rootFinalAt")
}

// UnpackRootFinalAt is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x5098436a.
//
// Solidity: function rootFinalAt() view returns(uint256)
func (qFRound *QFRound) UnpackRootFinalAt(data []byte) (*big.Int, error) {
	out, err := qFRound.abi.Unpack("rootFinalAt", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
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

// PackSweep is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x35faa416.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function sweep() returns()
func (qFRound *QFRound) PackSweep() []byte {
	enc, err := qFRound.abi.Pack("sweep")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSweep is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x35faa416.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function sweep() returns()
func (qFRound *QFRound) TryPackSweep() ([]byte, error) {
	return qFRound.abi.Pack("sweep")
}

// PackSweepTo is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7ea219a5.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function sweepTo() view returns(address)
func (qFRound *QFRound) PackSweepTo() []byte {
	enc, err := qFRound.abi.Pack("sweepTo")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSweepTo is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7ea219a5.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function sweepTo() view returns(address)
func (qFRound *QFRound) TryPackSweepTo() ([]byte, error) {
	return qFRound.abi.Pack("sweepTo")
}

// UnpackSweepTo is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x7ea219a5.
//
// Solidity: function sweepTo() view returns(address)
func (qFRound *QFRound) UnpackSweepTo(data []byte) (common.Address, error) {
	out, err := qFRound.abi.Unpack("sweepTo", data)
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
	Recipient common.Address
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
// Solidity: event DonationMade(uint256 indexed projectId, address indexed donor, uint256 amount, address recipient)
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

// QFRoundGapRegistered represents a GapRegistered event raised by the QFRound contract.
type QFRoundGapRegistered struct {
	ProjectId   *big.Int
	Recipient   common.Address
	RecipientId common.Address
	Raw         *types.Log // Blockchain specific contextual infos
}

const QFRoundGapRegisteredEventName = "GapRegistered"

// ContractEventName returns the user-defined event name.
func (QFRoundGapRegistered) ContractEventName() string {
	return QFRoundGapRegisteredEventName
}

// UnpackGapRegisteredEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event GapRegistered(uint256 indexed projectId, address indexed recipient, address recipientId)
func (qFRound *QFRound) UnpackGapRegisteredEvent(log *types.Log) (*QFRoundGapRegistered, error) {
	event := "GapRegistered"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != qFRound.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(QFRoundGapRegistered)
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
	Recipient common.Address
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
// Solidity: event MatchingDistributed(uint256 indexed projectId, address indexed recipient, uint256 amount)
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
	OldRoot [32]byte
	NewRoot [32]byte
	FinalAt *big.Int
	Raw     *types.Log // Blockchain specific contextual infos
}

const QFRoundMatchingRootSetEventName = "MatchingRootSet"

// ContractEventName returns the user-defined event name.
func (QFRoundMatchingRootSet) ContractEventName() string {
	return QFRoundMatchingRootSetEventName
}

// UnpackMatchingRootSetEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event MatchingRootSet(bytes32 oldRoot, bytes32 newRoot, uint256 finalAt)
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

// QFRoundSwept represents a Swept event raised by the QFRound contract.
type QFRoundSwept struct {
	To     common.Address
	Amount *big.Int
	Raw    *types.Log // Blockchain specific contextual infos
}

const QFRoundSweptEventName = "Swept"

// ContractEventName returns the user-defined event name.
func (QFRoundSwept) ContractEventName() string {
	return QFRoundSweptEventName
}

// UnpackSweptEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Swept(address indexed to, uint256 amount)
func (qFRound *QFRound) UnpackSweptEvent(log *types.Log) (*QFRoundSwept, error) {
	event := "Swept"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != qFRound.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(QFRoundSwept)
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
	if bytes.Equal(raw[:4], qFRound.abi.Errors["AlreadyClaimed"].ID.Bytes()[:4]) {
		return qFRound.UnpackAlreadyClaimedError(raw[4:])
	}
	if bytes.Equal(raw[:4], qFRound.abi.Errors["ChallengeWindowOpen"].ID.Bytes()[:4]) {
		return qFRound.UnpackChallengeWindowOpenError(raw[4:])
	}
	if bytes.Equal(raw[:4], qFRound.abi.Errors["ClaimDeadlineNotPassed"].ID.Bytes()[:4]) {
		return qFRound.UnpackClaimDeadlineNotPassedError(raw[4:])
	}
	if bytes.Equal(raw[:4], qFRound.abi.Errors["ClaimsClosed"].ID.Bytes()[:4]) {
		return qFRound.UnpackClaimsClosedError(raw[4:])
	}
	if bytes.Equal(raw[:4], qFRound.abi.Errors["GapAlreadyRegistered"].ID.Bytes()[:4]) {
		return qFRound.UnpackGapAlreadyRegisteredError(raw[4:])
	}
	if bytes.Equal(raw[:4], qFRound.abi.Errors["InvalidProof"].ID.Bytes()[:4]) {
		return qFRound.UnpackInvalidProofError(raw[4:])
	}
	if bytes.Equal(raw[:4], qFRound.abi.Errors["InvalidSettings"].ID.Bytes()[:4]) {
		return qFRound.UnpackInvalidSettingsError(raw[4:])
	}
	if bytes.Equal(raw[:4], qFRound.abi.Errors["NotGapRecipient"].ID.Bytes()[:4]) {
		return qFRound.UnpackNotGapRecipientError(raw[4:])
	}
	if bytes.Equal(raw[:4], qFRound.abi.Errors["OverPool"].ID.Bytes()[:4]) {
		return qFRound.UnpackOverPoolError(raw[4:])
	}
	if bytes.Equal(raw[:4], qFRound.abi.Errors["OwnableInvalidOwner"].ID.Bytes()[:4]) {
		return qFRound.UnpackOwnableInvalidOwnerError(raw[4:])
	}
	if bytes.Equal(raw[:4], qFRound.abi.Errors["OwnableUnauthorizedAccount"].ID.Bytes()[:4]) {
		return qFRound.UnpackOwnableUnauthorizedAccountError(raw[4:])
	}
	if bytes.Equal(raw[:4], qFRound.abi.Errors["PoolNotFunded"].ID.Bytes()[:4]) {
		return qFRound.UnpackPoolNotFundedError(raw[4:])
	}
	if bytes.Equal(raw[:4], qFRound.abi.Errors["ReentrancyGuardReentrantCall"].ID.Bytes()[:4]) {
		return qFRound.UnpackReentrancyGuardReentrantCallError(raw[4:])
	}
	if bytes.Equal(raw[:4], qFRound.abi.Errors["RootFinal"].ID.Bytes()[:4]) {
		return qFRound.UnpackRootFinalError(raw[4:])
	}
	if bytes.Equal(raw[:4], qFRound.abi.Errors["RootNotSet"].ID.Bytes()[:4]) {
		return qFRound.UnpackRootNotSetError(raw[4:])
	}
	if bytes.Equal(raw[:4], qFRound.abi.Errors["RoundEnded"].ID.Bytes()[:4]) {
		return qFRound.UnpackRoundEndedError(raw[4:])
	}
	if bytes.Equal(raw[:4], qFRound.abi.Errors["RoundNotEnded"].ID.Bytes()[:4]) {
		return qFRound.UnpackRoundNotEndedError(raw[4:])
	}
	if bytes.Equal(raw[:4], qFRound.abi.Errors["RoundNotStarted"].ID.Bytes()[:4]) {
		return qFRound.UnpackRoundNotStartedError(raw[4:])
	}
	if bytes.Equal(raw[:4], qFRound.abi.Errors["SafeERC20FailedOperation"].ID.Bytes()[:4]) {
		return qFRound.UnpackSafeERC20FailedOperationError(raw[4:])
	}
	if bytes.Equal(raw[:4], qFRound.abi.Errors["TooLateForWindow"].ID.Bytes()[:4]) {
		return qFRound.UnpackTooLateForWindowError(raw[4:])
	}
	if bytes.Equal(raw[:4], qFRound.abi.Errors["TransferMismatch"].ID.Bytes()[:4]) {
		return qFRound.UnpackTransferMismatchError(raw[4:])
	}
	if bytes.Equal(raw[:4], qFRound.abi.Errors["UnknownGap"].ID.Bytes()[:4]) {
		return qFRound.UnpackUnknownGapError(raw[4:])
	}
	if bytes.Equal(raw[:4], qFRound.abi.Errors["ZeroAmount"].ID.Bytes()[:4]) {
		return qFRound.UnpackZeroAmountError(raw[4:])
	}
	if bytes.Equal(raw[:4], qFRound.abi.Errors["ZeroRecipient"].ID.Bytes()[:4]) {
		return qFRound.UnpackZeroRecipientError(raw[4:])
	}
	if bytes.Equal(raw[:4], qFRound.abi.Errors["ZeroRoot"].ID.Bytes()[:4]) {
		return qFRound.UnpackZeroRootError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// QFRoundAlreadyClaimed represents a AlreadyClaimed error raised by the QFRound contract.
type QFRoundAlreadyClaimed struct {
	ProjectId *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AlreadyClaimed(uint256 projectId)
func QFRoundAlreadyClaimedErrorID() common.Hash {
	return common.HexToHash("0xb3167bfa203824a8528cd651824b49f666ae15ab32eef5801cb2db761a8707a6")
}

// UnpackAlreadyClaimedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AlreadyClaimed(uint256 projectId)
func (qFRound *QFRound) UnpackAlreadyClaimedError(raw []byte) (*QFRoundAlreadyClaimed, error) {
	out := new(QFRoundAlreadyClaimed)
	if err := qFRound.abi.UnpackIntoInterface(out, "AlreadyClaimed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// QFRoundChallengeWindowOpen represents a ChallengeWindowOpen error raised by the QFRound contract.
type QFRoundChallengeWindowOpen struct {
	FinalAt *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ChallengeWindowOpen(uint256 finalAt)
func QFRoundChallengeWindowOpenErrorID() common.Hash {
	return common.HexToHash("0x891b78617c635c77d9f0de561d46fa39deec198ce14aac58278e886f5d70bb12")
}

// UnpackChallengeWindowOpenError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ChallengeWindowOpen(uint256 finalAt)
func (qFRound *QFRound) UnpackChallengeWindowOpenError(raw []byte) (*QFRoundChallengeWindowOpen, error) {
	out := new(QFRoundChallengeWindowOpen)
	if err := qFRound.abi.UnpackIntoInterface(out, "ChallengeWindowOpen", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// QFRoundClaimDeadlineNotPassed represents a ClaimDeadlineNotPassed error raised by the QFRound contract.
type QFRoundClaimDeadlineNotPassed struct {
	ClaimDeadline *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ClaimDeadlineNotPassed(uint256 claimDeadline)
func QFRoundClaimDeadlineNotPassedErrorID() common.Hash {
	return common.HexToHash("0xf04da1c41073861bd045d3a92d25ea4ca3905843e30f44e1e845c26fc4b33f1a")
}

// UnpackClaimDeadlineNotPassedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ClaimDeadlineNotPassed(uint256 claimDeadline)
func (qFRound *QFRound) UnpackClaimDeadlineNotPassedError(raw []byte) (*QFRoundClaimDeadlineNotPassed, error) {
	out := new(QFRoundClaimDeadlineNotPassed)
	if err := qFRound.abi.UnpackIntoInterface(out, "ClaimDeadlineNotPassed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// QFRoundClaimsClosed represents a ClaimsClosed error raised by the QFRound contract.
type QFRoundClaimsClosed struct {
	ClaimDeadline *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ClaimsClosed(uint256 claimDeadline)
func QFRoundClaimsClosedErrorID() common.Hash {
	return common.HexToHash("0xc9240fd58b79f4f51fc35843e336267f0a9663423191092958b2d3d45784b0db")
}

// UnpackClaimsClosedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ClaimsClosed(uint256 claimDeadline)
func (qFRound *QFRound) UnpackClaimsClosedError(raw []byte) (*QFRoundClaimsClosed, error) {
	out := new(QFRoundClaimsClosed)
	if err := qFRound.abi.UnpackIntoInterface(out, "ClaimsClosed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// QFRoundGapAlreadyRegistered represents a GapAlreadyRegistered error raised by the QFRound contract.
type QFRoundGapAlreadyRegistered struct {
	ProjectId *big.Int
	Recipient common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error GapAlreadyRegistered(uint256 projectId, address recipient)
func QFRoundGapAlreadyRegisteredErrorID() common.Hash {
	return common.HexToHash("0x225543fa4abde83eec98ea7d77f2d7c9cf03523d13e807827a9b59b73edf0c62")
}

// UnpackGapAlreadyRegisteredError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error GapAlreadyRegistered(uint256 projectId, address recipient)
func (qFRound *QFRound) UnpackGapAlreadyRegisteredError(raw []byte) (*QFRoundGapAlreadyRegistered, error) {
	out := new(QFRoundGapAlreadyRegistered)
	if err := qFRound.abi.UnpackIntoInterface(out, "GapAlreadyRegistered", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// QFRoundInvalidProof represents a InvalidProof error raised by the QFRound contract.
type QFRoundInvalidProof struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidProof()
func QFRoundInvalidProofErrorID() common.Hash {
	return common.HexToHash("0x09bde339c6b182be216ee7ef8ccff6338c6ef7993445216112ae575c5438fd27")
}

// UnpackInvalidProofError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidProof()
func (qFRound *QFRound) UnpackInvalidProofError(raw []byte) (*QFRoundInvalidProof, error) {
	out := new(QFRoundInvalidProof)
	if err := qFRound.abi.UnpackIntoInterface(out, "InvalidProof", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// QFRoundInvalidSettings represents a InvalidSettings error raised by the QFRound contract.
type QFRoundInvalidSettings struct {
	What string
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidSettings(string what)
func QFRoundInvalidSettingsErrorID() common.Hash {
	return common.HexToHash("0x94d02bea5ab04bc011aab94a4e99b43927d179148cc4fe3ed485a9c731fa2632")
}

// UnpackInvalidSettingsError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidSettings(string what)
func (qFRound *QFRound) UnpackInvalidSettingsError(raw []byte) (*QFRoundInvalidSettings, error) {
	out := new(QFRoundInvalidSettings)
	if err := qFRound.abi.UnpackIntoInterface(out, "InvalidSettings", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// QFRoundNotGapRecipient represents a NotGapRecipient error raised by the QFRound contract.
type QFRoundNotGapRecipient struct {
	ProjectId *big.Int
	Recipient common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotGapRecipient(uint256 projectId, address recipient)
func QFRoundNotGapRecipientErrorID() common.Hash {
	return common.HexToHash("0x03da1daa38951821be3dd1334c50c0303fa5d37e4ff824d7f2517f2bd5cd4bff")
}

// UnpackNotGapRecipientError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotGapRecipient(uint256 projectId, address recipient)
func (qFRound *QFRound) UnpackNotGapRecipientError(raw []byte) (*QFRoundNotGapRecipient, error) {
	out := new(QFRoundNotGapRecipient)
	if err := qFRound.abi.UnpackIntoInterface(out, "NotGapRecipient", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// QFRoundOverPool represents a OverPool error raised by the QFRound contract.
type QFRoundOverPool struct {
	Claimed      *big.Int
	MatchingPool *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error OverPool(uint256 claimed, uint256 matchingPool)
func QFRoundOverPoolErrorID() common.Hash {
	return common.HexToHash("0x375ed5d527e015906c478417c4f3413249cca48d98694d7ab2e2b42a347b7c67")
}

// UnpackOverPoolError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error OverPool(uint256 claimed, uint256 matchingPool)
func (qFRound *QFRound) UnpackOverPoolError(raw []byte) (*QFRoundOverPool, error) {
	out := new(QFRoundOverPool)
	if err := qFRound.abi.UnpackIntoInterface(out, "OverPool", raw); err != nil {
		return nil, err
	}
	return out, nil
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

// QFRoundPoolNotFunded represents a PoolNotFunded error raised by the QFRound contract.
type QFRoundPoolNotFunded struct {
	Balance      *big.Int
	MatchingPool *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error PoolNotFunded(uint256 balance, uint256 matchingPool)
func QFRoundPoolNotFundedErrorID() common.Hash {
	return common.HexToHash("0x009e83f5ff0fc7668530afdedc7227d1ea1bc3c5169a6cef43f4d0b670a5f15d")
}

// UnpackPoolNotFundedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error PoolNotFunded(uint256 balance, uint256 matchingPool)
func (qFRound *QFRound) UnpackPoolNotFundedError(raw []byte) (*QFRoundPoolNotFunded, error) {
	out := new(QFRoundPoolNotFunded)
	if err := qFRound.abi.UnpackIntoInterface(out, "PoolNotFunded", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// QFRoundReentrancyGuardReentrantCall represents a ReentrancyGuardReentrantCall error raised by the QFRound contract.
type QFRoundReentrancyGuardReentrantCall struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ReentrancyGuardReentrantCall()
func QFRoundReentrancyGuardReentrantCallErrorID() common.Hash {
	return common.HexToHash("0x3ee5aeb571de7fc460830b4d0017439a1ca56fb0bc39062227ade4fe4a24c1ca")
}

// UnpackReentrancyGuardReentrantCallError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ReentrancyGuardReentrantCall()
func (qFRound *QFRound) UnpackReentrancyGuardReentrantCallError(raw []byte) (*QFRoundReentrancyGuardReentrantCall, error) {
	out := new(QFRoundReentrancyGuardReentrantCall)
	if err := qFRound.abi.UnpackIntoInterface(out, "ReentrancyGuardReentrantCall", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// QFRoundRootFinal represents a RootFinal error raised by the QFRound contract.
type QFRoundRootFinal struct {
	Root [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error RootFinal(bytes32 root)
func QFRoundRootFinalErrorID() common.Hash {
	return common.HexToHash("0x1762d5f930af568e3f59533f62c1d064440b4d4198c80f894803881f72e6fc9e")
}

// UnpackRootFinalError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error RootFinal(bytes32 root)
func (qFRound *QFRound) UnpackRootFinalError(raw []byte) (*QFRoundRootFinal, error) {
	out := new(QFRoundRootFinal)
	if err := qFRound.abi.UnpackIntoInterface(out, "RootFinal", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// QFRoundRootNotSet represents a RootNotSet error raised by the QFRound contract.
type QFRoundRootNotSet struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error RootNotSet()
func QFRoundRootNotSetErrorID() common.Hash {
	return common.HexToHash("0x1c8b6259aeb173d20f581591fba4afbfb102e52ef1a93e7968c30d468a8b61bb")
}

// UnpackRootNotSetError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error RootNotSet()
func (qFRound *QFRound) UnpackRootNotSetError(raw []byte) (*QFRoundRootNotSet, error) {
	out := new(QFRoundRootNotSet)
	if err := qFRound.abi.UnpackIntoInterface(out, "RootNotSet", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// QFRoundRoundEnded represents a RoundEnded error raised by the QFRound contract.
type QFRoundRoundEnded struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error RoundEnded()
func QFRoundRoundEndedErrorID() common.Hash {
	return common.HexToHash("0x6b5fd31b10b00ec94eb179707ba8b02caa87421f956fff0ee903bd6a22db99a4")
}

// UnpackRoundEndedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error RoundEnded()
func (qFRound *QFRound) UnpackRoundEndedError(raw []byte) (*QFRoundRoundEnded, error) {
	out := new(QFRoundRoundEnded)
	if err := qFRound.abi.UnpackIntoInterface(out, "RoundEnded", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// QFRoundRoundNotEnded represents a RoundNotEnded error raised by the QFRound contract.
type QFRoundRoundNotEnded struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error RoundNotEnded()
func QFRoundRoundNotEndedErrorID() common.Hash {
	return common.HexToHash("0xc43172d21bf74cbed674887ee85af50b8d5cff736c427f68baaa04118c1d75ed")
}

// UnpackRoundNotEndedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error RoundNotEnded()
func (qFRound *QFRound) UnpackRoundNotEndedError(raw []byte) (*QFRoundRoundNotEnded, error) {
	out := new(QFRoundRoundNotEnded)
	if err := qFRound.abi.UnpackIntoInterface(out, "RoundNotEnded", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// QFRoundRoundNotStarted represents a RoundNotStarted error raised by the QFRound contract.
type QFRoundRoundNotStarted struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error RoundNotStarted()
func QFRoundRoundNotStartedErrorID() common.Hash {
	return common.HexToHash("0x8e9c6e1c3ddb1e048d608fd6a1aea00fdc14aac36d22eca9fecbaf8709fe8f78")
}

// UnpackRoundNotStartedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error RoundNotStarted()
func (qFRound *QFRound) UnpackRoundNotStartedError(raw []byte) (*QFRoundRoundNotStarted, error) {
	out := new(QFRoundRoundNotStarted)
	if err := qFRound.abi.UnpackIntoInterface(out, "RoundNotStarted", raw); err != nil {
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

// QFRoundTooLateForWindow represents a TooLateForWindow error raised by the QFRound contract.
type QFRoundTooLateForWindow struct {
	FinalAt       *big.Int
	ClaimDeadline *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error TooLateForWindow(uint256 finalAt, uint256 claimDeadline)
func QFRoundTooLateForWindowErrorID() common.Hash {
	return common.HexToHash("0xca9ff5281b95cf5304a318e3bd4e560320a45cc1c8afd7abaa3f3fe2a37eabfe")
}

// UnpackTooLateForWindowError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error TooLateForWindow(uint256 finalAt, uint256 claimDeadline)
func (qFRound *QFRound) UnpackTooLateForWindowError(raw []byte) (*QFRoundTooLateForWindow, error) {
	out := new(QFRoundTooLateForWindow)
	if err := qFRound.abi.UnpackIntoInterface(out, "TooLateForWindow", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// QFRoundTransferMismatch represents a TransferMismatch error raised by the QFRound contract.
type QFRoundTransferMismatch struct {
	Asked    *big.Int
	Received *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error TransferMismatch(uint256 asked, uint256 received)
func QFRoundTransferMismatchErrorID() common.Hash {
	return common.HexToHash("0xad48e590aad0969daf0cd911caf9ac3cf200d6517523477d07e4b2e6fa73f0e2")
}

// UnpackTransferMismatchError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error TransferMismatch(uint256 asked, uint256 received)
func (qFRound *QFRound) UnpackTransferMismatchError(raw []byte) (*QFRoundTransferMismatch, error) {
	out := new(QFRoundTransferMismatch)
	if err := qFRound.abi.UnpackIntoInterface(out, "TransferMismatch", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// QFRoundUnknownGap represents a UnknownGap error raised by the QFRound contract.
type QFRoundUnknownGap struct {
	ProjectId *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error UnknownGap(uint256 projectId)
func QFRoundUnknownGapErrorID() common.Hash {
	return common.HexToHash("0x220a67db055293402a3d175ea0739222c80b77714481d34cb709603248e05cfd")
}

// UnpackUnknownGapError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error UnknownGap(uint256 projectId)
func (qFRound *QFRound) UnpackUnknownGapError(raw []byte) (*QFRoundUnknownGap, error) {
	out := new(QFRoundUnknownGap)
	if err := qFRound.abi.UnpackIntoInterface(out, "UnknownGap", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// QFRoundZeroAmount represents a ZeroAmount error raised by the QFRound contract.
type QFRoundZeroAmount struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ZeroAmount()
func QFRoundZeroAmountErrorID() common.Hash {
	return common.HexToHash("0x1f2a2005cb66a8e145327e8814e243a0996aec9bfe1e15a495778b1236dbd485")
}

// UnpackZeroAmountError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ZeroAmount()
func (qFRound *QFRound) UnpackZeroAmountError(raw []byte) (*QFRoundZeroAmount, error) {
	out := new(QFRoundZeroAmount)
	if err := qFRound.abi.UnpackIntoInterface(out, "ZeroAmount", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// QFRoundZeroRecipient represents a ZeroRecipient error raised by the QFRound contract.
type QFRoundZeroRecipient struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ZeroRecipient()
func QFRoundZeroRecipientErrorID() common.Hash {
	return common.HexToHash("0xd27b44434400f41bccba90cdfad4d72c6c290b6d2304333570252b0a1dc90ded")
}

// UnpackZeroRecipientError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ZeroRecipient()
func (qFRound *QFRound) UnpackZeroRecipientError(raw []byte) (*QFRoundZeroRecipient, error) {
	out := new(QFRoundZeroRecipient)
	if err := qFRound.abi.UnpackIntoInterface(out, "ZeroRecipient", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// QFRoundZeroRoot represents a ZeroRoot error raised by the QFRound contract.
type QFRoundZeroRoot struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ZeroRoot()
func QFRoundZeroRootErrorID() common.Hash {
	return common.HexToHash("0xb263ae738e814ca9af6ee56bb85daa47624e790421913c947dcba2aac07cfdbd")
}

// UnpackZeroRootError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ZeroRoot()
func (qFRound *QFRound) UnpackZeroRootError(raw []byte) (*QFRoundZeroRoot, error) {
	out := new(QFRoundZeroRoot)
	if err := qFRound.abi.UnpackIntoInterface(out, "ZeroRoot", raw); err != nil {
		return nil, err
	}
	return out, nil
}
