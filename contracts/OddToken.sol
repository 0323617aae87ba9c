// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @title OddToken: a non-standard ERC-20 for tests. In mode NoReturn its
/// transfer and transferFrom return no data (as USDT does); in mode
/// ReturnFalse they move nothing and return false instead of reverting.
contract OddToken {
    enum Mode {
        NoReturn,
        ReturnFalse
    }

    Mode public mode;
    mapping(address => uint256) public balanceOf;
    mapping(address => mapping(address => uint256)) public allowance;

    event Transfer(address indexed from, address indexed to, uint256 value);

    function setMode(Mode m) external {
        mode = m;
    }

    function mint(address to, uint256 amount) external {
        balanceOf[to] += amount;
        emit Transfer(address(0), to, amount);
    }

    function approve(address spender, uint256 amount) external returns (bool) {
        allowance[msg.sender][spender] = amount;
        return true;
    }

    function transfer(address to, uint256 amount) external {
        _move(msg.sender, to, amount);
    }

    function transferFrom(address from, address to, uint256 amount) external {
        if (mode == Mode.NoReturn) {
            require(allowance[from][msg.sender] >= amount, "allowance");
            allowance[from][msg.sender] -= amount;
        }
        _move(from, to, amount);
    }

    function _move(address from, address to, uint256 amount) private {
        if (mode == Mode.ReturnFalse) {
            assembly {
                mstore(0, 0)
                return(0, 32)
            }
        }
        require(balanceOf[from] >= amount, "balance");
        balanceOf[from] -= amount;
        balanceOf[to] += amount;
        emit Transfer(from, to, amount);
    }
}
