// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @title ReentrantToken: a hostile ERC-20 for tests. Once armed with a
/// target and calldata, its next transfer calls the target again from inside
/// the transfer (as a malicious token or a token with hooks could), and
/// records whether that reentrant call succeeded and what it returned.
contract ReentrantToken is ERC20 {
    address public target;
    bytes public data;
    bool public reentered;
    bool public reentryOk;
    bytes public reentryResult;

    constructor() ERC20("qf reentrant test token", "REEN") {}

    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    function arm(address _target, bytes calldata _data) external {
        target = _target;
        data = _data;
    }

    function _update(address from, address to, uint256 value) internal override {
        super._update(from, to, value);
        if (target != address(0) && from != address(0) && to != address(0)) {
            address t = target;
            target = address(0);
            reentered = true;
            (reentryOk, reentryResult) = t.call(data);
        }
    }
}
