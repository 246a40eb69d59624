// `dispute-assess pack case.yaml -o DIR`: assess a case and write the case pack (brief, evidence index, demand
// letters, platform text) into a folder. The only part of the pack that touches files: it reads the case and
// the evidence files (size, SHA-256, modification time), and writes the folder atomically: every file into a
// temporary folder beside DIR, then one rename, so DIR is never left half-written.
import {
  closeSync,
  existsSync,
  fstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createHash } from 'node:crypto';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { diag, type Diagnostic, type Result } from '../../source/diagnostics.js';
import { suggestion } from '../../source/suggest.js';
import { todayIso } from '../../case/dates.js';
import { assessText } from '../../assess-text.js';
import type { RuleSet } from '../../rules/types.js';
import { buildPack, evidencePaths, LANGS, type FileFact, type Lang, type PackFile } from '../../pack/pack.js';
import { EXIT } from '../../exit-code.js';
import { readTextFile } from '../io/files.js';
import { printDiagnostics, type Io } from '../io/streams.js';
import { cachedRuleSet } from '../rule-files/cache.js';

export interface PackFlags {
  out?: string;
  lang: string;
  force?: boolean;
  asOf?: string;
  rules: string[];
  /** Case facts from a config file (see config.ts). */
  defaults?: import('../../case/defaults.js').CaseDefaults;
  builtinRules: boolean;
}

/** Write the case pack of one case file; 0 when written, 2 on bad input, arguments or a failed write. */
export async function runPack(file: string, flags: PackFlags, io: Io): Promise<number> {
  const fail = (diagnostics: Diagnostic[]) => (printDiagnostics(io, diagnostics), EXIT.input);
  const usage = checkFlags(flags);
  if (usage.length) return fail(usage);
  const out = resolve(flags.out!);
  const target = checkTarget(out, flags.out!, flags.force === true);
  if (target) return fail([target]);
  const rules = await ruleSet(flags);
  if (!rules.ok) return fail(rules.diagnostics);
  const today = todayIso();
  const text = readTextFile(file);
  if (!text.ok) return fail([text.diagnostic]);
  const read = assessText(text.text, {
    rules: rules.value,
    file,
    today,
    whatIf: true,
    ...(flags.asOf ? { asOf: flags.asOf } : {}),
    ...(flags.defaults ? { defaults: flags.defaults } : {}),
  });
  if (!read.ok) return fail(read.diagnostics);
  const { assessment } = read;
  const files = new Map(evidencePaths(read.case).map((p) => [p, fileFact(p, dirname(resolve(file)))]));
  const pack = buildPack({ case: read.case, assessment, catalogue: rules.value.catalogue, caseFile: file, files }, flags.lang as Lang);
  const written = writePack(out, pack);
  if (written) return fail([diag('pack-write', `could not write ${flags.out}: ${written}; nothing was written`, { file: flags.out! })]);
  io.out(`dispute-assess: case pack written to ${flags.out}${flags.out!.endsWith('/') ? '' : '/'}\n${pack.map((f) => `  ${f.name}\n`).join('')}`);
  return EXIT.ok;
}

function checkFlags(flags: PackFlags): Diagnostic[] {
  const out: Diagnostic[] = [];
  const arg = (message: string) => out.push(diag('usage', message, { file: '(arguments)' }));
  if (!flags.out) arg('pack needs the folder to write: -o DIR (for example: dispute-assess pack case.yaml -o case-pack)');
  if (!(LANGS as readonly string[]).includes(flags.lang)) arg(`--lang must be one of ${LANGS.join(', ')}; got '${flags.lang}'${suggestion(flags.lang, LANGS)}`);
  if (
    flags.asOf &&
    (!/^\d{4}-\d{2}-\d{2}$/.test(flags.asOf) || Number.isNaN(Date.parse(flags.asOf)) || new Date(flags.asOf).toISOString().slice(0, 10) !== flags.asOf)
  )
    arg(`--as-of must be an ISO date YYYY-MM-DD; got '${flags.asOf}'`);
  return out;
}

/** Refuse to replace anything but an earlier pack, and to replace even that without --force. */
function checkTarget(out: string, shown: string, force: boolean): Diagnostic | undefined {
  if (!existsSync(out)) return undefined;
  const where = { file: shown };
  if (!statSync(out).isDirectory()) return diag('pack-exists', `${shown} exists and is not a folder; choose another -o`, where);
  const entries = readdirSync(out);
  if (!force) return entries.length === 0 ? undefined : diag('pack-exists', `${shown} already exists; pass --force to replace the pack in it`, where);
  if (entries.length > 0 && !entries.includes('brief.md'))
    return diag('pack-exists', `${shown} is a folder with other files (no brief.md), not an earlier case pack; --force replaces only a case pack`, where);
  return undefined;
}

async function ruleSet(flags: PackFlags): Promise<Result<RuleSet>> {
  const cached = cachedRuleSet(flags);
  if (cached) return { ok: true, value: cached };
  const { loadRuleSet } = await import('../rule-files/source.js');
  return loadRuleSet(flags);
}

/** Size, SHA-256 and modification time of an evidence file (relative paths from the case file's folder). */
export function fileFact(path: string, caseDir: string): FileFact {
  const full = isAbsolute(path) ? path : join(caseDir, path);
  let fd: number | undefined;
  try {
    fd = openSync(full, 'r');
    const st = fstatSync(fd);
    if (st.isDirectory()) return { path, found: false, problem: 'a folder, not a file' };
    const hash = createHash('sha256');
    const buf = Buffer.allocUnsafe(1 << 20);
    for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0;) hash.update(buf.subarray(0, n));
    return { path, found: true, size: st.size, sha256: hash.digest('hex'), mtime: st.mtime.toISOString().replace(/\.\d{3}Z$/, 'Z') };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return {
      path,
      found: false,
      problem:
        code === 'ENOENT' || code === 'ENOTDIR'
          ? 'no such file'
          : code === 'EACCES' || code === 'EPERM'
            ? 'no permission to read it'
            : `unreadable (${code ?? 'error'})`,
    };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Write the files into a temporary folder beside `out`, then rename it into place (replacing an earlier pack).
 * Returns why it failed, with nothing left behind, or undefined when written. */
export function writePack(out: string, files: readonly PackFile[]): string | undefined {
  let tmp: string | undefined;
  let old: string | undefined;
  try {
    mkdirSync(dirname(out), { recursive: true });
    tmp = mkdtempSync(join(dirname(out), `.${basename(out)}.tmp-`));
    for (const f of files) writeFileSync(join(tmp, f.name), f.content, { encoding: 'utf8', flag: 'wx', mode: 0o644 });
    if (existsSync(out)) {
      old = `${tmp}.old`;
      renameSync(out, old);
    }
    renameSync(tmp, out);
    tmp = undefined;
    if (old) rmSync(old, { recursive: true, force: true });
    return undefined;
  } catch (e) {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
    if (old && !existsSync(out)) renameSync(old, out);
    return (e as Error).message;
  }
}
