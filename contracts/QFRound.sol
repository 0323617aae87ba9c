// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import "@openzeppelin/contracts/access/Ownable.sol";
import "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";

/// @title QFRound: the design note's round controller.
/// Donations in an ERC-20 are recorded on-chain (DonationMade); the matching
/// is computed off-chain by qf, whose Merkle root the owner posts after the
/// round ends; each gap's recipient then claims its match once, with the
/// OpenZeppelin StandardMerkleTree proof of (projectId, recipient, amount).
contract QFRound is Ownable {
    using SafeERC20 for IERC20;

    IERC20 public immutable donationToken;
    uint256 public immutable matchingPool;
    uint256 public immutable roundStart;
    uint256 public immutable roundEnd;

    mapping(uint256 => mapping(address => uint256)) public donations;
    mapping(uint256 => uint256) public projectTotalDonations;
    mapping(uint256 => address[]) public projectDonors;

    bytes32 public matchingMerkleRoot;
    mapping(uint256 => bool) public matchingClaimed;

    event DonationMade(uint256 indexed projectId, address indexed donor, uint256 amount);
    event MatchingRootSet(bytes32 root);
    event MatchingDistributed(uint256 indexed projectId, uint256 amount);

    constructor(address _token, uint256 _matchingPool, uint256 _start, uint256 _end) Ownable(msg.sender) {
        donationToken = IERC20(_token);
        matchingPool = _matchingPool;
        roundStart = _start;
        roundEnd = _end;
    }

    function donate(uint256 projectId, uint256 amount) external {
        require(block.timestamp >= roundStart, "Round not started");
        require(block.timestamp <= roundEnd, "Round ended");
        require(amount > 0, "Zero amount");
        if (donations[projectId][msg.sender] == 0) {
            projectDonors[projectId].push(msg.sender);
        }
        donations[projectId][msg.sender] += amount;
        projectTotalDonations[projectId] += amount;
        donationToken.safeTransferFrom(msg.sender, address(this), amount);
        emit DonationMade(projectId, msg.sender, amount);
    }

    /// Posts the matching root. Once a match has been claimed against a root
    /// it cannot be replaced (qf refuses to post over a different root too).
    function setMatchingRoot(bytes32 _root) external onlyOwner {
        require(block.timestamp > roundEnd, "Round not ended");
        require(_root != bytes32(0), "Zero root");
        matchingMerkleRoot = _root;
        emit MatchingRootSet(_root);
    }

    function claimMatching(uint256 projectId, address recipient, uint256 matchingAmount, bytes32[] calldata proof)
        external
    {
        require(!matchingClaimed[projectId], "Already claimed");
        require(matchingMerkleRoot != bytes32(0), "Root not set");
        bytes32 leaf = keccak256(bytes.concat(keccak256(abi.encode(projectId, recipient, matchingAmount))));
        require(MerkleProof.verify(proof, matchingMerkleRoot, leaf), "Invalid proof");
        matchingClaimed[projectId] = true;
        donationToken.safeTransfer(recipient, matchingAmount);
        emit MatchingDistributed(projectId, matchingAmount);
    }
}
