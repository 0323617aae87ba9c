// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import "@openzeppelin/contracts/access/Ownable.sol";
import "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";

/// @title QFRound v2: a quadratic-funding round that holds only its pool.
/// The owner registers each gap's recipient (GapRegistered) before or
/// during the round; donate forwards the donation straight to the gap's
/// recipient in the same call (DonationMade records the amount the recipient
/// received, and a token delivering anything else is refused), so the
/// contract only ever holds the matching pool. After the end the owner posts
/// qf's Merkle root; a challenge window opens, inside which the owner may
/// replace it (MatchingRootSet carries the old and the new root) and watchers
/// check it; a root must become final at least one window before the claim
/// deadline, so claimants always have that long to claim; after the window the root is final forever and each gap's
/// recipient claims its match once with the OpenZeppelin StandardMerkleTree
/// proof of (projectId, recipient, amount). Whatever the root says, the
/// contract never pays more than matchingPool in matches, and pays a gap's
/// match only to the gap's registered recipient. After the claim
/// deadline anyone may sweep what is left to the configured address.
contract QFRound is Ownable, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    IERC20 public immutable donationToken;
    uint256 public immutable matchingPool;
    uint256 public immutable roundStart;
    uint256 public immutable roundEnd;
    /// Seconds after a root is posted during which it may be replaced and claims wait.
    uint256 public immutable challengeWindow;
    /// After this time no claim is taken and sweep may run.
    uint256 public immutable claimDeadline;
    /// Where sweep sends what is left.
    address public immutable sweepTo;
    /// The block the contract was deployed in (where an import starts).
    uint256 public immutable deployBlock;

    /// Gap registry: each gap's payout address (donations and the match go
    /// here) and its optional Allo v2 recipientId (0 if none).
    mapping(uint256 => address) public recipientOf;
    mapping(uint256 => address) public recipientIdOf;

    bytes32 public matchingMerkleRoot;
    /// When the current root becomes final (claims open); 0 before any root.
    uint256 public rootFinalAt;
    uint256 public claimedTotal;
    mapping(uint256 => bool) public matchingClaimed;

    event GapRegistered(uint256 indexed projectId, address indexed recipient, address recipientId);
    event DonationMade(uint256 indexed projectId, address indexed donor, uint256 amount, address recipient);
    event MatchingRootSet(bytes32 oldRoot, bytes32 newRoot, uint256 finalAt);
    event MatchingDistributed(uint256 indexed projectId, address indexed recipient, uint256 amount);
    event Swept(address indexed to, uint256 amount);

    error InvalidSettings(string what);
    error RoundNotStarted();
    error RoundEnded();
    error RoundNotEnded();
    error ZeroAmount();
    error ZeroRecipient();
    error GapAlreadyRegistered(uint256 projectId, address recipient);
    error UnknownGap(uint256 projectId);
    error TransferMismatch(uint256 asked, uint256 received);
    error ZeroRoot();
    error RootFinal(bytes32 root);
    error TooLateForWindow(uint256 finalAt, uint256 claimDeadline);
    error PoolNotFunded(uint256 balance, uint256 matchingPool);
    error RootNotSet();
    error ChallengeWindowOpen(uint256 finalAt);
    error ClaimsClosed(uint256 claimDeadline);
    error AlreadyClaimed(uint256 projectId);
    error InvalidProof();
    error OverPool(uint256 claimed, uint256 matchingPool);
    error NotGapRecipient(uint256 projectId, address recipient);
    error ClaimDeadlineNotPassed(uint256 claimDeadline);

    constructor(
        address _token,
        uint256 _matchingPool,
        uint256 _start,
        uint256 _end,
        uint256 _challengeWindow,
        uint256 _claimDeadline,
        address _sweepTo
    ) Ownable(msg.sender) {
        if (_token == address(0)) revert InvalidSettings("token is the zero address");
        if (_matchingPool == 0) revert InvalidSettings("matchingPool is 0");
        if (_start >= _end) revert InvalidSettings("start is not before end");
        if (_challengeWindow == 0) revert InvalidSettings("challengeWindow is 0");
        // A root posted right after the end must still leave one window to claim.
        if (_claimDeadline <= _end + 2 * _challengeWindow) {
            revert InvalidSettings("claimDeadline is not after end + 2 * challengeWindow");
        }
        if (_sweepTo == address(0)) revert InvalidSettings("sweepTo is the zero address");
        donationToken = IERC20(_token);
        matchingPool = _matchingPool;
        roundStart = _start;
        roundEnd = _end;
        challengeWindow = _challengeWindow;
        claimDeadline = _claimDeadline;
        sweepTo = _sweepTo;
        deployBlock = block.number;
    }

    /// Registers gap projectId's payout address (and optional Allo
    /// recipientId), once, before the round ends.
    function registerGap(uint256 projectId, address recipient, address recipientId) external onlyOwner {
        if (block.timestamp > roundEnd) revert RoundEnded();
        if (recipient == address(0) || recipient == address(this)) revert ZeroRecipient();
        address have = recipientOf[projectId];
        if (have != address(0)) revert GapAlreadyRegistered(projectId, have);
        recipientOf[projectId] = recipient;
        if (recipientId != address(0)) recipientIdOf[projectId] = recipientId;
        emit GapRegistered(projectId, recipient, recipientId);
    }

    /// Donates amount to gap projectId: the tokens go from the donor to the
    /// gap's recipient in this call.
    function donate(uint256 projectId, uint256 amount) external nonReentrant {
        if (block.timestamp < roundStart) revert RoundNotStarted();
        if (block.timestamp > roundEnd) revert RoundEnded();
        if (amount == 0) revert ZeroAmount();
        address to = recipientOf[projectId];
        if (to == address(0)) revert UnknownGap(projectId);
        uint256 before = donationToken.balanceOf(to);
        donationToken.safeTransferFrom(msg.sender, to, amount);
        uint256 received = donationToken.balanceOf(to) - before;
        if (received != amount) revert TransferMismatch(amount, received);
        emit DonationMade(projectId, msg.sender, received, to);
    }

    /// Posts the matching root, or replaces it inside its challenge window.
    /// Each root posted opens a new window; after it the root is final.
    function setMatchingRoot(bytes32 _root) external onlyOwner {
        if (block.timestamp <= roundEnd) revert RoundNotEnded();
        if (_root == bytes32(0)) revert ZeroRoot();
        bytes32 old = matchingMerkleRoot;
        if (old != bytes32(0) && block.timestamp >= rootFinalAt) revert RootFinal(old);
        uint256 finalAt = block.timestamp + challengeWindow;
        // Claimants get at least one challenge window between finality and
        // the deadline: a root posted (or replaced) at the last moment would
        // otherwise leave no time to claim, and sweep would take the pool.
        if (finalAt + challengeWindow > claimDeadline) revert TooLateForWindow(finalAt, claimDeadline);
        uint256 held = donationToken.balanceOf(address(this));
        if (held < matchingPool) revert PoolNotFunded(held, matchingPool);
        matchingMerkleRoot = _root;
        rootFinalAt = finalAt;
        emit MatchingRootSet(old, _root, finalAt);
    }

    /// Pays gap projectId's match to recipient, once, after the root is
    /// final and before the claim deadline.
    function claimMatching(uint256 projectId, address recipient, uint256 matchingAmount, bytes32[] calldata proof)
        external
        nonReentrant
    {
        if (matchingMerkleRoot == bytes32(0)) revert RootNotSet();
        if (block.timestamp < rootFinalAt) revert ChallengeWindowOpen(rootFinalAt);
        if (block.timestamp > claimDeadline) revert ClaimsClosed(claimDeadline);
        if (matchingClaimed[projectId]) revert AlreadyClaimed(projectId);
        // Whatever the root says, a match goes only to the gap's registered recipient.
        if (recipient != recipientOf[projectId]) revert NotGapRecipient(projectId, recipient);
        bytes32 leaf = keccak256(bytes.concat(keccak256(abi.encode(projectId, recipient, matchingAmount))));
        if (!MerkleProof.verifyCalldata(proof, matchingMerkleRoot, leaf)) revert InvalidProof();
        uint256 total = claimedTotal + matchingAmount;
        if (total > matchingPool) revert OverPool(total, matchingPool);
        matchingClaimed[projectId] = true;
        claimedTotal = total;
        donationToken.safeTransfer(recipient, matchingAmount);
        emit MatchingDistributed(projectId, recipient, matchingAmount);
    }

    /// Sends everything the contract holds in the donation token to sweepTo,
    /// after the claim deadline. Anyone may call it.
    function sweep() external nonReentrant {
        if (block.timestamp <= claimDeadline) revert ClaimDeadlineNotPassed(claimDeadline);
        uint256 left = donationToken.balanceOf(address(this));
        donationToken.safeTransfer(sweepTo, left);
        emit Swept(sweepTo, left);
    }
}
