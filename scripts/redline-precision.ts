// How precisely the redline marks changes (issue 15): marked words against a plain word diff, on the built
// site's real version histories (each version against the next) and on realistic edits made to every
// version (scripts/bench/redline-precision.ts). Reads the blocks a build publishes, so build first.
// Run: npm run precision [-- <dist folder>] [--pairs N]   (default dist, 40 edit pairs a version)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Block } from '../src/lib/diff/model.ts';
import { editPairs, formatPrecision, measurePrecision, type PrecisionPair } from './bench/redline-precision.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { pairs: { type: 'string', default: '40' } } });
const api = join(positionals[0] ?? 'dist', 'api');
const perVersion = Number(values.pairs);

const history: PrecisionPair[] = [];
const edited: PrecisionPair[] = [];
let seed = 1;
for (const doc of readdirSync(api, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
  const files = readdirSync(join(api, doc)).filter((f) => f.endsWith('.blocks.json')).sort();
  const versions = files.map((f) => ({ id: f.replace('.blocks.json', ''), blocks: JSON.parse(readFileSync(join(api, doc, f), 'utf8')) as Block[] }));
  versions.forEach((v, k) => {
    const prev = versions[k - 1];
    if (prev !== undefined) history.push({ name: `${doc} ${prev.id}...${v.id}`, old: prev.blocks, new: v.blocks });
    edited.push(...editPairs(`${doc} ${v.id}`, v.blocks, perVersion, seed++));
  });
}
if (history.length + edited.length === 0) {
  console.error(`No blocks found in ${api}: run npm run build first.`);
  process.exit(1);
}
const historyResult = measurePrecision(history);
const editedResult = measurePrecision(edited);
console.log(formatPrecision('Real adjacent versions', historyResult));
console.log(formatPrecision('Realistic edits', editedResult));
for (const name of [...historyResult.unfaithful, ...editedResult.unfaithful]) console.log(`  does not read back: ${name}`);
