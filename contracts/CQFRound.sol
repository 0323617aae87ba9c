// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import "@openzeppelin/contracts/access/Ownable.sol";
import "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";

/// @title CQFRound v2: a coordinated-QF round (no matching pool).
/// The owner registers each gap's recipient (GapRegistered). Pledgers escrow
/// their limits with pledge (PledgeMade, in join order: the order the σ
/// policy counts; a top-up is a pledge of its own and takes its own place);
/// the amount recorded is the amount the contract received, and a token
/// delivering anything else is refused. After the end qf solves each gap's
/// fixed point and the owner posts the root of a tree whose leaves pay each
/// gap's recipient Σ pay_i and each pledger its refund L_i − pay_i. Posting
/// opens a challenge window inside which the owner may replace the root;
/// after it the root is final, and every leaf is claimed once, by anyone,
/// with its OpenZeppelin StandardMerkleTree proof of (projectId, account,
/// amount). The contract never pays a gap's leaves more than the gap's
/// escrow, nor an account other than the gap's recipient more than its own
/// pledges to the gap: a root can move a pledge only to its own refund or to
/// the recipient it was pledged to.
/// A root must become final at least one window before the claim deadline.
/// If no root was ever posted, the escrow stays the pledgers': after the
/// claim deadline anyone may refund each pledger its pledges, and sweep
/// takes only what is beyond the unrefunded escrow. Otherwise, after the
/// claim deadline anyone may sweep what is left to sweepTo.
contract CQFRound is Ownable, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    IERC20 public immutable token;
    uint256 public immutable roundStart;
    uint256 public immutable roundEnd;
    uint256 public immutable challengeWindow;
    uint256 public immutable claimDeadline;
    address public immutable sweepTo;
    uint256 public immutable deployBlock;

    /// Gap registry: each gap's payout address (donations and the match go
    /// here) and its optional Allo v2 recipientId (0 if none).
    mapping(uint256 => address) public recipientOf;
    mapping(uint256 => address) public recipientIdOf;
    uint256 public totalLimits;
    /// Σ pledges per gap, and per gap and pledger: a leaf pays at most its
    /// gap's escrow, and a leaf to anyone but the gap's recipient at most
    /// that account's own pledges to the gap (its refund); with no root,
    /// refund returns each pledger's pledges.
    mapping(uint256 => uint256) public limitsOf;
    mapping(uint256 => mapping(address => uint256)) public pledgedTo;
    mapping(uint256 => uint256) public claimedOf;

    bytes32 public payoutRoot;
    uint256 public rootFinalAt;
    uint256 public claimedTotal;
    mapping(bytes32 => bool) public leafClaimed;

    event GapRegistered(uint256 indexed projectId, address indexed recipient, address recipientId);
    event PledgeMade(uint256 indexed projectId, address indexed pledger, uint256 limit, address recipient);
    event PayoutRootSet(bytes32 oldRoot, bytes32 newRoot, uint256 finalAt);
    event PayoutClaimed(uint256 indexed projectId, address indexed account, uint256 amount);
    event Swept(address indexed to, uint256 amount);
    event Refunded(uint256 indexed projectId, address indexed pledger, uint256 amount);

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
    error RootNotSet();
    error ChallengeWindowOpen(uint256 finalAt);
    error ClaimsClosed(uint256 claimDeadline);
    error AlreadyClaimed(bytes32 leaf);
    error InvalidProof();
    error OverEscrow(uint256 claimed, uint256 totalLimits);
    error ClaimDeadlineNotPassed(uint256 claimDeadline);
    error RootPosted(bytes32 root);
    error NothingToRefund(uint256 projectId, address pledger);
    error LeafOverPledge(uint256 projectId, address account, uint256 amount, uint256 cap);

    constructor(address _token, uint256 _start, uint256 _end, uint256 _challengeWindow, uint256 _claimDeadline, address _sweepTo)
        Ownable(msg.sender)
    {
        if (_token == address(0)) revert InvalidSettings("token is the zero address");
        if (_start >= _end) revert InvalidSettings("start is not before end");
        if (_challengeWindow == 0) revert InvalidSettings("challengeWindow is 0");
        // A root posted right after the end must still leave one window to claim.
        if (_claimDeadline <= _end + 2 * _challengeWindow) {
            revert InvalidSettings("claimDeadline is not after end + 2 * challengeWindow");
        }
        if (_sweepTo == address(0)) revert InvalidSettings("sweepTo is the zero address");
        token = IERC20(_token);
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

    /// Escrows limit for gap projectId; every call is its own pledge.
    function pledge(uint256 projectId, uint256 limit) external nonReentrant {
        if (block.timestamp < roundStart) revert RoundNotStarted();
        if (block.timestamp > roundEnd) revert RoundEnded();
        if (limit == 0) revert ZeroAmount();
        address to = recipientOf[projectId];
        if (to == address(0)) revert UnknownGap(projectId);
        uint256 before = token.balanceOf(address(this));
        token.safeTransferFrom(msg.sender, address(this), limit);
        uint256 received = token.balanceOf(address(this)) - before;
        if (received != limit) revert TransferMismatch(limit, received);
        totalLimits += received;
        limitsOf[projectId] += received;
        pledgedTo[projectId][msg.sender] += received;
        emit PledgeMade(projectId, msg.sender, received, to);
    }

    /// Posts the payout root, or replaces it inside its challenge window.
    function setPayoutRoot(bytes32 _root) external onlyOwner {
        if (block.timestamp <= roundEnd) revert RoundNotEnded();
        if (_root == bytes32(0)) revert ZeroRoot();
        bytes32 old = payoutRoot;
        if (old != bytes32(0) && block.timestamp >= rootFinalAt) revert RootFinal(old);
        uint256 finalAt = block.timestamp + challengeWindow;
        // Claimants get at least one challenge window before the deadline.
        if (finalAt + challengeWindow > claimDeadline) revert TooLateForWindow(finalAt, claimDeadline);
        payoutRoot = _root;
        rootFinalAt = finalAt;
        emit PayoutRootSet(old, _root, finalAt);
    }

    function claim(uint256 projectId, address account, uint256 amount, bytes32[] calldata proof) external nonReentrant {
        if (payoutRoot == bytes32(0)) revert RootNotSet();
        if (block.timestamp < rootFinalAt) revert ChallengeWindowOpen(rootFinalAt);
        if (block.timestamp > claimDeadline) revert ClaimsClosed(claimDeadline);
        bytes32 leaf = keccak256(bytes.concat(keccak256(abi.encode(projectId, account, amount))));
        if (leafClaimed[leaf]) revert AlreadyClaimed(leaf);
        if (!MerkleProof.verifyCalldata(proof, payoutRoot, leaf)) revert InvalidProof();
        uint256 limits = limitsOf[projectId];
        uint256 cap = account == recipientOf[projectId] ? limits : pledgedTo[projectId][account];
        if (amount > cap) revert LeafOverPledge(projectId, account, amount, cap);
        uint256 gapTotal = claimedOf[projectId] + amount;
        if (gapTotal > limits) revert OverEscrow(gapTotal, limits);
        leafClaimed[leaf] = true;
        claimedOf[projectId] = gapTotal;
        claimedTotal += amount;
        token.safeTransfer(account, amount);
        emit PayoutClaimed(projectId, account, amount);
    }

    /// Returns pledger's whole escrow on gap projectId to it, after the
    /// claim deadline, when no root was ever posted. Anyone may call it.
    function refund(uint256 projectId, address pledger) external nonReentrant {
        if (block.timestamp <= claimDeadline) revert ClaimDeadlineNotPassed(claimDeadline);
        if (payoutRoot != bytes32(0)) revert RootPosted(payoutRoot);
        uint256 amount = pledgedTo[projectId][pledger];
        if (amount == 0) revert NothingToRefund(projectId, pledger);
        pledgedTo[projectId][pledger] = 0;
        claimedTotal += amount;
        token.safeTransfer(pledger, amount);
        emit Refunded(projectId, pledger, amount);
    }

    /// Sends everything left to sweepTo, after the claim deadline; without a
    /// root, the unrefunded escrow stays for refund.
    function sweep() external nonReentrant {
        if (block.timestamp <= claimDeadline) revert ClaimDeadlineNotPassed(claimDeadline);
        uint256 left = token.balanceOf(address(this));
        if (payoutRoot == bytes32(0)) {
            uint256 owed = totalLimits - claimedTotal;
            left = left > owed ? left - owed : 0;
        }
        token.safeTransfer(sweepTo, left);
        emit Swept(sweepTo, left);
    }
}
