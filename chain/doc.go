// Package chain connects qf to an EVM chain through go-ethereum: it reads a
// QFRound contract's DonationMade events in block windows that adapt to the
// node's limits ([Round.ScanDonations]), posts a closed round's Merkle root
// with setMatchingRoot ([Round.SubmitRoot]), claims a match with a proof
// ([Round.Claim]), and deploys the contracts on test chains ([DeployRound],
// [DeployToken]).
//
// Everything goes through [Backend], which both *ethclient.Client (a node over
// JSON-RPC, see [Dial]) and go-ethereum's simulated chain satisfy, so the
// tests run the real bytecode in-process and against a real geth --dev.
//
// Every refusal is an exported sentinel error ([ErrChainID], [ErrNoCode],
// [ErrNotQFRound], [ErrRootDiffers], [ErrNotOwner], [ErrRoundNotEnded], …)
// wrapped with what was found, so callers can test with errors.Is and users
// read one line that says what to do.
package chain
