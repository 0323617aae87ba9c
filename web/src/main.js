// qf's round page. Data: round.json and tree.json next to this file (see
// package site). Hashing and proofs: @openzeppelin/merkle-tree; ABI encoding
// and amounts: viem. No request leaves this site except to the wallet
// (window.ethereum) and a bundle address the visitor types in.
import { StandardMerkleTree } from '@openzeppelin/merkle-tree';
import { encodeFunctionData, decodeFunctionResult, formatUnits, isAddress, getAddress, isHex } from 'viem';
import qfRoundAbi from '../../contracts/build/QFRound.abi';

const $ = (id) => document.getElementById(id);
const el = (tag, attrs = {}, ...kids) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'text') e.textContent = v;
    else if (k === 'class') e.className = v;
    else e.setAttribute(k, v);
  }
  for (const k of kids) e.append(k);
  return e;
};
const svgEl = (tag, attrs = {}) => {
  const e = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
};

const state = { data: null, dump: null, tree: null, gaps: [], sort: { key: 'gap', dir: 1 }, leaf: null, verified: null, account: null };

// ---------- amounts (exact: BigInt base units; formatting only for people)
const big = (s) => BigInt(s);
const fmt = (s) => {
  const d = state.data ? state.data.decimals : 0;
  return d ? formatUnits(BigInt(s), d) : String(s);
};
const unit = () => (state.data && state.data.decimals ? ' tokens' : ' base units');
const pct = (part, whole) => {
  if (whole === 0n) return '0.00%';
  const bp = (part * 1000000n) / whole; // 1e-4 percent
  const s = bp.toString().padStart(5, '0');
  return `${s.slice(0, -4)}.${s.slice(-4, -2)}%`;
};

// ---------- load
async function load() {
  try {
    const [rd, td] = await Promise.all([getJSON('round.json'), getJSON('tree.json')]);
    if (rd.format !== 'qf-round-page/1') throw new Error(`round.json: format ${JSON.stringify(rd.format)}, want "qf-round-page/1"`);
    state.data = rd;
    state.dump = td;
    state.tree = StandardMerkleTree.load(td);
    const matched = big(rd.report.matched);
    state.gaps = rd.report.gaps.map((g) => ({
      gap: big(g.gap), recipient: g.recipient, contributors: g.contributors,
      direct: big(g.direct), match: big(g.match), share: matched === 0n ? 0n : big(g.match), capped: !!g.capped,
    }));
    renderRound();
    renderChart();
    renderGaps();
    if (rd.chain) $('contract').value = rd.chain.contract;
    document.body.dataset.ready = 'true';
  } catch (e) {
    const p = $('load-error');
    p.hidden = false;
    p.textContent = `Could not load this round: ${e.message}`;
    document.body.dataset.ready = 'error';
  }
}

async function getJSON(url) {
  const r = await fetch(url, { cache: 'no-cache' });
  if (!r.ok) throw new Error(`${url}: ${r.status} ${(await r.text()).trim()}`);
  try {
    return await r.json();
  } catch (e) {
    throw new Error(`${url}: not JSON (${e.message})`);
  }
}

// ---------- round view
function renderRound() {
  const d = state.data, rep = d.report, s = d.settings;
  const name = d.name ? `${d.name} (round ${d.round})` : `Round ${d.round}`;
  $('title').textContent = name;
  document.title = `${name} · qf`;
  const st = $('status-line');
  st.textContent = '';
  st.append('Status: ', el('span', { class: 'badge', id: 'status', text: d.status }), ` · ${rep.gaps.length} gaps · root `, el('code', { text: d.root }));
  const rows = [
    ['mechanism', rep.mechanism],
    ['pool', fmt(rep.pool) + unit()],
    ['matched', fmt(rep.matched) + unit()],
    ['unspent', fmt(rep.unspent) + unit()],
    ['direct funding', fmt(rep.direct) + unit()],
    ['contributions', String(rep.contributions)],
    ['donors', String(rep.donors)],
    ['decimals', String(d.decimals)],
    ['cap per gap', s.capBps ? `${s.capBps / 100}% of the pool` : 'none'],
    ['minimum matched amount', s.minAmount && s.minAmount !== '0' ? fmt(s.minAmount) + unit() : 'none'],
    ['upscale to the pool', s.noUpscale ? 'no' : 'yes'],
    ['score scale', s.scoreScale || 'none'],
    ['parameters', s.params && Object.keys(s.params).length ? Object.entries(s.params).map(([k, v]) => `${k}=${v}`).join(', ') : 'none'],
    ['leaf encoding', `${d.leaf}: (${state.dump.leafEncoding.join(', ')})`],
    ['root', d.root],
    ['status', d.status],
  ];
  if (d.chain) {
    rows.push(['chain id', String(d.chain.chainId)], ['contract', d.chain.contract]);
    if (d.chain.submitTx) rows.push(['root posted in', d.chain.submitTx]);
  }
  const dl = $('settings');
  dl.textContent = '';
  for (const [k, v] of rows) dl.append(el('dt', { text: k }), el('dd', { text: v, class: /^0x/.test(v) ? 'mono' : '' }));
  const tb = $('inputs').tBodies[0];
  tb.textContent = '';
  for (const i of d.inputs) {
    tb.append(el('tr', {}, el('td', {}, el('a', { href: i.file, text: i.file })), el('td', { class: 'num', text: String(i.rows) }), el('td', { class: 'mono', text: i.sha256 })));
  }
}

// A horizontal stacked bar per gap (direct, then match), the largest totals
// first; the figure's caption says how many are drawn.
function renderChart() {
  const top = [...state.gaps].sort((a, b) => cmpBig(b.direct + b.match, a.direct + a.match) || cmpBig(a.gap, b.gap)).slice(0, 25);
  const max = top.reduce((m, g) => (g.direct + g.match > m ? g.direct + g.match : m), 0n) || 1n;
  // One SVG unit is one CSS pixel, so the labels keep their size on a phone.
  const W = Math.max(300, Math.min(900, $('chart').clientWidth || 640)), label = 70, right = 150, bar = 18, gap = 6;
  const H = top.length * (bar + gap) + 4;
  const svg = svgEl('svg', { viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: 'img', 'aria-labelledby': 'chart-desc' });
  const scale = (v) => Number((v * 100000n) / max) / 100000 * (W - label - right);
  top.forEach((g, i) => {
    const y = i * (bar + gap) + 2;
    const wd = scale(g.direct), wm = scale(g.match);
    const t = svgEl('text', { x: label - 6, y: y + bar - 4, 'text-anchor': 'end' });
    t.textContent = `gap ${g.gap}`;
    svg.append(t, svgEl('rect', { x: label, y, width: wd.toFixed(2), height: bar, fill: '#0969da' }),
      svgEl('rect', { x: (label + wd).toFixed(2), y, width: wm.toFixed(2), height: bar, fill: '#bf8700' }));
    const v = svgEl('text', { x: (label + wd + wm + 4).toFixed(2), y: y + bar - 4 });
    v.textContent = `${short(g.direct)} + ${short(g.match)}`;
    svg.append(v);
  });
  const fig = $('chart');
  fig.textContent = '';
  const more = state.gaps.length > top.length ? `the ${top.length} largest of ${state.gaps.length} gaps` : `all ${top.length} gaps`;
  fig.append(
    el('div', { class: 'legend', 'aria-hidden': 'true' }, el('span', {}, el('span', { class: 'sw direct' }), 'direct'), el('span', {}, el('span', { class: 'sw match' }), 'match')),
    svg,
    el('figcaption', { id: 'chart-desc', class: 'muted', text: `Direct funding (blue) and match (amber) per gap, ${more}, by total; amounts in${unit()}.` }),
  );
}

function short(v) {
  const s = fmt(v.toString());
  const [i, f] = s.split('.');
  return f ? `${i}.${f.slice(0, 2)}` : i;
}

const cmpBig = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

function renderGaps() {
  const q = $('search').value.trim().toLowerCase();
  const { key, dir } = state.sort;
  let rows = state.gaps;
  if (q) rows = rows.filter((g) => g.gap.toString() === q || g.recipient.toLowerCase().includes(q) || g.gap.toString().startsWith(q));
  rows = [...rows].sort((a, b) => {
    const x = a[key], y = b[key];
    const c = typeof x === 'bigint' ? cmpBig(x, y) : typeof x === 'number' ? x - y : String(x).localeCompare(String(y));
    return dir * c || cmpBig(a.gap, b.gap);
  });
  const matched = big(state.data.report.matched);
  const frag = document.createDocumentFragment();
  for (const g of rows) {
    const claim = el('button', { type: 'button', 'data-gap': g.gap.toString(), 'aria-label': `Claim gap ${g.gap}`, text: 'claim' });
    frag.append(el('tr', { 'data-gap': g.gap.toString() },
      el('td', { text: g.gap.toString() }),
      el('td', { class: 'addr', text: g.recipient }),
      el('td', { class: 'num', text: String(g.contributors) }),
      el('td', { class: 'num', text: fmt(g.direct) }),
      el('td', { class: 'num', text: fmt(g.match) + (g.capped ? ' (capped)' : '') }),
      el('td', { class: 'num', text: pct(g.match, matched) }),
      el('td', {}, g.match > 0n ? claim : '')));
  }
  const tb = $('gaps').tBodies[0];
  tb.textContent = '';
  tb.append(frag);
  $('gap-count').textContent = q ? `${rows.length} of ${state.gaps.length} gaps match` : `${state.gaps.length} gaps`;
  for (const th of $('gaps').tHead.rows[0].cells) {
    if (!th.dataset.key) continue;
    th.setAttribute('aria-sort', th.dataset.key === key ? (dir > 0 ? 'ascending' : 'descending') : 'none');
  }
}

function setupTable() {
  $('search').addEventListener('input', () => state.data && renderGaps());
  $('gaps').tHead.addEventListener('click', (e) => {
    const th = e.target.closest('th[data-key]');
    if (!th || !state.data) return;
    const key = th.dataset.key;
    state.sort = { key, dir: state.sort.key === key ? -state.sort.dir : key === 'gap' || key === 'recipient' ? 1 : -1 };
    renderGaps();
  });
  $('gaps').tBodies[0].addEventListener('click', (e) => {
    const b = e.target.closest('button[data-gap]');
    if (!b) return;
    $('find').value = b.dataset.gap;
    location.hash = '#claim';
    find();
  });
}

// ---------- claim view
function find() {
  const q = $('find').value.trim();
  const out = $('find-result');
  $('leaf').hidden = true;
  state.leaf = null;
  state.verified = null;
  if (!state.tree) return;
  const enc = state.dump.leafEncoding;
  if (enc.join(',') !== 'uint256,address,uint256') {
    out.textContent = `This round's leaves are ${enc.join(', ')}: claim them through the contract that holds this encoding (e.g. Allo's distribute).`;
    return;
  }
  let hits = [];
  if (/^\d+$/.test(q)) {
    hits = state.dump.values.map((v, i) => ({ v: v.value, i })).filter(({ v }) => BigInt(v[0]) === BigInt(q));
  } else if (isAddress(q, { strict: false })) {
    const a = q.toLowerCase();
    hits = state.dump.values.map((v, i) => ({ v: v.value, i })).filter(({ v }) => v[1].toLowerCase() === a);
  } else {
    out.textContent = `"${q}" is neither a gap number nor a 0x address of 40 hex digits.`;
    out.className = 'bad';
    return;
  }
  out.className = '';
  if (hits.length === 0) {
    out.textContent = `No leaf for ${q}: the gap has no match in this round, or the address is not a recipient.`;
    out.className = 'bad';
    return;
  }
  if (hits.length > 1) {
    out.textContent = `${q} receives ${hits.length} leaves: `;
    for (const h of hits) {
      const b = el('button', { type: 'button', text: `gap ${h.v[0]}` });
      b.addEventListener('click', () => showLeaf(h.i));
      out.append(b, ' ');
    }
    return;
  }
  out.textContent = `Found gap ${hits[0].v[0]}.`;
  showLeaf(hits[0].i);
}

function showLeaf(i) {
  const v = state.dump.values[i].value;
  let proof;
  try {
    proof = state.tree.getProof(i);
  } catch (e) {
    $('find-result').textContent = `tree.json is inconsistent at this leaf: ${e.message}`;
    $('find-result').className = 'bad';
    return;
  }
  state.leaf = { value: v, index: i };
  $('leaf-gap').textContent = v[0];
  $('leaf-recipient').textContent = getAddress(v[1]);
  $('leaf-amount').textContent = `${fmt(v[2])}${unit()} (${v[2]} base units)`;
  $('leaf-hash').textContent = state.tree.leafHash(v);
  $('leaf-root').textContent = state.data.root;
  $('proof').value = proof.join('\n');
  $('proof-result').textContent = '';
  $('tx-status').textContent = '';
  $('claimed-status').textContent = '';
  $('leaf').hidden = false;
  verifyProof();
  if (state.account) refreshClaimed();
}

// readProof parses the textarea: hashes one per line (or a JSON array, or a
// qf proof file's {"proof": [...]}).
function readProof() {
  const text = $('proof').value.trim();
  let list;
  if (text.startsWith('[') || text.startsWith('{')) {
    const j = JSON.parse(text);
    list = Array.isArray(j) ? j : j.proof;
    if (!Array.isArray(list)) throw new Error('the JSON has no "proof" list');
  } else {
    list = text ? text.split(/[\s,]+/).filter(Boolean) : [];
  }
  list.forEach((h, n) => {
    if (!isHex(h, { strict: true }) || h.length !== 66) throw new Error(`line ${n + 1}: ${JSON.stringify(h)} is not a 32-byte 0x hash`);
  });
  return list;
}

function verifyProof() {
  const out = $('proof-result');
  state.verified = null;
  $('claim').disabled = true;
  let proof;
  try {
    proof = readProof();
  } catch (e) {
    out.className = 'bad';
    out.textContent = `Invalid: ${e.message}`;
    return false;
  }
  const ok = StandardMerkleTree.verify(state.data.root, state.dump.leafEncoding, state.leaf.value, proof);
  if (ok) {
    state.verified = proof;
    out.className = 'ok';
    out.textContent = `Valid: the proof leads from leaf ${state.tree.leafHash(state.leaf.value)} to the root ${state.data.root}.`;
  } else {
    out.className = 'bad';
    out.textContent = `Invalid: this proof does not lead from the leaf to the root ${state.data.root}; the contract would refuse it.`;
  }
  updateClaimButton();
  return ok;
}

// ---------- wallet (EIP-1193)
const wallet = () => window.ethereum;
const rpc = (method, params = []) => wallet().request({ method, params });
const contract = () => $('contract').value.trim();

function say(id, cls, text) {
  $(id).className = cls;
  $(id).textContent = text;
}

async function connect() {
  if (!wallet()) {
    say('wallet-status', 'bad', 'No wallet found: install a browser wallet (window.ethereum), or claim with qf claim.');
    return;
  }
  try {
    const accounts = await rpc('eth_requestAccounts');
    if (!accounts || !accounts.length) throw new Error('the wallet gave no account');
    state.account = getAddress(accounts[0]);
    if (!(await checkChain())) return;
    await refreshClaimed();
  } catch (e) {
    say('wallet-status', 'bad', `Wallet: ${errText(e)}`);
  }
}

async function checkChain() {
  const want = state.data.chain && state.data.chain.chainId;
  const got = Number(BigInt(await rpc('eth_chainId')));
  state.chainOK = !want || got === want;
  if (!state.chainOK) {
    say('wallet-status', 'bad', `Your wallet is on chain ${got}; this round pays on chain ${want}. Switch network in your wallet, then connect again.`);
    try { await rpc('wallet_switchEthereumChain', [{ chainId: `0x${want.toString(16)}` }]); } catch { /* the visitor switches by hand */ }
    updateClaimButton();
    return false;
  }
  say('wallet-status', '', `Connected as ${state.account} on chain ${got}${want ? '' : ' (this round names no chain: check the contract address yourself)'}.`);
  return true;
}

async function call(fn, args) {
  const data = encodeFunctionData({ abi: qfRoundAbi, functionName: fn, args });
  const res = await rpc('eth_call', [{ to: contract(), data }, 'latest']);
  return decodeFunctionResult({ abi: qfRoundAbi, functionName: fn, data: res });
}

async function refreshClaimed() {
  state.claimed = null;
  state.rootOK = false;
  if (!state.leaf || !state.account) return updateClaimButton();
  if (!isAddress(contract(), { strict: false })) {
    say('wallet-status', 'bad', 'Enter the round contract\'s 0x address.');
    return updateClaimButton();
  }
  try {
    const onchain = await call('matchingMerkleRoot', []);
    if (onchain.toLowerCase() !== state.data.root.toLowerCase()) {
      say('wallet-status', 'bad', `The contract holds root ${onchain}, not this page's ${state.data.root}: do not claim here.`);
      return updateClaimButton();
    }
    // The root is final only after its challenge window (QFRound v2):
    // claims before it, or after the claim deadline, would revert.
    const [finalAt, deadline, head] = await Promise.all([
      call('rootFinalAt', []), call('claimDeadline', []), rpc('eth_getBlockByNumber', ['latest', false])]);
    const now = BigInt(head.timestamp);
    const when = (t) => new Date(Number(t) * 1000).toISOString();
    if (now < finalAt) {
      say('wallet-status', 'bad', `Challenge window: the owner may still replace this root until ${when(finalAt)}; claims open then.`);
      document.body.dataset.chainStatus = 'window';
      return updateClaimButton();
    }
    if (now > deadline) {
      say('wallet-status', 'bad', `Claims closed at ${when(deadline)}; what was not claimed can be swept.`);
      document.body.dataset.chainStatus = 'closed';
      return updateClaimButton();
    }
    document.body.dataset.chainStatus = 'final';
    state.rootOK = true;
    state.claimed = await call('matchingClaimed', [BigInt(state.leaf.value[0])]);
    say('claimed-status', state.claimed ? 'ok' : '', state.claimed
      ? `Already claimed: gap ${state.leaf.value[0]}'s match has been paid (the contract says so).`
      : `Not claimed yet: the contract holds this page's root and will pay ${fmt(state.leaf.value[2])}${unit()} to ${getAddress(state.leaf.value[1])}.`);
  } catch (e) {
    say('wallet-status', 'bad', `Reading the contract: ${errText(e)}`);
  }
  updateClaimButton();
}

function updateClaimButton() {
  $('claim').disabled = !(state.verified && state.account && state.chainOK && state.rootOK && state.claimed === false);
}

async function claim() {
  const [gap, recipient, amount] = state.leaf.value;
  const data = encodeFunctionData({ abi: qfRoundAbi, functionName: 'claimMatching', args: [BigInt(gap), getAddress(recipient), BigInt(amount), state.verified] });
  $('claim').disabled = true;
  try {
    if (!(await checkChain())) return;
    say('tx-status', '', 'Confirm the transaction in your wallet…');
    const hash = await rpc('eth_sendTransaction', [{ from: state.account, to: getAddress(contract()), data }]);
    say('tx-status', '', `Sent ${hash}; waiting for it to be mined…`);
    for (;;) {
      const r = await rpc('eth_getTransactionReceipt', [hash]);
      if (r) {
        if (r.status === '0x1') {
          say('tx-status', 'ok', `Claimed: ${fmt(amount)}${unit()} paid to ${getAddress(recipient)} in block ${BigInt(r.blockNumber)} (transaction ${hash}).`);
          document.body.dataset.claimed = hash;
        } else {
          say('tx-status', 'bad', `The transaction ${hash} reverted in block ${BigInt(r.blockNumber)}.`);
        }
        break;
      }
      await new Promise((res) => setTimeout(res, 1000));
    }
  } catch (e) {
    say('tx-status', 'bad', `Claim failed: ${errText(e)}`);
  }
  await refreshClaimed();
}

const errText = (e) => (e && (e.shortMessage || e.message)) || String(e);

// ---------- verify view
async function verifyBundle(dump, report, from) {
  const diffs = [];
  const out = $('verify-result');
  const list = $('verify-diffs');
  list.textContent = '';
  out.className = '';
  out.textContent = `Verifying ${from}…`;
  try {
    if (!dump || dump.format !== 'standard-v1') throw new Error(`${from}: tree.json is not an OpenZeppelin standard-v1 dump`);
    if (!Array.isArray(dump.values) || !Array.isArray(dump.tree) || !Array.isArray(dump.leafEncoding)) throw new Error(`${from}: tree.json lacks values, tree or leafEncoding`);
    const enc = dump.leafEncoding;
    // 1. Every leaf re-hashed against the node the dump says it is.
    const rebuilt = StandardMerkleTree.of(dump.values.map((v) => v.value), enc);
    dump.values.forEach((v, i) => {
      const h = rebuilt.leafHash(v.value);
      const node = dump.tree[v.treeIndex];
      if (!node || node.toLowerCase() !== h) diffs.push(`leaf ${i} (${v.value.join(', ')}): tree.json has ${node} at node ${v.treeIndex}, its hash is ${h}`);
    });
    // 2. The root recomputed from the leaves alone.
    const root = rebuilt.root;
    if ((dump.tree[0] || '').toLowerCase() !== root) diffs.push(`tree.json's root ${dump.tree[0]} is not the root of its leaves, ${root}`);
    if (root !== state.data.root.toLowerCase()) diffs.push(`root of the bundle's leaves ${root} ≠ this round's root ${state.data.root}`);
    // 3. Leaves against this round's report (standard leaves: gap, recipient, amount).
    if (enc.join(',') === 'uint256,address,uint256') {
      compareLeaves(dump, state.data.report, 'this round', diffs);
      if (report) compareLeaves(dump, report, 'report.json', diffs);
      let total = 0n;
      for (const v of dump.values) total += BigInt(v.value[2]);
      if (total > BigInt(state.data.report.pool)) diffs.push(`the leaves pay ${total}, more than the pool ${state.data.report.pool}`);
    }
    if (report && report.root && report.root.toLowerCase() !== root) diffs.push(`report.json's root ${report.root} ≠ the bundle's root ${root}`);
    for (const d of diffs) list.append(el('li', { text: d }));
    if (diffs.length === 0) {
      out.className = 'ok';
      out.textContent = `Valid: all ${dump.values.length} leaves re-hashed and the tree recomputed to the root ${root}${report ? ', and report.json agrees' : ''}.`;
    } else {
      out.className = 'bad';
      out.textContent = `Invalid: ${diffs.length} difference${diffs.length > 1 ? 's' : ''} between ${from} and this round:`;
    }
  } catch (e) {
    out.className = 'bad';
    out.textContent = `Invalid: ${errText(e)}`;
  }
}

function compareLeaves(dump, report, what, diffs) {
  const leaves = new Map();
  for (const v of dump.values) {
    const g = BigInt(v.value[0]).toString();
    if (leaves.has(g)) diffs.push(`gap ${g} has two leaves`);
    leaves.set(g, v.value);
  }
  const seen = new Set();
  for (const g of report.gaps || []) {
    if (BigInt(g.match) === 0n) continue;
    seen.add(g.gap);
    const v = leaves.get(g.gap);
    if (!v) { diffs.push(`gap ${g.gap}: ${what} pays ${g.match}, the bundle has no leaf`); continue; }
    if (BigInt(v[2]) !== BigInt(g.match)) diffs.push(`gap ${g.gap}: the leaf pays ${v[2]}, ${what} says ${g.match}`);
    if (v[1].toLowerCase() !== g.recipient.toLowerCase()) diffs.push(`gap ${g.gap}: the leaf pays ${v[1]}, ${what} names ${g.recipient}`);
  }
  for (const g of leaves.keys()) if (!seen.has(g)) diffs.push(`gap ${g}: the bundle has a leaf, ${what} has no match for it`);
}

function setupVerify() {
  $('bundle-files').addEventListener('change', async (e) => {
    let dump = null, report = null;
    const names = [];
    try {
      for (const f of e.target.files) {
        names.push(f.name);
        const j = JSON.parse(await f.text());
        if (j.format === 'standard-v1') dump = j; else if (Array.isArray(j.gaps)) report = j;
      }
    } catch (err) {
      say('verify-result', 'bad', `Invalid: ${names[names.length - 1]} is not JSON (${err.message})`);
      return;
    }
    if (!dump) { say('verify-result', 'bad', 'Choose the bundle\'s tree.json (an OpenZeppelin standard-v1 dump).'); return; }
    await verifyBundle(dump, report, names.join(' + '));
  });
  $('verify-url').addEventListener('submit', async (e) => {
    e.preventDefault();
    let base = $('bundle-url').value.trim() || './';
    if (!base.endsWith('/')) base += '/';
    try {
      const dump = await getJSON(new URL('tree.json', new URL(base, location.href)).href);
      let report = null;
      try { report = await getJSON(new URL('report.json', new URL(base, location.href)).href); } catch { /* optional */ }
      await verifyBundle(dump, report, base);
    } catch (err) {
      say('verify-result', 'bad', `Invalid: ${errText(err)}`);
    }
  });
  $('verify-this').addEventListener('click', () => verifyBundle(state.dump, null, 'tree.json'));
}

// ---------- views
function route(e) {
  const v = (location.hash || '#round').slice(1);
  const view = ['round', 'claim', 'verify'].includes(v) ? v : 'round';
  for (const name of ['round', 'claim', 'verify']) $(`view-${name}`).hidden = name !== view;
  for (const a of document.querySelectorAll('nav a')) {
    if (a.dataset.view === view) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  }
  if (view === 'round' && state.data) renderChart(); // sized to the now visible figure
  if (e) $(`h-${view}`).focus(); // keyboard and screen-reader users land on the view they chose
}

function setup() {
  window.addEventListener('hashchange', (e) => route(e));
  let resizing;
  window.addEventListener('resize', () => { clearTimeout(resizing); resizing = setTimeout(() => state.data && renderChart(), 150); });
  route(null);
  setupTable();
  $('find-form').addEventListener('submit', (e) => { e.preventDefault(); find(); });
  $('verify-proof').addEventListener('click', verifyProof);
  $('proof').addEventListener('input', () => { state.verified = null; $('claim').disabled = true; $('proof-result').textContent = 'Proof edited: verify it again.'; $('proof-result').className = ''; });
  $('connect').addEventListener('click', connect);
  $('claim').addEventListener('click', claim);
  $('contract').addEventListener('change', refreshClaimed);
  setupVerify();
  load();
}

setup();
