package chain

import (
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/qf-dev/qf/contracts"
)

// knownErrors are the custom errors of every contract qf talks to (the
// rounds', OpenZeppelin's Ownable, SafeERC20 and ERC-20 errors), by selector.
var knownErrors = sync.OnceValue(func() map[[4]byte]abi.Error {
	m := map[[4]byte]abi.Error{}
	for _, a := range []abi.ABI{contracts.NewQFRound().GetABI(), contracts.NewCQFRound().GetABI(), contracts.NewTestToken().GetABI()} {
		for _, e := range a.Errors {
			m[[4]byte(e.ID[:4])] = e
		}
	}
	return m
})

// DecodeRevert names the revert in data: Error(string)'s reason, a
// Panic's code, or a custom error with its arguments, such as
// "ChallengeWindowOpen(1767225600)". ok is false for data it cannot read.
func DecodeRevert(data []byte) (string, bool) {
	if len(data) < 4 {
		return "", false
	}
	if reason, err := abi.UnpackRevert(data); err == nil {
		return reason, true
	}
	e, found := knownErrors()[[4]byte(data[:4])]
	if !found {
		return "", false
	}
	vals, err := e.Inputs.Unpack(data[4:])
	if err != nil {
		return e.Name, true
	}
	args := make([]string, len(vals))
	for i, v := range vals {
		switch v := v.(type) {
		case [32]byte:
			args[i] = common.Hash(v).Hex()
		case common.Address:
			args[i] = v.Hex()
		default:
			args[i] = fmt.Sprint(v)
		}
	}
	return e.Name + "(" + strings.Join(args, ", ") + ")", true
}

// revertData is the revert data a node attached to err (eth_estimateGas
// and eth_call answer a revert with it), or nil.
func revertData(err error) []byte {
	var de rpc.DataError
	if !errors.As(err, &de) {
		return nil
	}
	s, ok := de.ErrorData().(string)
	if !ok {
		return nil
	}
	b, err := hexutil.Decode(s)
	if err != nil {
		return nil
	}
	return b
}

// RevertName is the decoded custom error or reason in err, or "".
func RevertName(err error) string {
	if d := revertData(err); d != nil {
		if s, ok := DecodeRevert(d); ok {
			return s
		}
	}
	return ""
}
