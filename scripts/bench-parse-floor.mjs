// The floor for batch mode: read every case file of a folder (recursively, sorted) and yaml.parse it, nothing else.
// Plain Node, no build step: `node scripts/bench-parse-floor.mjs DIR`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const dir = process.argv[2];
const files = readdirSync(dir, { recursive: true })
  .filter((f) => /\.ya?ml$/.test(f))
  .sort();
let keys = 0;
for (const f of files) keys += Object.keys(parse(readFileSync(join(dir, f), 'utf8')) ?? {}).length;
process.stdout.write(`${files.length} files, ${keys} top-level keys\n`);
