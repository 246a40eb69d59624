// Every fixture as a simulated buyer (issue 15): the interview is run against each fixture's facts (as the
// simulation test does for its six personas), and the final verdict compared with the full case's. Prints the
// number of questions (min, median, max, how many over 20) and every fixture whose verdict differs. About a
// minute; not part of `npm test`.
//
//   npx tsx scripts/interview-fixtures.ts [fixture.yaml ...]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { assess } from '../src/assess.js';
import { caseSchema } from '../src/case/schema.js';
import { builtinRules, ROOT } from '../test/helpers.js';
import { asAnswered, simulate, verdict } from '../test/interview-oracle.js';

const rules = builtinRules();
const only = process.argv.slice(2);
const files = readdirSync(join(ROOT, 'fixtures')).filter((f) => f.endsWith('.yaml') && (only.length === 0 || only.includes(f)));
let same = 0;
const counts: number[] = [];
const differ: string[] = [];
for (const f of files) {
  const data = parse(readFileSync(join(ROOT, 'fixtures', f), 'utf8')) as Record<string, unknown>;
  delete data.expect;
  const evidence = data.evidence as Record<string, unknown> | undefined;
  for (const [k, v] of Object.entries(evidence ?? {})) if (v && typeof v === 'object' && 'status' in v) evidence![k] = (v as { status: unknown }).status;
  const c = caseSchema.parse(data);
  const asOf = c.as_of ?? '2026-03-10';
  const { asked, built } = simulate(c, rules);
  counts.push(asked.length);
  const opts = { today: asOf, asOf };
  const got = JSON.stringify(verdict(assess(built, rules, opts)));
  const want = JSON.stringify(verdict(assess(asAnswered(c), rules, opts)));
  if (got === want) same++;
  else differ.push(`${f} (${asked.length} questions)\n  got  ${got}\n  want ${want}`);
}
counts.sort((a, b) => a - b);
console.log(
  `${same} of ${files.length} fixtures reach the full case's verdict; questions: min ${counts[0]}, median ${counts[counts.length >> 1]}, max ${counts.at(-1)}, over 20: ${counts.filter((n) => n > 20).length}`,
);
if (differ.length) console.log(differ.join('\n'));
