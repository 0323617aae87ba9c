// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @title AlloAllocations: a test stand-in for the allocation half of Allo
/// v2's DonationVotingMerkleDistribution strategy. It emits the strategy's
/// Allocated events with their exact signatures and answers
/// allocationEndTime() as the strategy does, so `qf import chain --source
/// allo` reads it as it reads the real strategy. It moves no tokens and
/// checks nothing: tests use it to emit whatever a strategy could log.
///
/// The two signatures are Allo v2's own: the base strategy's
///   Allocated(address indexed recipientId, uint256 amount, address token, address sender)
/// and the later DonationVotingMerkleDistributionDirectTransferStrategy's
///   Allocated(address indexed recipientId, uint256 amount, address token, address sender, address origin)
/// where sender is whoever called Allo's allocate (a checkout contract) and
/// origin the donor (tx.origin).
contract AlloAllocations {
    event Allocated(address indexed recipientId, uint256 amount, address token, address sender);
    event Allocated(address indexed recipientId, uint256 amount, address token, address sender, address origin);

    uint64 public allocationEndTime;

    constructor(uint64 _allocationEndTime) {
        allocationEndTime = _allocationEndTime;
    }

    /// Logs the base strategy's Allocated, with msg.sender as sender.
    function allocate(address recipientId, uint256 amount, address token) external {
        emit Allocated(recipientId, amount, token, msg.sender);
    }

    /// Logs the origin variant, with msg.sender as sender and origin as given
    /// (a checkout contract's donor).
    function allocateWithOrigin(address recipientId, uint256 amount, address token, address origin) external {
        emit Allocated(recipientId, amount, token, msg.sender, origin);
    }
}
