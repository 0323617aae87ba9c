// Package contracts will hold the QFRound Solidity contract, its compiled
// artifact and Go bindings, the root submitter and the DonationMade import.
package contracts
