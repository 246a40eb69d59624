#!/usr/bin/env node
// CommonJS on purpose (bin/package.json): it starts faster than an ES module and can use the V8 code cache
// of the CLI bundle (see src/cli/load-bundle.ts). Runs main(argv) and sets the exit code; nothing else.
const { join } = require('node:path');
const { loadBundle } = require('../dist/cjs/load-bundle.cjs');

const { main } = loadBundle(join(__dirname, '..', 'dist', 'cjs', 'cli.cjs')).exports;
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
