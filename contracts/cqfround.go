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
	ABI: "[{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_token\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"_start\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"_end\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"_challengeWindow\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"_claimDeadline\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"_sweepTo\",\"type\":\"address\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"leaf\",\"type\":\"bytes32\"}],\"name\":\"AlreadyClaimed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"finalAt\",\"type\":\"uint256\"}],\"name\":\"ChallengeWindowOpen\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"claimDeadline\",\"type\":\"uint256\"}],\"name\":\"ClaimDeadlineNotPassed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"claimDeadline\",\"type\":\"uint256\"}],\"name\":\"ClaimsClosed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"projectId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"recipient\",\"type\":\"address\"}],\"name\":\"GapAlreadyRegistered\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidProof\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"what\",\"type\":\"string\"}],\"name\":\"InvalidSettings\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"projectId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"cap\",\"type\":\"uint256\"}],\"name\":\"LeafOverPledge\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"projectId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"pledger\",\"type\":\"address\"}],\"name\":\"NothingToRefund\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"claimed\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"totalLimits\",\"type\":\"uint256\"}],\"name\":\"OverEscrow\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"OwnableInvalidOwner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"OwnableUnauthorizedAccount\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ReentrancyGuardReentrantCall\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"root\",\"type\":\"bytes32\"}],\"name\":\"RootFinal\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"RootNotSet\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"root\",\"type\":\"bytes32\"}],\"name\":\"RootPosted\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"RoundEnded\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"RoundNotEnded\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"RoundNotStarted\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"token\",\"type\":\"address\"}],\"name\":\"SafeERC20FailedOperation\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"finalAt\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"claimDeadline\",\"type\":\"uint256\"}],\"name\":\"TooLateForWindow\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"asked\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"received\",\"type\":\"uint256\"}],\"name\":\"TransferMismatch\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"projectId\",\"type\":\"uint256\"}],\"name\":\"UnknownGap\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroAmount\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroRecipient\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroRoot\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"projectId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"recipient\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"recipientId\",\"type\":\"address\"}],\"name\":\"GapRegistered\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"previousOwner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"OwnershipTransferred\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"projectId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"PayoutClaimed\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"oldRoot\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"newRoot\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"finalAt\",\"type\":\"uint256\"}],\"name\":\"PayoutRootSet\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"projectId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"pledger\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"limit\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"recipient\",\"type\":\"address\"}],\"name\":\"PledgeMade\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"projectId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"pledger\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"Refunded\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"Swept\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"challengeWindow\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"projectId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"internalType\":\"bytes32[]\",\"name\":\"proof\",\"type\":\"bytes32[]\"}],\"name\":\"claim\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"claimDeadline\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"name\":\"claimedOf\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"claimedTotal\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"deployBlock\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"name\":\"leafClaimed\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"name\":\"limitsOf\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"owner\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"payoutRoot\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"projectId\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"limit\",\"type\":\"uint256\"}],\"name\":\"pledge\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"name\":\"pledgedTo\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"name\":\"recipientIdOf\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"name\":\"recipientOf\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"projectId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"pledger\",\"type\":\"address\"}],\"name\":\"refund\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"projectId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"recipient\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"recipientId\",\"type\":\"address\"}],\"name\":\"registerGap\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"renounceOwnership\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"rootFinalAt\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"roundEnd\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"roundStart\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"_root\",\"type\":\"bytes32\"}],\"name\":\"setPayoutRoot\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"sweep\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"sweepTo\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"token\",\"outputs\":[{\"internalType\":\"contractIERC20\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"totalLimits\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"transferOwnership\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "CQFRound",
	Bin: "0x610160604052348015610010575f5ffd5b50604051611a7b380380611a7b83398101604081905261002f916102d1565b338061005557604051631e4fbdf760e01b81525f60048201526024015b60405180910390fd5b61005e81610267565b506001600160a01b0386166100b657604051634a6815f560e11b815260206004820152601960248201527f746f6b656e20697320746865207a65726f206164647265737300000000000000604482015260640161004c565b83851061010657604051634a6815f560e11b815260206004820152601760248201527f7374617274206973206e6f74206265666f726520656e64000000000000000000604482015260640161004c565b825f0361015657604051634a6815f560e11b815260206004820152601460248201527f6368616c6c656e676557696e646f772069732030000000000000000000000000604482015260640161004c565b61016183600261033b565b61016b9085610358565b82116101e057604051634a6815f560e11b815260206004820152603460248201527f636c61696d446561646c696e65206973206e6f7420616674657220656e64202b60448201527f2032202a206368616c6c656e676557696e646f77000000000000000000000000606482015260840161004c565b6001600160a01b03811661023757604051634a6815f560e11b815260206004820152601b60248201527f7377656570546f20697320746865207a65726f20616464726573730000000000604482015260640161004c565b6001600160a01b0395861660805260a09490945260c09290925260e052610100521661012052436101405261036b565b5f80546001600160a01b038381166001600160a01b0319831681178455604051919092169283917f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e09190a35050565b80516001600160a01b03811681146102cc575f5ffd5b919050565b5f5f5f5f5f5f60c087890312156102e6575f5ffd5b6102ef876102b6565b6020880151604089015160608a015160808b015193995091975095509350915061031b60a088016102b6565b90509295509295509295565b634e487b7160e01b5f52601160045260245ffd5b808202811582820484141761035257610352610327565b92915050565b8082018082111561035257610352610327565b60805160a05160c05160e05161010051610120516101405161161e61045d5f395f61039001525f81816102f5015281816108e5015261090c01525f8181610211015281816104c5015281816104fa01528181610796015281816107ca01528181610b0101528181610b3501528181610d680152610dcd01525f818161031c01528181610d3f0152610d8c01525f81816103b70152818161099301528181610ca80152610ed101525f81816102380152610e9001525f81816104340152818161070e0152818161080d015281816108c301528181610c2601528181610f7f01528181610fff0152611048015261161e5ff3fe608060405234801561000f575f5ffd5b5060043610610187575f3560e01c8063861a1412116100d9578063c6fc65c311610093578063f7bd64161161006e578063f7bd64161461041d578063fb34645814610426578063fc0c546a1461042f578063fde327be14610456575f5ffd5b8063c6fc65c3146103d9578063f14cf045146103e2578063f2fde38b1461040a575f5ffd5b8063861a1412146103175780638d6753801461033e5780638da5cb5b146103515780639b90650314610361578063a3ec191a1461038b578063c02e580e146103b2575f5ffd5b80634555abf811610144578063715018a61161011f578063715018a6146102c25780637160c6ea146102ca5780637ad226dc146102dd5780637ea219a5146102f0575f5ffd5b80634555abf81461025a57806349e8e06a1461029a5780635098436a146102b9575f5ffd5b806301fb68571461018b5780632e7ba6ef146101c257806333cc8ab1146101d757806335faa416146102045780633ba86c441461020c5780634036585214610233575b5f5ffd5b6101ad61019936600461144d565b600a6020525f908152604090205460ff1681565b60405190151581526020015b60405180910390f35b6101d56101d036600461147f565b610469565b005b6101f66101e536600461144d565b60046020525f908152604090205481565b6040519081526020016101b9565b6101d561078c565b6101f67f000000000000000000000000000000000000000000000000000000000000000081565b6101f67f000000000000000000000000000000000000000000000000000000000000000081565b61028261026836600461144d565b60026020525f90815260409020546001600160a01b031681565b6040516001600160a01b0390911681526020016101b9565b6101f66102a836600461144d565b60066020525f908152604090205481565b6101f660085481565b6101d5610978565b6101d56102d8366004611510565b610989565b6101d56102eb366004611549565b610af7565b6102827f000000000000000000000000000000000000000000000000000000000000000081565b6101f67f000000000000000000000000000000000000000000000000000000000000000081565b6101d561034c36600461144d565b610c9e565b5f546001600160a01b0316610282565b6101f661036f366004611549565b600560209081525f928352604080842090915290825290205481565b6101f67f000000000000000000000000000000000000000000000000000000000000000081565b6101f67f000000000000000000000000000000000000000000000000000000000000000081565b6101f660095481565b6102826103f036600461144d565b60016020525f90815260409020546001600160a01b031681565b6101d5610418366004611573565b610e49565b6101f660035481565b6101f660075481565b6102827f000000000000000000000000000000000000000000000000000000000000000081565b6101d561046436600461158c565b610e86565b61047161119c565b60075461049157604051631c8b625960e01b815260040160405180910390fd5b6008544210156104c35760085460405163891b786160e01b81526004016104ba91815260200190565b60405180910390fd5b7f00000000000000000000000000000000000000000000000000000000000000004211156105265760405163c9240fd560e01b81527f000000000000000000000000000000000000000000000000000000000000000060048201526024016104ba565b60408051602081018790526001600160a01b03861691810191909152606081018490525f9060800160408051601f198184030181528282528051602091820120908301520160408051601f1981840301815291815281516020928301205f818152600a90935291205490915060ff16156105b657604051633210992160e21b8152600481018290526024016104ba565b6105c4838360075484611209565b6105e1576040516309bde33960e01b815260040160405180910390fd5b5f8681526004602090815260408083205460019092528220549091906001600160a01b03888116911614610636575f8881526005602090815260408083206001600160a01b038b168452909152902054610638565b815b90508086111561067b57604051631cabfd1b60e21b8152600481018990526001600160a01b038816602482015260448101879052606481018290526084016104ba565b5f888152600660205260408120546106949088906115c0565b9050828111156106c1576040516333f9e34d60e01b815260048101829052602481018490526044016104ba565b5f848152600a60209081526040808320805460ff191660011790558b835260069091528120829055600980548992906106fb9084906115c0565b9091555061073590506001600160a01b037f0000000000000000000000000000000000000000000000000000000000000000168989611220565b876001600160a01b0316897fe97cee5a4c0549d3fdc81e322b718ddf0aeb3418ec87dce4f9a7fb28d117c3128960405161077191815260200190565b60405180910390a350505050610785611284565b5050505050565b61079461119c565b7f000000000000000000000000000000000000000000000000000000000000000042116107f657604051633c13687160e21b81527f000000000000000000000000000000000000000000000000000000000000000060048201526024016104ba565b6040516370a0823160e01b81523060048201525f907f00000000000000000000000000000000000000000000000000000000000000006001600160a01b0316906370a0823190602401602060405180830381865afa15801561085a573d5f5f3e3d5ffd5b505050506040513d601f19601f8201168201806040525081019061087e91906115d3565b6007549091506108b6575f60095460035461089991906115ea565b90508082116108a8575f6108b2565b6108b281836115ea565b9150505b61090a6001600160a01b037f0000000000000000000000000000000000000000000000000000000000000000167f000000000000000000000000000000000000000000000000000000000000000083611220565b7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03167fc36b5179cb9c303b200074996eab2b3473eac370fdd7eba3bec636fe351096968260405161096591815260200190565b60405180910390a250610976611284565b565b6109806112ae565b6109765f6112da565b6109916112ae565b7f00000000000000000000000000000000000000000000000000000000000000004211156109d257604051636b5fd31b60e01b815260040160405180910390fd5b6001600160a01b03821615806109f057506001600160a01b03821630145b15610a0e5760405163d27b444360e01b815260040160405180910390fd5b5f838152600160205260409020546001600160a01b03168015610a565760405163112aa1fd60e11b8152600481018590526001600160a01b03821660248201526044016104ba565b5f84815260016020526040902080546001600160a01b0319166001600160a01b0385811691909117909155821615610aaf575f84815260026020526040902080546001600160a01b0319166001600160a01b0384161790555b6040516001600160a01b03838116825284169085907f6a82c7a85b405806f3fbfb6b753f0270f71dea1797c930ac24ff04b59b9cbfe29060200160405180910390a350505050565b610aff61119c565b7f00000000000000000000000000000000000000000000000000000000000000004211610b6157604051633c13687160e21b81527f000000000000000000000000000000000000000000000000000000000000000060048201526024016104ba565b60075415610b8857600754604051638a775dad60e01b81526004016104ba91815260200190565b5f8281526005602090815260408083206001600160a01b038516845290915281205490819003610bdd57604051632decd07b60e11b8152600481018490526001600160a01b03831660248201526044016104ba565b5f8381526005602090815260408083206001600160a01b0386168452909152812081905560098054839290610c139084906115c0565b90915550610c4d90506001600160a01b037f0000000000000000000000000000000000000000000000000000000000000000168383611220565b816001600160a01b0316837f7ca5472b7ea78c2c0141c5a12ee6d170cf4ce8ed06be3d22c8252ddfc7a6a2c483604051610c8991815260200190565b60405180910390a350610c9a611284565b5050565b610ca66112ae565b7f00000000000000000000000000000000000000000000000000000000000000004211610ce657604051636218b96960e11b815260040160405180910390fd5b80610d045760405163b263ae7360e01b815260040160405180910390fd5b6007548015801590610d1857506008544210155b15610d3957604051631762d5f960e01b8152600481018290526024016104ba565b5f610d647f0000000000000000000000000000000000000000000000000000000000000000426115c0565b90507f0000000000000000000000000000000000000000000000000000000000000000610db17f0000000000000000000000000000000000000000000000000000000000000000836115c0565b1115610df957604051631953fea560e31b8152600481018290527f000000000000000000000000000000000000000000000000000000000000000060248201526044016104ba565b6007839055600881905560408051838152602081018590529081018290527fed39c721e6b97575400004b1ea6cebe6d56908165c30aceae5526d6b3727e4969060600160405180910390a1505050565b610e516112ae565b6001600160a01b038116610e7a57604051631e4fbdf760e01b81525f60048201526024016104ba565b610e83816112da565b50565b610e8e61119c565b7f0000000000000000000000000000000000000000000000000000000000000000421015610ecf576040516323a71b8760e21b815260040160405180910390fd5b7f0000000000000000000000000000000000000000000000000000000000000000421115610f1057604051636b5fd31b60e01b815260040160405180910390fd5b805f03610f3057604051631f2a200560e01b815260040160405180910390fd5b5f828152600160205260409020546001600160a01b031680610f685760405163220a67db60e01b8152600481018490526024016104ba565b6040516370a0823160e01b81523060048201525f907f00000000000000000000000000000000000000000000000000000000000000006001600160a01b0316906370a0823190602401602060405180830381865afa158015610fcc573d5f5f3e3d5ffd5b505050506040513d601f19601f82011682018060405250810190610ff091906115d3565b90506110276001600160a01b037f000000000000000000000000000000000000000000000000000000000000000016333086611329565b6040516370a0823160e01b81523060048201525f9082906001600160a01b037f000000000000000000000000000000000000000000000000000000000000000016906370a0823190602401602060405180830381865afa15801561108d573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906110b191906115d3565b6110bb91906115ea565b90508381146110e757604051630ad48e5960e41b815260048101859052602481018290526044016104ba565b8060035f8282546110f891906115c0565b90915550505f858152600460205260408120805483929061111a9084906115c0565b90915550505f858152600560209081526040808320338452909152812080548392906111479084906115c0565b9091555050604080518281526001600160a01b0385166020820152339187917fd00903fc2780aca1e56d1abac77359cac6b3524fc73175e29f01c616f9bae892910160405180910390a3505050610c9a611284565b7f9b779b17422d0df92223018b32b4d1fa46e071723d6817e2486d003becc55f005c156111dc57604051633ee5aeb560e01b815260040160405180910390fd5b61097660017f9b779b17422d0df92223018b32b4d1fa46e071723d6817e2486d003becc55f005b90611368565b5f8261121686868561136f565b1495945050505050565b6040516001600160a01b0383811660248301526044820183905261127f91859182169063a9059cbb906064015b604051602081830303815290604052915060e01b6020820180516001600160e01b0383818316178352505050506113b0565b505050565b6109765f7f9b779b17422d0df92223018b32b4d1fa46e071723d6817e2486d003becc55f00611203565b5f546001600160a01b031633146109765760405163118cdaa760e01b81523360048201526024016104ba565b5f80546001600160a01b038381166001600160a01b0319831681178455604051919092169283917f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e09190a35050565b6040516001600160a01b0384811660248301528381166044830152606482018390526113629186918216906323b872dd9060840161124d565b50505050565b80825d5050565b5f81815b848110156113a75761139d82878784818110611391576113916115fd565b9050602002013561141c565b9150600101611373565b50949350505050565b5f5f60205f8451602086015f885af1806113cf576040513d5f823e3d81fd5b50505f513d915081156113e65780600114156113f3565b6001600160a01b0384163b155b1561136257604051635274afe760e01b81526001600160a01b03851660048201526024016104ba565b5f818310611436575f828152602084905260409020611444565b5f8381526020839052604090205b90505b92915050565b5f6020828403121561145d575f5ffd5b5035919050565b80356001600160a01b038116811461147a575f5ffd5b919050565b5f5f5f5f5f60808688031215611493575f5ffd5b853594506114a360208701611464565b935060408601359250606086013567ffffffffffffffff8111156114c5575f5ffd5b8601601f810188136114d5575f5ffd5b803567ffffffffffffffff8111156114eb575f5ffd5b8860208260051b84010111156114ff575f5ffd5b959894975092955050506020019190565b5f5f5f60608486031215611522575f5ffd5b8335925061153260208501611464565b915061154060408501611464565b90509250925092565b5f5f6040838503121561155a575f5ffd5b8235915061156a60208401611464565b90509250929050565b5f60208284031215611583575f5ffd5b61144482611464565b5f5f6040838503121561159d575f5ffd5b50508035926020909101359150565b634e487b7160e01b5f52601160045260245ffd5b80820180821115611447576114476115ac565b5f602082840312156115e3575f5ffd5b5051919050565b81810381811115611447576114476115ac565b634e487b7160e01b5f52603260045260245ffdfea164736f6c634300081c000a",
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
// Solidity: constructor(address _token, uint256 _start, uint256 _end, uint256 _challengeWindow, uint256 _claimDeadline, address _sweepTo) returns()
func (cQFRound *CQFRound) PackConstructor(_token common.Address, _start *big.Int, _end *big.Int, _challengeWindow *big.Int, _claimDeadline *big.Int, _sweepTo common.Address) []byte {
	enc, err := cQFRound.abi.Pack("", _token, _start, _end, _challengeWindow, _claimDeadline, _sweepTo)
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
func (cQFRound *CQFRound) PackChallengeWindow() []byte {
	enc, err := cQFRound.abi.Pack("challengeWindow")
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
func (cQFRound *CQFRound) TryPackChallengeWindow() ([]byte, error) {
	return cQFRound.abi.Pack("challengeWindow")
}

// UnpackChallengeWindow is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x861a1412.
//
// Solidity: function challengeWindow() view returns(uint256)
func (cQFRound *CQFRound) UnpackChallengeWindow(data []byte) (*big.Int, error) {
	out, err := cQFRound.abi.Unpack("challengeWindow", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
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

// PackClaimDeadline is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3ba86c44.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function claimDeadline() view returns(uint256)
func (cQFRound *CQFRound) PackClaimDeadline() []byte {
	enc, err := cQFRound.abi.Pack("claimDeadline")
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
func (cQFRound *CQFRound) TryPackClaimDeadline() ([]byte, error) {
	return cQFRound.abi.Pack("claimDeadline")
}

// UnpackClaimDeadline is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x3ba86c44.
//
// Solidity: function claimDeadline() view returns(uint256)
func (cQFRound *CQFRound) UnpackClaimDeadline(data []byte) (*big.Int, error) {
	out, err := cQFRound.abi.Unpack("claimDeadline", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackClaimedOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x49e8e06a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function claimedOf(uint256 ) view returns(uint256)
func (cQFRound *CQFRound) PackClaimedOf(arg0 *big.Int) []byte {
	enc, err := cQFRound.abi.Pack("claimedOf", arg0)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackClaimedOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x49e8e06a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function claimedOf(uint256 ) view returns(uint256)
func (cQFRound *CQFRound) TryPackClaimedOf(arg0 *big.Int) ([]byte, error) {
	return cQFRound.abi.Pack("claimedOf", arg0)
}

// UnpackClaimedOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x49e8e06a.
//
// Solidity: function claimedOf(uint256 ) view returns(uint256)
func (cQFRound *CQFRound) UnpackClaimedOf(data []byte) (*big.Int, error) {
	out, err := cQFRound.abi.Unpack("claimedOf", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
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

// PackDeployBlock is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa3ec191a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function deployBlock() view returns(uint256)
func (cQFRound *CQFRound) PackDeployBlock() []byte {
	enc, err := cQFRound.abi.Pack("deployBlock")
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
func (cQFRound *CQFRound) TryPackDeployBlock() ([]byte, error) {
	return cQFRound.abi.Pack("deployBlock")
}

// UnpackDeployBlock is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa3ec191a.
//
// Solidity: function deployBlock() view returns(uint256)
func (cQFRound *CQFRound) UnpackDeployBlock(data []byte) (*big.Int, error) {
	out, err := cQFRound.abi.Unpack("deployBlock", data)
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

// PackLimitsOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x33cc8ab1.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function limitsOf(uint256 ) view returns(uint256)
func (cQFRound *CQFRound) PackLimitsOf(arg0 *big.Int) []byte {
	enc, err := cQFRound.abi.Pack("limitsOf", arg0)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackLimitsOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x33cc8ab1.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function limitsOf(uint256 ) view returns(uint256)
func (cQFRound *CQFRound) TryPackLimitsOf(arg0 *big.Int) ([]byte, error) {
	return cQFRound.abi.Pack("limitsOf", arg0)
}

// UnpackLimitsOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x33cc8ab1.
//
// Solidity: function limitsOf(uint256 ) view returns(uint256)
func (cQFRound *CQFRound) UnpackLimitsOf(data []byte) (*big.Int, error) {
	out, err := cQFRound.abi.Unpack("limitsOf", data)
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

// PackPledgedTo is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9b906503.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function pledgedTo(uint256 , address ) view returns(uint256)
func (cQFRound *CQFRound) PackPledgedTo(arg0 *big.Int, arg1 common.Address) []byte {
	enc, err := cQFRound.abi.Pack("pledgedTo", arg0, arg1)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPledgedTo is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9b906503.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function pledgedTo(uint256 , address ) view returns(uint256)
func (cQFRound *CQFRound) TryPackPledgedTo(arg0 *big.Int, arg1 common.Address) ([]byte, error) {
	return cQFRound.abi.Pack("pledgedTo", arg0, arg1)
}

// UnpackPledgedTo is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x9b906503.
//
// Solidity: function pledgedTo(uint256 , address ) view returns(uint256)
func (cQFRound *CQFRound) UnpackPledgedTo(data []byte) (*big.Int, error) {
	out, err := cQFRound.abi.Unpack("pledgedTo", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackRecipientIdOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4555abf8.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function recipientIdOf(uint256 ) view returns(address)
func (cQFRound *CQFRound) PackRecipientIdOf(arg0 *big.Int) []byte {
	enc, err := cQFRound.abi.Pack("recipientIdOf", arg0)
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
func (cQFRound *CQFRound) TryPackRecipientIdOf(arg0 *big.Int) ([]byte, error) {
	return cQFRound.abi.Pack("recipientIdOf", arg0)
}

// UnpackRecipientIdOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x4555abf8.
//
// Solidity: function recipientIdOf(uint256 ) view returns(address)
func (cQFRound *CQFRound) UnpackRecipientIdOf(data []byte) (common.Address, error) {
	out, err := cQFRound.abi.Unpack("recipientIdOf", data)
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
func (cQFRound *CQFRound) PackRecipientOf(arg0 *big.Int) []byte {
	enc, err := cQFRound.abi.Pack("recipientOf", arg0)
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
func (cQFRound *CQFRound) TryPackRecipientOf(arg0 *big.Int) ([]byte, error) {
	return cQFRound.abi.Pack("recipientOf", arg0)
}

// UnpackRecipientOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xf14cf045.
//
// Solidity: function recipientOf(uint256 ) view returns(address)
func (cQFRound *CQFRound) UnpackRecipientOf(data []byte) (common.Address, error) {
	out, err := cQFRound.abi.Unpack("recipientOf", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackRefund is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7ad226dc.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function refund(uint256 projectId, address pledger) returns()
func (cQFRound *CQFRound) PackRefund(projectId *big.Int, pledger common.Address) []byte {
	enc, err := cQFRound.abi.Pack("refund", projectId, pledger)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRefund is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7ad226dc.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function refund(uint256 projectId, address pledger) returns()
func (cQFRound *CQFRound) TryPackRefund(projectId *big.Int, pledger common.Address) ([]byte, error) {
	return cQFRound.abi.Pack("refund", projectId, pledger)
}

// PackRegisterGap is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7160c6ea.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function registerGap(uint256 projectId, address recipient, address recipientId) returns()
func (cQFRound *CQFRound) PackRegisterGap(projectId *big.Int, recipient common.Address, recipientId common.Address) []byte {
	enc, err := cQFRound.abi.Pack("registerGap", projectId, recipient, recipientId)
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
func (cQFRound *CQFRound) TryPackRegisterGap(projectId *big.Int, recipient common.Address, recipientId common.Address) ([]byte, error) {
	return cQFRound.abi.Pack("registerGap", projectId, recipient, recipientId)
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

// PackRootFinalAt is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5098436a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function rootFinalAt() view returns(uint256)
func (cQFRound *CQFRound) PackRootFinalAt() []byte {
	enc, err := cQFRound.abi.Pack("rootFinalAt")
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
func (cQFRound *CQFRound) TryPackRootFinalAt() ([]byte, error) {
	return cQFRound.abi.Pack("rootFinalAt")
}

// UnpackRootFinalAt is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x5098436a.
//
// Solidity: function rootFinalAt() view returns(uint256)
func (cQFRound *CQFRound) UnpackRootFinalAt(data []byte) (*big.Int, error) {
	out, err := cQFRound.abi.Unpack("rootFinalAt", data)
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

// PackSweep is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x35faa416.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function sweep() returns()
func (cQFRound *CQFRound) PackSweep() []byte {
	enc, err := cQFRound.abi.Pack("sweep")
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
func (cQFRound *CQFRound) TryPackSweep() ([]byte, error) {
	return cQFRound.abi.Pack("sweep")
}

// PackSweepTo is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7ea219a5.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function sweepTo() view returns(address)
func (cQFRound *CQFRound) PackSweepTo() []byte {
	enc, err := cQFRound.abi.Pack("sweepTo")
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
func (cQFRound *CQFRound) TryPackSweepTo() ([]byte, error) {
	return cQFRound.abi.Pack("sweepTo")
}

// UnpackSweepTo is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x7ea219a5.
//
// Solidity: function sweepTo() view returns(address)
func (cQFRound *CQFRound) UnpackSweepTo(data []byte) (common.Address, error) {
	out, err := cQFRound.abi.Unpack("sweepTo", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
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

// CQFRoundGapRegistered represents a GapRegistered event raised by the CQFRound contract.
type CQFRoundGapRegistered struct {
	ProjectId   *big.Int
	Recipient   common.Address
	RecipientId common.Address
	Raw         *types.Log // Blockchain specific contextual infos
}

const CQFRoundGapRegisteredEventName = "GapRegistered"

// ContractEventName returns the user-defined event name.
func (CQFRoundGapRegistered) ContractEventName() string {
	return CQFRoundGapRegisteredEventName
}

// UnpackGapRegisteredEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event GapRegistered(uint256 indexed projectId, address indexed recipient, address recipientId)
func (cQFRound *CQFRound) UnpackGapRegisteredEvent(log *types.Log) (*CQFRoundGapRegistered, error) {
	event := "GapRegistered"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != cQFRound.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(CQFRoundGapRegistered)
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
	OldRoot [32]byte
	NewRoot [32]byte
	FinalAt *big.Int
	Raw     *types.Log // Blockchain specific contextual infos
}

const CQFRoundPayoutRootSetEventName = "PayoutRootSet"

// ContractEventName returns the user-defined event name.
func (CQFRoundPayoutRootSet) ContractEventName() string {
	return CQFRoundPayoutRootSetEventName
}

// UnpackPayoutRootSetEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event PayoutRootSet(bytes32 oldRoot, bytes32 newRoot, uint256 finalAt)
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
	Recipient common.Address
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
// Solidity: event PledgeMade(uint256 indexed projectId, address indexed pledger, uint256 limit, address recipient)
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

// CQFRoundRefunded represents a Refunded event raised by the CQFRound contract.
type CQFRoundRefunded struct {
	ProjectId *big.Int
	Pledger   common.Address
	Amount    *big.Int
	Raw       *types.Log // Blockchain specific contextual infos
}

const CQFRoundRefundedEventName = "Refunded"

// ContractEventName returns the user-defined event name.
func (CQFRoundRefunded) ContractEventName() string {
	return CQFRoundRefundedEventName
}

// UnpackRefundedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Refunded(uint256 indexed projectId, address indexed pledger, uint256 amount)
func (cQFRound *CQFRound) UnpackRefundedEvent(log *types.Log) (*CQFRoundRefunded, error) {
	event := "Refunded"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != cQFRound.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(CQFRoundRefunded)
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

// CQFRoundSwept represents a Swept event raised by the CQFRound contract.
type CQFRoundSwept struct {
	To     common.Address
	Amount *big.Int
	Raw    *types.Log // Blockchain specific contextual infos
}

const CQFRoundSweptEventName = "Swept"

// ContractEventName returns the user-defined event name.
func (CQFRoundSwept) ContractEventName() string {
	return CQFRoundSweptEventName
}

// UnpackSweptEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Swept(address indexed to, uint256 amount)
func (cQFRound *CQFRound) UnpackSweptEvent(log *types.Log) (*CQFRoundSwept, error) {
	event := "Swept"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != cQFRound.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(CQFRoundSwept)
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
	if bytes.Equal(raw[:4], cQFRound.abi.Errors["AlreadyClaimed"].ID.Bytes()[:4]) {
		return cQFRound.UnpackAlreadyClaimedError(raw[4:])
	}
	if bytes.Equal(raw[:4], cQFRound.abi.Errors["ChallengeWindowOpen"].ID.Bytes()[:4]) {
		return cQFRound.UnpackChallengeWindowOpenError(raw[4:])
	}
	if bytes.Equal(raw[:4], cQFRound.abi.Errors["ClaimDeadlineNotPassed"].ID.Bytes()[:4]) {
		return cQFRound.UnpackClaimDeadlineNotPassedError(raw[4:])
	}
	if bytes.Equal(raw[:4], cQFRound.abi.Errors["ClaimsClosed"].ID.Bytes()[:4]) {
		return cQFRound.UnpackClaimsClosedError(raw[4:])
	}
	if bytes.Equal(raw[:4], cQFRound.abi.Errors["GapAlreadyRegistered"].ID.Bytes()[:4]) {
		return cQFRound.UnpackGapAlreadyRegisteredError(raw[4:])
	}
	if bytes.Equal(raw[:4], cQFRound.abi.Errors["InvalidProof"].ID.Bytes()[:4]) {
		return cQFRound.UnpackInvalidProofError(raw[4:])
	}
	if bytes.Equal(raw[:4], cQFRound.abi.Errors["InvalidSettings"].ID.Bytes()[:4]) {
		return cQFRound.UnpackInvalidSettingsError(raw[4:])
	}
	if bytes.Equal(raw[:4], cQFRound.abi.Errors["LeafOverPledge"].ID.Bytes()[:4]) {
		return cQFRound.UnpackLeafOverPledgeError(raw[4:])
	}
	if bytes.Equal(raw[:4], cQFRound.abi.Errors["NothingToRefund"].ID.Bytes()[:4]) {
		return cQFRound.UnpackNothingToRefundError(raw[4:])
	}
	if bytes.Equal(raw[:4], cQFRound.abi.Errors["OverEscrow"].ID.Bytes()[:4]) {
		return cQFRound.UnpackOverEscrowError(raw[4:])
	}
	if bytes.Equal(raw[:4], cQFRound.abi.Errors["OwnableInvalidOwner"].ID.Bytes()[:4]) {
		return cQFRound.UnpackOwnableInvalidOwnerError(raw[4:])
	}
	if bytes.Equal(raw[:4], cQFRound.abi.Errors["OwnableUnauthorizedAccount"].ID.Bytes()[:4]) {
		return cQFRound.UnpackOwnableUnauthorizedAccountError(raw[4:])
	}
	if bytes.Equal(raw[:4], cQFRound.abi.Errors["ReentrancyGuardReentrantCall"].ID.Bytes()[:4]) {
		return cQFRound.UnpackReentrancyGuardReentrantCallError(raw[4:])
	}
	if bytes.Equal(raw[:4], cQFRound.abi.Errors["RootFinal"].ID.Bytes()[:4]) {
		return cQFRound.UnpackRootFinalError(raw[4:])
	}
	if bytes.Equal(raw[:4], cQFRound.abi.Errors["RootNotSet"].ID.Bytes()[:4]) {
		return cQFRound.UnpackRootNotSetError(raw[4:])
	}
	if bytes.Equal(raw[:4], cQFRound.abi.Errors["RootPosted"].ID.Bytes()[:4]) {
		return cQFRound.UnpackRootPostedError(raw[4:])
	}
	if bytes.Equal(raw[:4], cQFRound.abi.Errors["RoundEnded"].ID.Bytes()[:4]) {
		return cQFRound.UnpackRoundEndedError(raw[4:])
	}
	if bytes.Equal(raw[:4], cQFRound.abi.Errors["RoundNotEnded"].ID.Bytes()[:4]) {
		return cQFRound.UnpackRoundNotEndedError(raw[4:])
	}
	if bytes.Equal(raw[:4], cQFRound.abi.Errors["RoundNotStarted"].ID.Bytes()[:4]) {
		return cQFRound.UnpackRoundNotStartedError(raw[4:])
	}
	if bytes.Equal(raw[:4], cQFRound.abi.Errors["SafeERC20FailedOperation"].ID.Bytes()[:4]) {
		return cQFRound.UnpackSafeERC20FailedOperationError(raw[4:])
	}
	if bytes.Equal(raw[:4], cQFRound.abi.Errors["TooLateForWindow"].ID.Bytes()[:4]) {
		return cQFRound.UnpackTooLateForWindowError(raw[4:])
	}
	if bytes.Equal(raw[:4], cQFRound.abi.Errors["TransferMismatch"].ID.Bytes()[:4]) {
		return cQFRound.UnpackTransferMismatchError(raw[4:])
	}
	if bytes.Equal(raw[:4], cQFRound.abi.Errors["UnknownGap"].ID.Bytes()[:4]) {
		return cQFRound.UnpackUnknownGapError(raw[4:])
	}
	if bytes.Equal(raw[:4], cQFRound.abi.Errors["ZeroAmount"].ID.Bytes()[:4]) {
		return cQFRound.UnpackZeroAmountError(raw[4:])
	}
	if bytes.Equal(raw[:4], cQFRound.abi.Errors["ZeroRecipient"].ID.Bytes()[:4]) {
		return cQFRound.UnpackZeroRecipientError(raw[4:])
	}
	if bytes.Equal(raw[:4], cQFRound.abi.Errors["ZeroRoot"].ID.Bytes()[:4]) {
		return cQFRound.UnpackZeroRootError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// CQFRoundAlreadyClaimed represents a AlreadyClaimed error raised by the CQFRound contract.
type CQFRoundAlreadyClaimed struct {
	Leaf [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AlreadyClaimed(bytes32 leaf)
func CQFRoundAlreadyClaimedErrorID() common.Hash {
	return common.HexToHash("0xc842648490cc51188535862204e42a629795f8186ccc73d6de558559a23ee12f")
}

// UnpackAlreadyClaimedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AlreadyClaimed(bytes32 leaf)
func (cQFRound *CQFRound) UnpackAlreadyClaimedError(raw []byte) (*CQFRoundAlreadyClaimed, error) {
	out := new(CQFRoundAlreadyClaimed)
	if err := cQFRound.abi.UnpackIntoInterface(out, "AlreadyClaimed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// CQFRoundChallengeWindowOpen represents a ChallengeWindowOpen error raised by the CQFRound contract.
type CQFRoundChallengeWindowOpen struct {
	FinalAt *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ChallengeWindowOpen(uint256 finalAt)
func CQFRoundChallengeWindowOpenErrorID() common.Hash {
	return common.HexToHash("0x891b78617c635c77d9f0de561d46fa39deec198ce14aac58278e886f5d70bb12")
}

// UnpackChallengeWindowOpenError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ChallengeWindowOpen(uint256 finalAt)
func (cQFRound *CQFRound) UnpackChallengeWindowOpenError(raw []byte) (*CQFRoundChallengeWindowOpen, error) {
	out := new(CQFRoundChallengeWindowOpen)
	if err := cQFRound.abi.UnpackIntoInterface(out, "ChallengeWindowOpen", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// CQFRoundClaimDeadlineNotPassed represents a ClaimDeadlineNotPassed error raised by the CQFRound contract.
type CQFRoundClaimDeadlineNotPassed struct {
	ClaimDeadline *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ClaimDeadlineNotPassed(uint256 claimDeadline)
func CQFRoundClaimDeadlineNotPassedErrorID() common.Hash {
	return common.HexToHash("0xf04da1c41073861bd045d3a92d25ea4ca3905843e30f44e1e845c26fc4b33f1a")
}

// UnpackClaimDeadlineNotPassedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ClaimDeadlineNotPassed(uint256 claimDeadline)
func (cQFRound *CQFRound) UnpackClaimDeadlineNotPassedError(raw []byte) (*CQFRoundClaimDeadlineNotPassed, error) {
	out := new(CQFRoundClaimDeadlineNotPassed)
	if err := cQFRound.abi.UnpackIntoInterface(out, "ClaimDeadlineNotPassed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// CQFRoundClaimsClosed represents a ClaimsClosed error raised by the CQFRound contract.
type CQFRoundClaimsClosed struct {
	ClaimDeadline *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ClaimsClosed(uint256 claimDeadline)
func CQFRoundClaimsClosedErrorID() common.Hash {
	return common.HexToHash("0xc9240fd58b79f4f51fc35843e336267f0a9663423191092958b2d3d45784b0db")
}

// UnpackClaimsClosedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ClaimsClosed(uint256 claimDeadline)
func (cQFRound *CQFRound) UnpackClaimsClosedError(raw []byte) (*CQFRoundClaimsClosed, error) {
	out := new(CQFRoundClaimsClosed)
	if err := cQFRound.abi.UnpackIntoInterface(out, "ClaimsClosed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// CQFRoundGapAlreadyRegistered represents a GapAlreadyRegistered error raised by the CQFRound contract.
type CQFRoundGapAlreadyRegistered struct {
	ProjectId *big.Int
	Recipient common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error GapAlreadyRegistered(uint256 projectId, address recipient)
func CQFRoundGapAlreadyRegisteredErrorID() common.Hash {
	return common.HexToHash("0x225543fa4abde83eec98ea7d77f2d7c9cf03523d13e807827a9b59b73edf0c62")
}

// UnpackGapAlreadyRegisteredError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error GapAlreadyRegistered(uint256 projectId, address recipient)
func (cQFRound *CQFRound) UnpackGapAlreadyRegisteredError(raw []byte) (*CQFRoundGapAlreadyRegistered, error) {
	out := new(CQFRoundGapAlreadyRegistered)
	if err := cQFRound.abi.UnpackIntoInterface(out, "GapAlreadyRegistered", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// CQFRoundInvalidProof represents a InvalidProof error raised by the CQFRound contract.
type CQFRoundInvalidProof struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidProof()
func CQFRoundInvalidProofErrorID() common.Hash {
	return common.HexToHash("0x09bde339c6b182be216ee7ef8ccff6338c6ef7993445216112ae575c5438fd27")
}

// UnpackInvalidProofError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidProof()
func (cQFRound *CQFRound) UnpackInvalidProofError(raw []byte) (*CQFRoundInvalidProof, error) {
	out := new(CQFRoundInvalidProof)
	if err := cQFRound.abi.UnpackIntoInterface(out, "InvalidProof", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// CQFRoundInvalidSettings represents a InvalidSettings error raised by the CQFRound contract.
type CQFRoundInvalidSettings struct {
	What string
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidSettings(string what)
func CQFRoundInvalidSettingsErrorID() common.Hash {
	return common.HexToHash("0x94d02bea5ab04bc011aab94a4e99b43927d179148cc4fe3ed485a9c731fa2632")
}

// UnpackInvalidSettingsError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidSettings(string what)
func (cQFRound *CQFRound) UnpackInvalidSettingsError(raw []byte) (*CQFRoundInvalidSettings, error) {
	out := new(CQFRoundInvalidSettings)
	if err := cQFRound.abi.UnpackIntoInterface(out, "InvalidSettings", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// CQFRoundLeafOverPledge represents a LeafOverPledge error raised by the CQFRound contract.
type CQFRoundLeafOverPledge struct {
	ProjectId *big.Int
	Account   common.Address
	Amount    *big.Int
	Cap       *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error LeafOverPledge(uint256 projectId, address account, uint256 amount, uint256 cap)
func CQFRoundLeafOverPledgeErrorID() common.Hash {
	return common.HexToHash("0x72aff46c3f3a4474fd2d4a3923c9da4f20f0e51bef9960517fd7e59cac2a1c98")
}

// UnpackLeafOverPledgeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error LeafOverPledge(uint256 projectId, address account, uint256 amount, uint256 cap)
func (cQFRound *CQFRound) UnpackLeafOverPledgeError(raw []byte) (*CQFRoundLeafOverPledge, error) {
	out := new(CQFRoundLeafOverPledge)
	if err := cQFRound.abi.UnpackIntoInterface(out, "LeafOverPledge", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// CQFRoundNothingToRefund represents a NothingToRefund error raised by the CQFRound contract.
type CQFRoundNothingToRefund struct {
	ProjectId *big.Int
	Pledger   common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NothingToRefund(uint256 projectId, address pledger)
func CQFRoundNothingToRefundErrorID() common.Hash {
	return common.HexToHash("0x5bd9a0f6b8e1f79dab1f852b5058d7ee4cc8264f27d685e2e7b9183d338580b0")
}

// UnpackNothingToRefundError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NothingToRefund(uint256 projectId, address pledger)
func (cQFRound *CQFRound) UnpackNothingToRefundError(raw []byte) (*CQFRoundNothingToRefund, error) {
	out := new(CQFRoundNothingToRefund)
	if err := cQFRound.abi.UnpackIntoInterface(out, "NothingToRefund", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// CQFRoundOverEscrow represents a OverEscrow error raised by the CQFRound contract.
type CQFRoundOverEscrow struct {
	Claimed     *big.Int
	TotalLimits *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error OverEscrow(uint256 claimed, uint256 totalLimits)
func CQFRoundOverEscrowErrorID() common.Hash {
	return common.HexToHash("0x33f9e34d9e67d47348a43c371e65dbe19257f61a73c725c9439af032236e5efd")
}

// UnpackOverEscrowError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error OverEscrow(uint256 claimed, uint256 totalLimits)
func (cQFRound *CQFRound) UnpackOverEscrowError(raw []byte) (*CQFRoundOverEscrow, error) {
	out := new(CQFRoundOverEscrow)
	if err := cQFRound.abi.UnpackIntoInterface(out, "OverEscrow", raw); err != nil {
		return nil, err
	}
	return out, nil
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

// CQFRoundReentrancyGuardReentrantCall represents a ReentrancyGuardReentrantCall error raised by the CQFRound contract.
type CQFRoundReentrancyGuardReentrantCall struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ReentrancyGuardReentrantCall()
func CQFRoundReentrancyGuardReentrantCallErrorID() common.Hash {
	return common.HexToHash("0x3ee5aeb571de7fc460830b4d0017439a1ca56fb0bc39062227ade4fe4a24c1ca")
}

// UnpackReentrancyGuardReentrantCallError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ReentrancyGuardReentrantCall()
func (cQFRound *CQFRound) UnpackReentrancyGuardReentrantCallError(raw []byte) (*CQFRoundReentrancyGuardReentrantCall, error) {
	out := new(CQFRoundReentrancyGuardReentrantCall)
	if err := cQFRound.abi.UnpackIntoInterface(out, "ReentrancyGuardReentrantCall", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// CQFRoundRootFinal represents a RootFinal error raised by the CQFRound contract.
type CQFRoundRootFinal struct {
	Root [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error RootFinal(bytes32 root)
func CQFRoundRootFinalErrorID() common.Hash {
	return common.HexToHash("0x1762d5f930af568e3f59533f62c1d064440b4d4198c80f894803881f72e6fc9e")
}

// UnpackRootFinalError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error RootFinal(bytes32 root)
func (cQFRound *CQFRound) UnpackRootFinalError(raw []byte) (*CQFRoundRootFinal, error) {
	out := new(CQFRoundRootFinal)
	if err := cQFRound.abi.UnpackIntoInterface(out, "RootFinal", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// CQFRoundRootNotSet represents a RootNotSet error raised by the CQFRound contract.
type CQFRoundRootNotSet struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error RootNotSet()
func CQFRoundRootNotSetErrorID() common.Hash {
	return common.HexToHash("0x1c8b6259aeb173d20f581591fba4afbfb102e52ef1a93e7968c30d468a8b61bb")
}

// UnpackRootNotSetError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error RootNotSet()
func (cQFRound *CQFRound) UnpackRootNotSetError(raw []byte) (*CQFRoundRootNotSet, error) {
	out := new(CQFRoundRootNotSet)
	if err := cQFRound.abi.UnpackIntoInterface(out, "RootNotSet", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// CQFRoundRootPosted represents a RootPosted error raised by the CQFRound contract.
type CQFRoundRootPosted struct {
	Root [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error RootPosted(bytes32 root)
func CQFRoundRootPostedErrorID() common.Hash {
	return common.HexToHash("0x8a775dadeacfb00c1e2f89cd7622802ce756891f714ba08b63fa3db627633d4b")
}

// UnpackRootPostedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error RootPosted(bytes32 root)
func (cQFRound *CQFRound) UnpackRootPostedError(raw []byte) (*CQFRoundRootPosted, error) {
	out := new(CQFRoundRootPosted)
	if err := cQFRound.abi.UnpackIntoInterface(out, "RootPosted", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// CQFRoundRoundEnded represents a RoundEnded error raised by the CQFRound contract.
type CQFRoundRoundEnded struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error RoundEnded()
func CQFRoundRoundEndedErrorID() common.Hash {
	return common.HexToHash("0x6b5fd31b10b00ec94eb179707ba8b02caa87421f956fff0ee903bd6a22db99a4")
}

// UnpackRoundEndedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error RoundEnded()
func (cQFRound *CQFRound) UnpackRoundEndedError(raw []byte) (*CQFRoundRoundEnded, error) {
	out := new(CQFRoundRoundEnded)
	if err := cQFRound.abi.UnpackIntoInterface(out, "RoundEnded", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// CQFRoundRoundNotEnded represents a RoundNotEnded error raised by the CQFRound contract.
type CQFRoundRoundNotEnded struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error RoundNotEnded()
func CQFRoundRoundNotEndedErrorID() common.Hash {
	return common.HexToHash("0xc43172d21bf74cbed674887ee85af50b8d5cff736c427f68baaa04118c1d75ed")
}

// UnpackRoundNotEndedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error RoundNotEnded()
func (cQFRound *CQFRound) UnpackRoundNotEndedError(raw []byte) (*CQFRoundRoundNotEnded, error) {
	out := new(CQFRoundRoundNotEnded)
	if err := cQFRound.abi.UnpackIntoInterface(out, "RoundNotEnded", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// CQFRoundRoundNotStarted represents a RoundNotStarted error raised by the CQFRound contract.
type CQFRoundRoundNotStarted struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error RoundNotStarted()
func CQFRoundRoundNotStartedErrorID() common.Hash {
	return common.HexToHash("0x8e9c6e1c3ddb1e048d608fd6a1aea00fdc14aac36d22eca9fecbaf8709fe8f78")
}

// UnpackRoundNotStartedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error RoundNotStarted()
func (cQFRound *CQFRound) UnpackRoundNotStartedError(raw []byte) (*CQFRoundRoundNotStarted, error) {
	out := new(CQFRoundRoundNotStarted)
	if err := cQFRound.abi.UnpackIntoInterface(out, "RoundNotStarted", raw); err != nil {
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

// CQFRoundTooLateForWindow represents a TooLateForWindow error raised by the CQFRound contract.
type CQFRoundTooLateForWindow struct {
	FinalAt       *big.Int
	ClaimDeadline *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error TooLateForWindow(uint256 finalAt, uint256 claimDeadline)
func CQFRoundTooLateForWindowErrorID() common.Hash {
	return common.HexToHash("0xca9ff5281b95cf5304a318e3bd4e560320a45cc1c8afd7abaa3f3fe2a37eabfe")
}

// UnpackTooLateForWindowError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error TooLateForWindow(uint256 finalAt, uint256 claimDeadline)
func (cQFRound *CQFRound) UnpackTooLateForWindowError(raw []byte) (*CQFRoundTooLateForWindow, error) {
	out := new(CQFRoundTooLateForWindow)
	if err := cQFRound.abi.UnpackIntoInterface(out, "TooLateForWindow", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// CQFRoundTransferMismatch represents a TransferMismatch error raised by the CQFRound contract.
type CQFRoundTransferMismatch struct {
	Asked    *big.Int
	Received *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error TransferMismatch(uint256 asked, uint256 received)
func CQFRoundTransferMismatchErrorID() common.Hash {
	return common.HexToHash("0xad48e590aad0969daf0cd911caf9ac3cf200d6517523477d07e4b2e6fa73f0e2")
}

// UnpackTransferMismatchError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error TransferMismatch(uint256 asked, uint256 received)
func (cQFRound *CQFRound) UnpackTransferMismatchError(raw []byte) (*CQFRoundTransferMismatch, error) {
	out := new(CQFRoundTransferMismatch)
	if err := cQFRound.abi.UnpackIntoInterface(out, "TransferMismatch", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// CQFRoundUnknownGap represents a UnknownGap error raised by the CQFRound contract.
type CQFRoundUnknownGap struct {
	ProjectId *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error UnknownGap(uint256 projectId)
func CQFRoundUnknownGapErrorID() common.Hash {
	return common.HexToHash("0x220a67db055293402a3d175ea0739222c80b77714481d34cb709603248e05cfd")
}

// UnpackUnknownGapError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error UnknownGap(uint256 projectId)
func (cQFRound *CQFRound) UnpackUnknownGapError(raw []byte) (*CQFRoundUnknownGap, error) {
	out := new(CQFRoundUnknownGap)
	if err := cQFRound.abi.UnpackIntoInterface(out, "UnknownGap", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// CQFRoundZeroAmount represents a ZeroAmount error raised by the CQFRound contract.
type CQFRoundZeroAmount struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ZeroAmount()
func CQFRoundZeroAmountErrorID() common.Hash {
	return common.HexToHash("0x1f2a2005cb66a8e145327e8814e243a0996aec9bfe1e15a495778b1236dbd485")
}

// UnpackZeroAmountError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ZeroAmount()
func (cQFRound *CQFRound) UnpackZeroAmountError(raw []byte) (*CQFRoundZeroAmount, error) {
	out := new(CQFRoundZeroAmount)
	if err := cQFRound.abi.UnpackIntoInterface(out, "ZeroAmount", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// CQFRoundZeroRecipient represents a ZeroRecipient error raised by the CQFRound contract.
type CQFRoundZeroRecipient struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ZeroRecipient()
func CQFRoundZeroRecipientErrorID() common.Hash {
	return common.HexToHash("0xd27b44434400f41bccba90cdfad4d72c6c290b6d2304333570252b0a1dc90ded")
}

// UnpackZeroRecipientError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ZeroRecipient()
func (cQFRound *CQFRound) UnpackZeroRecipientError(raw []byte) (*CQFRoundZeroRecipient, error) {
	out := new(CQFRoundZeroRecipient)
	if err := cQFRound.abi.UnpackIntoInterface(out, "ZeroRecipient", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// CQFRoundZeroRoot represents a ZeroRoot error raised by the CQFRound contract.
type CQFRoundZeroRoot struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ZeroRoot()
func CQFRoundZeroRootErrorID() common.Hash {
	return common.HexToHash("0xb263ae738e814ca9af6ee56bb85daa47624e790421913c947dcba2aac07cfdbd")
}

// UnpackZeroRootError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ZeroRoot()
func (cQFRound *CQFRound) UnpackZeroRootError(raw []byte) (*CQFRoundZeroRoot, error) {
	out := new(CQFRoundZeroRoot)
	if err := cQFRound.abi.UnpackIntoInterface(out, "ZeroRoot", raw); err != nil {
		return nil, err
	}
	return out, nil
}
