// Compiles contracts/*.sol with the pinned solc-js against the pinned
// @openzeppelin/contracts and writes contracts/build/<Name>.abi and .bin.
// Run through contracts/build.sh.
import fs from 'node:fs';
import path from 'node:path';
import solc from 'solc';

const here = path.dirname(new URL(import.meta.url).pathname);
const src = path.join(here, '..');
const out = path.join(src, 'build');
const names = ['AlloAllocations', 'AlloDistribution', 'CQFRound', 'OddToken', 'QFRound', 'ReentrantToken', 'SkimToken', 'TestToken'];
const input = {
  language: 'Solidity',
  sources: Object.fromEntries(names.map((n) => [`${n}.sol`, { content: fs.readFileSync(path.join(src, `${n}.sol`), 'utf8') }])),
  settings: {
    optimizer: { enabled: true, runs: 200 },
    evmVersion: 'cancun',
    metadata: { bytecodeHash: 'none' },
    outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
  },
};
function findImports(p) {
  const f = path.join(here, 'node_modules', p);
  return fs.existsSync(f) ? { contents: fs.readFileSync(f, 'utf8') } : { error: `not found: ${p}` };
}
const res = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
const errors = (res.errors || []).filter((e) => e.severity === 'error');
for (const e of res.errors || []) console.error(e.formattedMessage);
if (errors.length) process.exit(1);
fs.mkdirSync(out, { recursive: true });
for (const n of names) {
  const c = res.contracts[`${n}.sol`][n];
  fs.writeFileSync(path.join(out, `${n}.abi`), JSON.stringify(c.abi, null, 1) + '\n');
  fs.writeFileSync(path.join(out, `${n}.bin`), c.evm.bytecode.object + '\n');
}
console.error(`compiled ${names.join(', ')} with solc ${solc.version()}`);
