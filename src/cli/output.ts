// Writing to stdout and stderr, and choosing colour. The light parts live in streams.ts (no chalk at start);
// colorFor here loads chalk with this module, for commands that always render with it.
import { Chalk, type ChalkInstance } from 'chalk';
import { colorWanted, type Io } from './streams.js';

export { colorWanted, loadColor, plainColor, printDiagnostics, processIo, type Io } from './streams.js';

/** Colour on only for a terminal, and never with NO_COLOR or --no-color. */
export function colorFor(io: Io, wanted: boolean): ChalkInstance {
  return new Chalk({ level: colorWanted(io, wanted) ? 1 : 0 });
}
