// The command-line program. The only layer that touches process, files and prompts.
// Commander parses every command line; each command's module loads only when that command runs.
import pkg from '../../package.json' with { type: 'json' };
import { isOutputError, processIo, safeIo, type Io } from './io/streams.js';
import { EXIT } from '../exit-code.js';
import { diag, formatDiagnostic } from '../source/diagnostics.js';
import type { AssessFlags } from './commands/assess.js';
import { mistypedCommand, ROOT_HELP_AFTER, unknownHelpTopic } from './help.js';

const collect = (v: string, prev: string[]) => [...prev, v];

/** The main command's options when none is given (commander gets the same defaults). */
const DEFAULTS: AssessFlags = { format: 'text', color: true, rules: [], builtinRules: true };

/** Run the CLI with arguments (without node and script); resolves to the exit code. */
export async function main(argv: string[], rawIo: Io = processIo()): Promise<number> {
  // One boundary for terminal safety: every write of every command goes through the sanitiser.
  const io = safeIo(rawIo);
  try {
    return await runProgram(argv, io);
  } catch (e) {
    try {
      if (isOutputError(e)) io.err(`dispute-assess: ${e.message}\n`);
      else {
        io.err(`dispute-assess: internal error: ${(e as Error)?.message ?? String(e)}\n`);
        if (argv.includes('--debug')) io.err(`${(e as Error)?.stack ?? ''}\n`);
        else io.err('(run with --debug for details; please report this)\n');
      }
    } catch {
      // stderr cannot be written either: the exit code is all that is left
    }
    return EXIT.input;
  }
}

/** A usage error of commander ("error: unknown option '--x'") in the documented diagnostic format. */
function usageDiagnostic(message: string): string {
  const text = `${message.trim().replace(/^error: /, '')} (run dispute-assess --help for usage)`;
  return `${formatDiagnostic(diag('usage', text, { file: '(arguments)' }))}\n`;
}

async function runProgram(argv: string[], io: Io): Promise<number> {
  const { Argument, Command, CommanderError, Option } = await import('commander');
  /** Subcommands accept --debug too (read from argv in main), since program options stop at a subcommand. */
  const debugOption = () => new Option('--debug', 'show stack traces of internal errors').hideHelp();
  let code: number = EXIT.ok;
  const program = new Command('dispute-assess')
    .description(
      'Where a buyer stands in a dispute with a supplier found on Alibaba and similar channels: evidence gaps, Trade Assurance eligibility, ranked strategies and a dated plan.\nThis is not legal advice.',
    )
    .version(pkg.version, '-V, --version')
    // Program options only before a subcommand: `check --rules X` must reach check, not the main command.
    .enablePositionalOptions()
    .argument('[paths...]', 'case files (YAML), or folders of them (searched recursively)')
    .addOption(
      new Option('-f, --format <format>', 'output format (json: one JSON line per case when there are several)')
        .choices(['text', 'json'])
        .default(DEFAULTS.format),
    )
    .option('--explain', 'show every rule, its conditions with the values seen, and its source')
    .option('--sources', 'list every source in full: title, author, date, address and what was cited')
    .option('--no-color', 'no colour (also NO_COLOR, or when output is not a terminal)')
    .option('--fail-on <severity>', 'exit 1 when a finding reaches this severity (info, low, medium, high, critical)')
    .option('--as-of <date>', "assess as of this date (YYYY-MM-DD) instead of the case's as_of or today")
    .option('--rules <dir>', 'also load the rule files in this folder (repeatable)', collect, [])
    .option('--no-builtin-rules', 'do not load the built-in rule packs')
    .option('--debug', 'show stack traces of internal errors')
    // Issue 18: -o, config files, `help <command>`, examples and exit codes in --help.
    .option('-o, --output <file>', 'write the report to this file (replaced only once complete) instead of standard output')
    .option('--no-config', 'ignore config files (dispute-assess.config.yaml, package.json, the user config)')
    .helpCommand('help [command]', 'show help for a command')
    .addHelpText('after', ROOT_HELP_AFTER)
    .exitOverride()
    // Help is 80 columns wide and plain everywhere; commander's defaults would ask process.stdout, whose
    // creation loads node:tty, net and the stream modules (a few milliseconds of every --help).
    .configureOutput({
      writeOut: (s) => io.out(s),
      writeErr: (s) => io.err(s),
      outputError: (s, write) => write(usageDiagnostic(s)),
      getOutHelpWidth: () => 80,
      getErrHelpWidth: () => 80,
      getOutHasColors: () => false,
      getErrHasColors: () => false,
    })
    .action(async (files: string[], rawOpts: AssessFlags & { config?: boolean }, cmd: InstanceType<typeof Command>) => {
      const mistyped = mistypedCommand(files, [...program.commands.map((c) => c.name()), 'help']);
      if (mistyped) return void (io.err(`${formatDiagnostic(mistyped)}\n`), (code = EXIT.input));
      if (files.length === 0 && rawOpts.output !== undefined)
        return void (io.err(usageDiagnostic('--output needs a case file (or - for standard input)')), (code = EXIT.input));
      const { configuredOptions } = await import('./config.js');
      const opts = configuredOptions(rawOpts, (k) => cmd.getOptionValueSource(k), io);
      if (!opts) return void (code = EXIT.input);
      if (files.length === 0) {
        const { runNoFile } = await import('./commands/interview.js');
        code = await runNoFile(opts, io);
        return;
      }
      const { runAssess } = await import('./commands/assess.js');
      code = await runAssess(files, opts, io);
    });
  program
    .command('schema')
    .description('print the JSON Schema of the case file (for editors); with --rules, of rule files; with --expect, of fixture expectation files')
    .option('--rules', 'the schema of rule files instead')
    .option('--expect', 'the schema of fixture expectation files (<name>.expect.yaml) instead')
    .option('--assessment', 'the schema of the assessment that --format json prints instead')
    .addOption(debugOption())
    .action(async (opts) => {
      const { runSchema } = await import('./commands/schema.js');
      code = runSchema(opts, io);
    });
  program
    .command('rules')
    .description(
      "the rule reference: every rule by pack, or one rule's page (what it decides, its condition, parameters, sources, fixtures); 'rules derived' for the derived facts",
    )
    .argument('[id]', 'a rule id (ta/paid-on-platform), a derived fact (derived.ta_window_end), or derived')
    .option('--rules <dir>', 'also load the rule files in this folder (repeatable)', collect, [])
    .option('--no-builtin-rules', 'do not load the built-in rule packs')
    .addOption(debugOption())
    .action(async (id: string | undefined, opts) => {
      const { runRules } = await import('./commands/rules.js');
      code = runRules(id, opts, io);
    });
  program
    .command('check')
    .description('assess fixture cases and compare with their expectations (default folder: fixtures/)')
    .argument('[paths...]', 'fixture files or folders')
    .option('--rules <dir>', 'also load the rule files in this folder (repeatable)', collect, [])
    .option('--no-builtin-rules', 'do not load the built-in rule packs (check your own pack alone)')
    .option('--grep <pattern>', 'only fixtures whose path matches this regular expression')
    .option('-f, --format <format>', 'output format: text, junit (JUnit XML for CI) or json', 'text')
    .option('--coverage', 'per rule, how many fixtures fired and decided it; rules no fixture fires or decides')
    .option('--min-coverage <percent>', 'exit 1 when fewer than this percentage of rules fire in at least one fixture')
    .option('--no-color', 'no colour')
    .addOption(debugOption())
    .addHelpText(
      'after',
      '\nExit codes: 0 all passed; 1 a fixture failed or coverage is below --min-coverage; 2 unreadable fixtures or rules, or a usage error.\nExpectations are written by people: there is deliberately no --update.',
    )
    .action(async (paths: string[], opts) => {
      const { runCheck } = await import('./commands/check.js');
      code = runCheck(paths, opts, io);
    });
  program
    .command('interview')
    .description('answer questions instead of writing a case file; saves the case as YAML and shows the assessment')
    .option('-o, --out <file>', 'save the case to this file (asks before replacing an existing one)')
    .option('--resume <file>', 'continue with a saved case file: asks only what is still unknown and relevant')
    .option('--force', 'replace the --out file without asking')
    .option('--as-of <date>', 'assess as of this date (YYYY-MM-DD) instead of today')
    .option('--rules <dir>', 'also load the rule files in this folder (repeatable)', collect, [])
    .option('--no-builtin-rules', 'do not load the built-in rule packs')
    .option('--no-color', 'no colour')
    .addOption(debugOption())
    .action(async (opts) => {
      const { runInterviewCommand } = await import('./commands/interview.js');
      code = await runInterviewCommand(opts, io);
    });
  program
    .command('pack')
    .description('write a case pack for a lawyer: brief (Markdown and HTML), evidence index, demand letter (English and Chinese), platform text')
    .argument('<case>', 'the case file (YAML)')
    .option('-o, --out <dir>', 'the folder to write (created; an existing pack is replaced only with --force)')
    .option('--lang <lang>', 'language of the brief: en or zh (the letter is always written in both)', 'en')
    .option('--no-config', 'ignore config files')
    .option('--force', 'replace an earlier case pack in the folder')
    .option('--as-of <date>', "assess as of this date (YYYY-MM-DD) instead of the case's as_of or today")
    .option('--rules <dir>', 'also load the rule files in this folder (repeatable)', collect, [])
    .option('--no-builtin-rules', 'do not load the built-in rule packs')
    .addOption(debugOption())
    .action(async (file: string, rawOpts, cmd: InstanceType<typeof Command>) => {
      const { configuredOptions } = await import('./config.js');
      const opts = configuredOptions(rawOpts, (k) => cmd.getOptionValueSource(k), io);
      if (!opts) return void (code = EXIT.input);
      const { runPack } = await import('./commands/pack.js');
      code = await runPack(file, opts, io);
    });
  program
    .command('completion')
    .description('print a shell completion script: bash, zsh or fish (e.g. source <(dispute-assess completion bash))')
    .addArgument(new Argument('<shell>', 'the shell').choices(['bash', 'zsh', 'fish']))
    .addOption(debugOption())
    .action(async (shell: 'bash' | 'zsh' | 'fish') => {
      const { completionScript } = await import('./completion.js');
      io.out(completionScript(shell, program));
    });
  const unknownTopic = unknownHelpTopic(
    argv,
    program.commands.map((c) => c.name()),
  );
  if (unknownTopic) {
    io.err(`${formatDiagnostic(unknownTopic)}\n`);
    return EXIT.input;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.input;
    throw e;
  }
}
