#!/usr/bin/env node
// Node's compile cache (Node 22.1+; a no-op where Node lacks it), then the CLI bundle: main(argv) sets the exit code.
import module from 'node:module';

module.enableCompileCache?.();
const { main } = await import('../dist/cli.js');
process.exitCode = await main(process.argv.slice(2));
