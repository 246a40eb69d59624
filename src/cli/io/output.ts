// Writing to stdout and stderr, and choosing colour (see streams.ts).
export { colorFor, colorWanted, loadColor, plainColor, printDiagnostics, processIo, type Io } from './streams.js';
