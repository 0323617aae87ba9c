// Loads a tree dump and the proofs written by `qf calc --out DIR` with the real
// @openzeppelin/merkle-tree and checks them: load + validate, the root, and that
// every proof (proofs/<gap>.json files, or the lines of proofs.jsonl, which must
// be sorted by gap) verifies and matches getProof. usage: node verify.mjs DIR
import fs from 'node:fs';
import path from 'node:path';
import { StandardMerkleTree } from '@openzeppelin/merkle-tree';

const dir = process.argv[2];
const tree = StandardMerkleTree.load(JSON.parse(fs.readFileSync(path.join(dir, 'tree.json'), 'utf8')));
tree.validate();
const proofs = [];
const lines = path.join(dir, 'proofs.jsonl');
if (fs.existsSync(lines)) {
  const text = fs.readFileSync(lines, 'utf8');
  if (!text.endsWith('\n')) throw new Error('proofs.jsonl: does not end with a newline');
  text.slice(0, -1).split('\n').forEach((l, i) => proofs.push([`proofs.jsonl line ${i + 1}`, JSON.parse(l)]));
  for (let i = 1; i < proofs.length; i++) {
    if (BigInt(proofs[i - 1][1].gap) >= BigInt(proofs[i][1].gap)) throw new Error(`${proofs[i][0]}: not sorted by gap`);
  }
} else {
  for (const f of fs.readdirSync(path.join(dir, 'proofs')).sort()) {
    proofs.push([f, JSON.parse(fs.readFileSync(path.join(dir, 'proofs', f), 'utf8'))]);
  }
}
let checked = 0;
for (const [f, p] of proofs) {
  if (p.root !== tree.root) throw new Error(`${f}: root ${p.root} != tree root ${tree.root}`);
  const value = [p.gap, p.recipient, p.amount];
  if (!StandardMerkleTree.verify(tree.root, ['uint256', 'address', 'uint256'], value, p.proof)) throw new Error(`${f}: proof does not verify`);
  if (tree.leafHash(value) !== p.leaf) throw new Error(`${f}: leaf ${p.leaf} != ${tree.leafHash(value)}`);
  const want = tree.getProof(value);
  if (JSON.stringify(want) !== JSON.stringify(p.proof)) throw new Error(`${f}: proof differs from getProof`);
  checked++;
}
if (checked !== tree.length) throw new Error(`checked ${checked} proofs for ${tree.length} leaves`);
console.log(`ozcheck: ${dir}: root ${tree.root}, ${checked} proofs verified by @openzeppelin/merkle-tree`);
