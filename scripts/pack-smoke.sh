#!/usr/bin/env bash
# Shows the package is publishable: `npm pack`, then run the tarball with npx in an empty folder
# (no source tree), on a real case, and check the verdict.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root"
tarball=$(npm pack --silent --pack-destination "$work" | tail -n 1)
cp test/cases/ta-quality.yaml "$work/case.yaml"
cd "$work"
npx --yes "./$tarball" case.yaml --format json > out.json
node -e '
  const a = JSON.parse(require("fs").readFileSync("out.json", "utf8"));
  if (a.format !== "dispute-assess/assessment" || a.trade_assurance.status !== "eligible") { console.error("unexpected verdict", a.trade_assurance); process.exit(1); }
  console.log(`pack-smoke: ${process.argv[1]} runs from npx with no source tree (Trade Assurance ${a.trade_assurance.status}, ${a.stats.rules} rules)`);
' "$tarball"
npx --yes "./$tarball" --version >/dev/null

# The library's types as a user's compiler sees them: the tarball installed alone (the package installs no
# dependencies, so no zod, chalk or yaml beside it), a strict TypeScript file that imports it, and the package's
# declarations checked too (skipLibCheck off). The compiler is the repository's, by absolute path.
mkdir "$work/user" && cd "$work/user"
echo '{ "name": "user", "private": true, "type": "module" }' > package.json
npm install --silent --no-audit --no-fund "../$tarball"
cat > tsconfig.json <<'JSON'
{
  "compilerOptions": {
    "target": "ES2022",
    "module": "NodeNext",
    "moduleResolution": "NodeNext",
    "strict": true,
    "exactOptionalPropertyTypes": true,
    "noUncheckedIndexedAccess": true,
    "skipLibCheck": false,
    "noEmit": true,
    "types": []
  },
  "files": ["use.ts"]
}
JSON
cat > use.ts <<'TS'
import { assess, builtinRuleSet, formatDiagnostic, render, type Assessment, type Case } from 'dispute-assess';

declare const caseText: string;

const result = assess(caseText, { file: 'case.yaml', today: '2026-03-10' });
if (result.ok) {
  const status: 'eligible' | 'ineligible' | 'uncertain' = result.assessment.trade_assurance.status;
  const text: string = render(result.assessment, 'text', { width: 80 });
  console.log(status, text, render(result.assessment, 'json'));
} else {
  const lines: string[] = result.diagnostics.map(formatDiagnostic);
  console.log(lines.join('\n'));
}

// The pure stage: a case built in code, typed field by field.
const c: Case = { order: { value: { amount: 1200, currency: 'USD' }, channel: 'trade_assurance' }, evidence: { contract: 'have' } };
const a: Assessment = assess(c, builtinRuleSet(), { today: '2026-03-10' });
console.log(a.findings.length);

// Typed, not `any`: each line below must be refused.
// @ts-expect-error XXX is no currency code
const badCurrency: Case = { order: { value: { amount: 1, currency: 'XXX' } } };
// @ts-expect-error no such field
const badField: Case = { order: { colour: 'red' } };
// @ts-expect-error a status is a word
const badStatus: number = a.trade_assurance.status;
console.log(badCurrency, badField, badStatus);
TS
# As Node resolves the package (NodeNext), and as a bundler does (the "types" condition of its exports).
for resolution in '' '--module preserve --moduleResolution bundler'; do
  # shellcheck disable=SC2086 # the options are words
  if ! node "$root/node_modules/typescript/bin/tsc" -p . $resolution > tsc.out 2>&1; then
    cat tsc.out >&2
    echo "pack-smoke: the installed package does not type-check in a strict TypeScript project (${resolution:-NodeNext}; see above)" >&2
    exit 1
  fi
done
echo 'pack-smoke: the installed package type-checks in a strict TypeScript project (NodeNext and bundler resolution, skipLibCheck off)'
