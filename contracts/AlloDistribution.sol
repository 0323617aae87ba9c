// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import "@openzeppelin/contracts/access/Ownable.sol";
import "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";

/// @title AlloDistribution: the payout half of Allo v2's
/// DonationVotingMerkleDistributionBaseStrategy, cut down to what checks a
/// qf `--leaf allo` tree. As in Allo, the pool manager posts a root, each
/// distribution names (index, recipientId, amount, proof), the recipient's
/// payout address comes from the strategy's own registry, the leaf is
/// keccak256(bytes.concat(keccak256(abi.encode(index, recipientId,
/// recipientAddress, amount)))), and a bitmap keeps each index paid once.
contract AlloDistribution is Ownable {
    using SafeERC20 for IERC20;

    struct Distribution {
        uint256 index;
        address recipientId;
        uint256 amount;
        bytes32[] merkleProof;
    }

    IERC20 public immutable token;
    bytes32 public merkleRoot;
    mapping(address => address) public recipientAddress;
    mapping(uint256 => uint256) private distributedBitMap;

    event DistributionUpdated(bytes32 merkleRoot);
    event FundsDistributed(uint256 amount, address grantee, address indexed token, address indexed recipientId);

    constructor(address _token) Ownable(msg.sender) {
        token = IERC20(_token);
    }

    function registerRecipient(address recipientId, address payTo) external onlyOwner {
        recipientAddress[recipientId] = payTo;
    }

    function updateDistribution(bytes32 _merkleRoot) external onlyOwner {
        merkleRoot = _merkleRoot;
        emit DistributionUpdated(_merkleRoot);
    }

    function isDistributed(uint256 index) public view returns (bool) {
        uint256 word = distributedBitMap[index / 256];
        return word & (1 << (index % 256)) != 0;
    }

    function distribute(Distribution[] calldata distributions) external {
        for (uint256 i = 0; i < distributions.length; i++) {
            Distribution calldata d = distributions[i];
            require(!isDistributed(d.index), "Already distributed");
            address payTo = recipientAddress[d.recipientId];
            require(payTo != address(0), "Unknown recipient");
            bytes32 node = keccak256(bytes.concat(keccak256(abi.encode(d.index, d.recipientId, payTo, d.amount))));
            require(MerkleProof.verify(d.merkleProof, merkleRoot, node), "Invalid proof");
            distributedBitMap[d.index / 256] |= 1 << (d.index % 256);
            token.safeTransfer(payTo, d.amount);
            emit FundsDistributed(d.amount, payTo, address(token), d.recipientId);
        }
    }
}
