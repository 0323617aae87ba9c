package chain

import (
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/contracts"
)

// TestAllocatedTopics: the import filters on Allo v2's two Allocated
// signatures, and the test contract logs exactly those.
func TestAllocatedTopics(t *testing.T) {
	for _, tc := range []struct {
		name, sig string
		got       common.Hash
	}{
		{"base strategy", "Allocated(address,uint256,address,address)", AllocatedTopic},
		{"with origin", "Allocated(address,uint256,address,address,address)", AllocatedOriginTopic},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, crypto.Keccak256Hash([]byte(tc.sig)), tc.got)
			a, err := contracts.AlloAllocationsMetaData.ParseABI()
			require.NoError(t, err)
			var found *abi.Event
			for _, e := range a.Events {
				if e.Sig == tc.sig {
					found = &e
				}
			}
			require.NotNil(t, found, "AlloAllocations.sol logs %s", tc.sig)
			require.Equal(t, tc.got, found.ID)
		})
	}
}
