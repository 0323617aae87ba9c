// Generates seeded random cases with the real @openzeppelin/merkle-tree, in the
// format of merkle/testdata/oz-standard-merkle-tree.json, for
// TestOpenZeppelinCrossCheck. usage: node gen.mjs [SEED] [N] > cases.json
import { StandardMerkleTree } from '@openzeppelin/merkle-tree';

const seed = BigInt(process.argv[2] ?? '1');
const n = Number(process.argv[3] ?? '120');
let state = seed * 6364136223846793005n + 1442695040888963407n;
function rnd(bits) { // xorshift-ish 64-bit PRNG over BigInt, deterministic for a seed
  let out = 0n;
  for (let got = 0; got < bits; got += 64) {
    state ^= (state << 13n) & 0xffffffffffffffffn; state ^= state >> 7n; state ^= (state << 17n) & 0xffffffffffffffffn;
    out = (out << 64n) | state;
  }
  return out & ((1n << BigInt(bits)) - 1n);
}
const int = (max) => Number(rnd(32) % BigInt(max));
const hex = (bytes) => '0x' + rnd(bytes * 8).toString(16).padStart(bytes * 2, '0');
function uint() { // small, mid and extreme values
  switch (int(4)) { case 0: return String(rnd(8)); case 1: return String(rnd(64)); case 2: return String(rnd(128)); default: return String((1n << 256n) - 1n - rnd(8)); }
}
const encodings = [
  ['uint256', 'address', 'uint256'],
  ['uint256', 'address', 'address', 'uint256'],
  ['address', 'uint256'],
  ['string', 'uint256'],
  ['bytes32', 'bool', 'uint8'],
];
function value(enc) {
  return enc.map((t) => {
    switch (t) {
      case 'uint256': return uint();
      case 'address': return hex(20);
      case 'bytes32': return hex(32);
      case 'bool': return int(2) ? 'true' : 'false';
      case 'uint8': return String(int(256));
      case 'string': return 'gap-' + int(1e6);
    }
  });
}
const cases = [];
for (let k = 0; k < n; k++) {
  const enc = k < n / 2 ? encodings[0] : encodings[k % encodings.length];
  const size = [1, 2, 3, 4, 5, 7, 8, 9, 16, 17, 33, 100, 257][k % 13];
  const sortLeaves = k % 10 !== 9;
  const values = Array.from({ length: size }, () => value(enc));
  // JS values: bools must be booleans for the encoder
  const jsValues = values.map((v) => v.map((x, i) => (enc[i] === 'bool' ? x === 'true' : x)));
  const tree = StandardMerkleTree.of(jsValues, enc, { sortLeaves });
  const indices = size >= 3 ? [0, 2] : [0];
  const mp = tree.getMultiProof(indices);
  const strv = (v) => v.map((x) => String(x));
  const dump = tree.dump();
  dump.values = dump.values.map((e) => ({ value: strv(e.value), treeIndex: e.treeIndex }));
  cases.push({
    name: `${k}-${enc.join('_')}-${size}${sortLeaves ? '' : '-unsorted'}`,
    leafEncoding: enc, sortLeaves, values,
    root: tree.root,
    leafHashes: jsValues.map((v) => tree.leafHash(v)),
    proofs: jsValues.map((_, i) => tree.getProof(i)),
    multiProof02: { indices, leaves: mp.leaves.map(strv), proof: mp.proof, proofFlags: mp.proofFlags },
    dump,
  });
}
process.stdout.write(JSON.stringify({ generator: '@openzeppelin/merkle-tree 1.0.8 StandardMerkleTree (scripts/ozcheck/gen.mjs)', cases }, null, 1));
