// Package chain connects qf to an EVM chain through go-ethereum. For a
// QFRound or CQFRound (v2) contract it reads the registry (GapRegistered),
// the deposits (DonationMade, PledgeMade) and the roots posted in block
// windows that adapt to the node's limits ([Round.ScanEvents]); registers
// gaps ([Round.RegisterGap]); posts a closed round's Merkle root, or
// replaces it inside its challenge window ([Round.SubmitRoot]); claims a
// leaf once the root is final ([Round.Claim]); sweeps after the claim
// deadline ([Round.Sweep]); deploys the contracts ([DeployRound],
// [DeployCQFRound], [DeployToken]); and follows a contract as a verifier,
// recomputing every posted root from the chain's own events ([Watcher]).
// For an Allo v2 DonationVotingMerkleDistribution strategy it reads
// allocationEndTime and the Allocated events of both of Allo's signatures
// ([OpenAllo], [AlloStrategy.ScanAllocations]), and finds a contract's
// deploy block from past state ([DeployBlock]).
//
// Transactions: [CheckPending] refuses a signer with a transaction still in
// the node's pool, or points the next one at its nonce with higher fees (so
// a retry never executes twice); gas is the node's estimate plus a quarter;
// reverts, at estimation or once mined, are named from the contracts'
// custom errors ([DecodeRevert]).
//
// Everything goes through [Backend], which both *ethclient.Client (a node over
// JSON-RPC, see [Dial]) and go-ethereum's simulated chain satisfy, so the
// tests run the real bytecode in-process and against a real geth --dev.
//
// Every refusal is an exported sentinel error ([ErrChainID], [ErrNoCode],
// [ErrNotQFRound], [ErrRootDiffers], [ErrRootFinal], [ErrChallengeWindow],
// [ErrPending], [ErrTooLate], [ErrNotOwner], [ErrRoundNotEnded], …) wrapped with what was
// found, so callers can test with errors.Is. They say what is wrong; the
// CLI adds what to do (--replace, --replace-root, --rpc: app/errors.go).
package chain
