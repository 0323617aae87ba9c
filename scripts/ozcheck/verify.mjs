// Loads a tree dump and proof files written by `qf calc --out DIR` with the real
// @openzeppelin/merkle-tree and checks them: load + validate, the root, and that
// every proof file verifies and matches getProof. usage: node verify.mjs DIR
import fs from 'node:fs';
import path from 'node:path';
import { StandardMerkleTree } from '@openzeppelin/merkle-tree';

const dir = process.argv[2];
const tree = StandardMerkleTree.load(JSON.parse(fs.readFileSync(path.join(dir, 'tree.json'), 'utf8')));
tree.validate();
let checked = 0;
for (const f of fs.readdirSync(path.join(dir, 'proofs')).sort()) {
  const p = JSON.parse(fs.readFileSync(path.join(dir, 'proofs', f), 'utf8'));
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
