// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @title TestToken: an ERC-20 anyone can mint, for tests and the demo chain.
contract TestToken is ERC20 {
    constructor() ERC20("qf test token", "QFT") {}

    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }
}
