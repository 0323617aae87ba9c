// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import "@openzeppelin/contracts/access/Ownable.sol";
import "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";

/// @title CQFRound: a coordinated-QF round (no matching pool).
/// Pledgers escrow their limits with pledge (PledgeMade, in join order: the
/// order the σ policy counts). After the end qf solves each gap's fixed
/// point and the owner posts the root of a tree whose leaves pay each gap's
/// recipient Σ pay_i and each pledger its refund L_i − pay_i: the leaves add
/// up to the escrowed limits exactly. Every leaf is claimed once, by anyone,
/// with its OpenZeppelin StandardMerkleTree proof of (projectId, account,
/// amount); the contract never pays out more than it holds in limits.
contract CQFRound is Ownable {
    using SafeERC20 for IERC20;

    IERC20 public immutable token;
    uint256 public immutable roundStart;
    uint256 public immutable roundEnd;

    mapping(uint256 => mapping(address => uint256)) public limits;
    mapping(uint256 => uint256) public projectLimits;
    uint256 public totalLimits;

    bytes32 public payoutRoot;
    uint256 public claimedTotal;
    mapping(bytes32 => bool) public leafClaimed;

    event PledgeMade(uint256 indexed projectId, address indexed pledger, uint256 limit);
    event PayoutRootSet(bytes32 root);
    event PayoutClaimed(uint256 indexed projectId, address indexed account, uint256 amount);

    constructor(address _token, uint256 _start, uint256 _end) Ownable(msg.sender) {
        token = IERC20(_token);
        roundStart = _start;
        roundEnd = _end;
    }

    function pledge(uint256 projectId, uint256 limit) external {
        require(block.timestamp >= roundStart, "Round not started");
        require(block.timestamp <= roundEnd, "Round ended");
        require(limit > 0, "Zero limit");
        limits[projectId][msg.sender] += limit;
        projectLimits[projectId] += limit;
        totalLimits += limit;
        token.safeTransferFrom(msg.sender, address(this), limit);
        emit PledgeMade(projectId, msg.sender, limit);
    }

    /// Posts the payout root; it can be replaced only until the first claim.
    function setPayoutRoot(bytes32 _root) external onlyOwner {
        require(block.timestamp > roundEnd, "Round not ended");
        require(_root != bytes32(0), "Zero root");
        require(claimedTotal == 0, "Claims made");
        payoutRoot = _root;
        emit PayoutRootSet(_root);
    }

    function claim(uint256 projectId, address account, uint256 amount, bytes32[] calldata proof) external {
        require(payoutRoot != bytes32(0), "Root not set");
        bytes32 leaf = keccak256(bytes.concat(keccak256(abi.encode(projectId, account, amount))));
        require(!leafClaimed[leaf], "Already claimed");
        require(MerkleProof.verify(proof, payoutRoot, leaf), "Invalid proof");
        leafClaimed[leaf] = true;
        claimedTotal += amount;
        require(claimedTotal <= totalLimits, "Over escrow");
        token.safeTransfer(account, amount);
        emit PayoutClaimed(projectId, account, amount);
    }
}
