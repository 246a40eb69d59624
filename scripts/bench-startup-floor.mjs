// The floor for one case: what every run must do and nothing else. Read the case and yaml.parse it, JSON.parse the
// compiled rules, format one sum with Intl.NumberFormat, write a line. `npm run bench` bundles it with esbuild (as
// the CLI is bundled) into .bench/startup-floor.mjs and times it against `node -e 0` beside the real command.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

const c = parse(readFileSync(process.argv[2], 'utf8'));
const rules = JSON.parse(readFileSync(process.argv[3], 'utf8'));
const sum = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2 }).format(c?.loss?.amount ?? 0);
process.stdout.write(`${Object.keys(c ?? {}).length} case fields, ${rules.set.rules.length} rules, ${sum}\n`);
