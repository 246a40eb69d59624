// `dispute-assess interview` and `dispute-assess` with no file: checks (terminal, arguments, rules, the
// file to resume) before the prompt library is loaded, so a wrong call fails fast and never hangs.
import { readYaml } from '../../source/read-yaml.js';
import { diag, type Diagnostic } from '../../source/diagnostics.js';
import { validateCase } from '../../case/validate.js';
import { asOfProblem, todayIso } from '../../case/dates.js';
import { DATE_RANGE } from '../../case/chronology.js';
import { loadCaseDocument, newCaseDocument } from '../../interview/case-document.js';
import { EXIT } from '../../exit-code.js';
import { printDiagnostics, type Io } from '../io/output.js';
import { readTextFile } from '../io/files.js';
import { loadRuleSet } from '../rule-files/source.js';
import { isDirectory, isReadOnly, isRegularOrAbsent } from '../interview/files.js';
import { dirname, resolve } from 'node:path';

export interface InterviewFlags {
  out?: string;
  resume?: string;
  force?: boolean;
  asOf?: string;
  rules: string[];
  builtinRules: boolean;
  color: boolean;
}

const NEEDS_TERMINAL =
  'dispute-assess: the interview needs a terminal (standard input and output must both be a terminal).\n' +
  'To assess a case without questions, pass a case file: dispute-assess case.yaml\n' +
  '(`dispute-assess schema` prints the format of case files)\n';

/** Whether both standard input and output are terminals. */
export function onTerminal(): boolean {
  return process.stdin.isTTY === true && process.stdout.isTTY === true;
}

/** `dispute-assess` with no file: the interview on a terminal, else a usage message and exit 2. */
export async function runNoFile(flags: InterviewFlags, io: Io): Promise<number> {
  if (!onTerminal()) {
    io.err(
      'dispute-assess: no case file given.\nUsage: dispute-assess <case.yaml> [more.yaml ...]   (see --help; `dispute-assess schema` prints the case format)\n' +
        'Without a file, dispute-assess asks you questions instead, but only in a terminal (standard input and output must both be one).\n',
    );
    return EXIT.input;
  }
  return runInterviewCommand(flags, io);
}

/** Run the interview; resolves to the exit code (0 done, 2 bad call or input, 130 interrupted). */
export async function runInterviewCommand(flags: InterviewFlags, io: Io): Promise<number> {
  if (!onTerminal()) {
    io.err(NEEDS_TERMINAL);
    return EXIT.input;
  }
  const usage = checkFlags(flags);
  if (usage.length) return fail(io, usage);
  const rules = loadRuleSet({ rules: flags.rules, builtinRules: flags.builtinRules });
  if (!rules.ok) return fail(io, rules.diagnostics);
  const today = todayIso();
  let doc = newCaseDocument([
    `A dispute-assess case file, written by \`dispute-assess interview\` on ${today}.`,
    'Assess it: npx dispute-assess <this file>   Change answers: npx dispute-assess interview --resume <this file>',
  ]);
  let resumeText: string | undefined;
  if (flags.resume) {
    const read = readTextFile(flags.resume);
    if (!read.ok) return fail(io, [read.diagnostic]);
    resumeText = read.text;
    const parsed = readYaml(read.text, flags.resume);
    if (!parsed.ok) return fail(io, parsed.diagnostics);
    if (parsed.value.value !== null && parsed.value.value !== undefined) {
      const valid = validateCase(parsed.value, { today, ...(flags.asOf ? { asOf: flags.asOf } : {}) });
      if (!valid.ok) return fail(io, valid.diagnostics);
    }
    doc = loadCaseDocument(read.text);
  }
  const unfinished = flags.resume || flags.out ? undefined : unfinishedInterview(today, flags.asOf);
  const { runInterview } = await import('../interview/session.js');
  const opts = {
    doc,
    ...(unfinished ? { unfinished } : {}),
    ...(resumeText !== undefined ? { resumeText } : {}),
    rules: rules.value,
    today,
    force: flags.force === true,
    color: flags.color,
    ruleDirs: flags.rules,
    builtinRules: flags.builtinRules,
    io,
  };
  return runInterview({
    ...opts,
    ...(flags.out ? { out: flags.out } : {}),
    ...(flags.resume ? { resume: flags.resume } : {}),
    ...(flags.asOf ? { asOf: flags.asOf } : {}),
  });
}

/** The file an interview here saves to while it runs: when one is left over, the interview offers to continue it. */
export const PARTIAL_FILE = 'dispute-case.partial.yaml';

/** A partial file left by an interview in this folder, when it is a valid, writable case file. */
function unfinishedInterview(today: string, asOf?: string): { path: string; text: string } | undefined {
  if (!isRegularOrAbsent(PARTIAL_FILE) || isReadOnly(PARTIAL_FILE)) return undefined;
  const read = readTextFile(PARTIAL_FILE);
  if (!read.ok) return undefined;
  const parsed = readYaml(read.text, PARTIAL_FILE);
  if (!parsed.ok) return undefined;
  if (parsed.value.value !== null && parsed.value.value !== undefined && !validateCase(parsed.value, { today, ...(asOf ? { asOf } : {}) }).ok) return undefined;
  return { path: PARTIAL_FILE, text: read.text };
}

function checkFlags(flags: InterviewFlags): Diagnostic[] {
  const out: Diagnostic[] = [];
  const arg = (message: string) => out.push(diag('usage', message, { file: '(arguments)' }));
  const asOf = flags.asOf === undefined ? undefined : asOfProblem(flags.asOf, DATE_RANGE);
  if (asOf) arg(asOf);
  for (const [name, v] of [
    ['--out', flags.out],
    ['--resume', flags.resume],
  ] as const)
    if (v !== undefined && !/\.ya?ml$/.test(v)) arg(`${name} must name a .yaml file; got '${v}'`);
  if (flags.out && !isDirectory(dirname(resolve(flags.out)))) arg(`--out: the folder ${dirname(flags.out)} does not exist`);
  // Saves replace a file only when it is a regular, writable one: a read-only case file stays as it is.
  if (flags.out && !isRegularOrAbsent(flags.out)) arg(`--out: ${flags.out} is not a regular file; give the name of a .yaml file`);
  else if (flags.out && isReadOnly(flags.out))
    arg(`--out: ${flags.out} is read-only; the interview does not replace read-only files. Choose another file, or make it writable first`);
  if (flags.resume && !flags.out && isReadOnly(flags.resume))
    arg(`--resume: ${flags.resume} is read-only, so your answers could not be saved in it; add --out <new file>.yaml to save them elsewhere`);
  return out;
}

function fail(io: Io, list: Diagnostic[]): number {
  printDiagnostics(io, list);
  return EXIT.input;
}
