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
