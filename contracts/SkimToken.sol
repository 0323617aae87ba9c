// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @title SkimToken: a fee-on-transfer ERC-20 for tests: every transfer
/// burns 1% of the amount on the way, so the receiver gets less than sent.
contract SkimToken is ERC20 {
    constructor() ERC20("qf skimming test token", "SKIM") {}

    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    function _update(address from, address to, uint256 value) internal override {
        if (from == address(0) || to == address(0)) {
            super._update(from, to, value);
            return;
        }
        uint256 fee = value / 100;
        super._update(from, address(0), fee);
        super._update(from, to, value - fee);
    }
}
