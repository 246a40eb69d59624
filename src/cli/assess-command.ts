// The main command: assess one or more case files and print the report.
import { readYaml } from '../source/read-yaml.js';
import { diag, type Diagnostic } from '../source/diagnostics.js';
import { validateCase } from '../case/validate.js';
import { todayIso } from '../case/dates.js';
import { assess } from '../assess.js';
import { render, FORMATS, type Format } from '../report/render.js';
import { SEVERITIES, type Severity } from '../case/enums.js';
import { suggestion } from '../source/suggest.js';
import { exitCode, EXIT } from './exit-code.js';
import { colorFor, printDiagnostics, type Io } from './output.js';
import { readTextFile } from './io.js';
import { loadRuleSet } from './rules-source.js';

export interface AssessFlags {
  format: string;
  explain?: boolean;
  color: boolean;
  failOn?: string;
  asOf?: string;
  rules: string[];
  builtinRules: boolean;
}

/** Assess each file; returns the exit code (the worst over all files). */
export function runAssess(files: string[], flags: AssessFlags, io: Io): number {
  const usage = checkFlags(flags);
  if (usage.length) {
    printDiagnostics(io, usage);
    return EXIT.input;
  }
  const rules = loadRuleSet({ rules: flags.rules, builtinRules: flags.builtinRules });
  if (!rules.ok) {
    printDiagnostics(io, rules.diagnostics);
    return EXIT.input;
  }
  const format = flags.format as Format;
  const color = colorFor(io, flags.color);
  const today = todayIso();
  let worst = 0;
  for (const file of files) {
    const diagnostics: Diagnostic[] = [];
    const read = readTextFile(file);
    if (!read.ok) diagnostics.push(read.diagnostic);
    else {
      const doc = readYaml(read.text, file);
      if (!doc.ok) diagnostics.push(...doc.diagnostics);
      else {
        const valid = validateCase(doc.value, { today, ...(flags.asOf ? { asOf: flags.asOf } : {}) });
        if (!valid.ok) diagnostics.push(...valid.diagnostics);
        else {
          const opts = { today, file, explain: flags.explain === true, ...(flags.asOf ? { asOf: flags.asOf } : {}) };
          const a = assess(valid.value, rules.value, opts);
          io.out(render(a, format, { color, explain: flags.explain === true, lines: files.length > 1 }));
          worst = Math.max(worst, exitCode(a, flags.failOn as Severity | undefined));
          continue;
        }
      }
    }
    printDiagnostics(io, diagnostics);
    worst = EXIT.input;
  }
  return worst;
}

function checkFlags(flags: AssessFlags): Diagnostic[] {
  const out: Diagnostic[] = [];
  const arg = (code: string, message: string) => out.push(diag(code, message, { file: '(arguments)' }));
  if (!(FORMATS as readonly string[]).includes(flags.format)) arg('usage', `--format must be one of ${FORMATS.join(', ')}; got '${flags.format}'${suggestion(flags.format, FORMATS)}`);
  if (flags.failOn && !(SEVERITIES as readonly string[]).includes(flags.failOn)) arg('usage', `--fail-on must be one of ${SEVERITIES.join(', ')}; got '${flags.failOn}'${suggestion(flags.failOn, SEVERITIES)}`);
  if (flags.asOf && (!/^\d{4}-\d{2}-\d{2}$/.test(flags.asOf) || Number.isNaN(Date.parse(flags.asOf)) || new Date(flags.asOf).toISOString().slice(0, 10) !== flags.asOf)) arg('usage', `--as-of must be an ISO date YYYY-MM-DD; got '${flags.asOf}'`);
  return out;
}
