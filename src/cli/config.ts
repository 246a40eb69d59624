// Config files for defaults a user sets once (issue 18): their country and Alibaba tier, the default --as-of
// behaviour, the language of a pack's brief, extra rule packs. Read only by the CLI layer.
//
// Where: the user config ($XDG_CONFIG_HOME/dispute-assess/config.yaml, else ~/.config/dispute-assess/config.yaml),
// then the project config, found upward from the current folder: in each folder dispute-assess.config.yaml
// (or .yml), else a "dispute-assess" key in package.json; the first folder that has one wins, and the search
// ends at the first package.json (the project's root).
// How they combine: the project's values win over the user's (rule folders add up: the user's, then the
// project's); flags win over both (--rules adds to the config's folders). Buyer facts fill only what the case
// leaves out, and each one filled is shown in the report (see case/defaults.ts). --no-config reads none.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { readYaml, type YamlDoc } from '../source/read-yaml.js';
import { diag, type Diagnostic, type Result } from '../source/diagnostics.js';
import { schemaErrorsToDiagnostics } from '../case/validate.js';
import { validate as validateConfig, schema as configJsonSchema } from './config-validator.generated.js';
import type { ConfigValues } from './config-schema.js';
import type { CaseDefaults } from '../case/defaults.js';
import { todayIso } from '../case/dates.js';
import { readTextFile } from './io/files.js';
import { printDiagnostics, type Io } from './io/streams.js';

export const CONFIG_FILES = ['dispute-assess.config.yaml', 'dispute-assess.config.yml'] as const;
export const PACKAGE_KEY = 'dispute-assess';

export type { ConfigValues } from './config-schema.js';

/** The settings the config files give, merged, with the file each came from. */
export interface Config {
  values: ConfigValues;
  /** The files read, user config first. */
  files: string[];
  /** For buyer facts: where each came from. */
  buyerFrom: Partial<Record<'country' | 'alibaba_tier', string>>;
}

export const EMPTY_CONFIG: Config = { values: {}, files: [], buyerFrom: {} };

/** Find, read and validate the user and the project config (diagnostics with file:line:column when invalid). */
export function loadConfig(cwd: string, env: NodeJS.ProcessEnv): Result<Config> {
  const found = [userConfigFile(env), projectConfig(cwd)].filter((f): f is Found => f !== undefined);
  const config: Config = { values: {}, files: [], buyerFrom: {} };
  const problems: Diagnostic[] = [];
  for (const f of found) {
    const r = readConfig(f);
    if (!r.ok) {
      problems.push(...r.diagnostics);
      continue;
    }
    merge(config, r.value, f.file);
  }
  return problems.length ? { ok: false, diagnostics: problems } : { ok: true, value: config };
}

interface Found {
  file: string;
  key?: string;
}

function userConfigFile(env: NodeJS.ProcessEnv): Found | undefined {
  const base = env.XDG_CONFIG_HOME ? env.XDG_CONFIG_HOME : env.HOME ? join(env.HOME, '.config') : undefined;
  if (!base) return undefined;
  const file = join(base, 'dispute-assess', 'config.yaml');
  return existsSync(file) ? { file } : undefined;
}

/** The nearest folder (from cwd upward) with a config file, or a package.json that has the "dispute-assess" key. */
function projectConfig(cwd: string): Found | undefined {
  let dir = resolve(cwd);
  for (;;) {
    for (const name of CONFIG_FILES) if (existsSync(join(dir, name))) return { file: join(dir, name) };
    const pkg = join(dir, 'package.json');
    // A package.json marks a project's root: the search stops there, so a config outside the project never applies.
    if (existsSync(pkg)) return hasKey(pkg) ? { file: pkg, key: PACKAGE_KEY } : undefined;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

function hasKey(pkg: string): boolean {
  const r = readTextFile(pkg);
  if (!r.ok) return false;
  try {
    const v = JSON.parse(r.text) as unknown;
    return typeof v === 'object' && v !== null && PACKAGE_KEY in v;
  } catch {
    return false;
  }
}

function readConfig(f: Found): Result<ConfigValues> {
  const text = readTextFile(f.file);
  if (!text.ok) return { ok: false, diagnostics: [text.diagnostic] };
  const doc = readYaml(text.text, f.file);
  if (!doc.ok) return { ok: false, diagnostics: doc.diagnostics };
  const inner = f.key ? keyDoc(doc.value, f.key) : doc.value;
  if (inner.value === null || inner.value === undefined) return { ok: true, value: {} };
  if (!validateConfig(inner.value)) {
    const list = schemaErrorsToDiagnostics(validateConfig.errors ?? [], inner, configJsonSchema).map((d) => ({
      ...d,
      code: d.code.startsWith('case-') ? d.code.replace(/^case-/, 'config-') : d.code,
    }));
    return { ok: false, diagnostics: list.length ? list : [diag('config-invalid', 'not a valid config', { file: f.file })] };
  }
  return { ok: true, value: inner.value as ConfigValues };
}

/** The document of one key of a mapping (package.json's "dispute-assess"), positions included. */
function keyDoc(doc: YamlDoc, key: string): YamlDoc {
  const value = (doc.value as Record<string, unknown>)[key];
  return { file: doc.file, value, locate: (path, at) => doc.locate([key, ...path], at) };
}

function merge(into: Config, v: ConfigValues, file: string): void {
  into.files.push(file);
  const base = dirname(file);
  const { buyer, rules, ...rest } = v;
  Object.assign(into.values, rest);
  if (rules) into.values.rules = [...(into.values.rules ?? []), ...rules.map((r) => resolve(base, r))];
  if (buyer) {
    into.values.buyer = { ...into.values.buyer, ...buyer };
    for (const k of ['country', 'alibaba_tier'] as const) if (buyer[k] !== undefined) into.buyerFrom[k] = file;
  }
}

/** The case facts the config supplies (filled only where the case says nothing). */
export function caseDefaults(config: Config): CaseDefaults {
  const values: CaseDefaults['values'] = [];
  for (const k of ['country', 'alibaba_tier'] as const) {
    const value = config.values.buyer?.[k];
    if (value !== undefined) values.push({ path: ['buyer', k], value, from: config.buyerFrom[k]! });
  }
  return { values };
}

/** Where a command-line option's value came from, as commander tells it (Command#getOptionValueSource). */
export type OptionSource = (key: string) => string | undefined;

/** A command's options with the config's values where the command line gave none. */
export function withConfig<T extends { asOf?: string; rules?: string[]; lang?: string }>(
  opts: T,
  config: Config,
  source: OptionSource,
): T & { defaults?: CaseDefaults } {
  const out: T & { defaults?: CaseDefaults } = { ...opts };
  const v = config.values;
  if (v.as_of === 'today' && out.asOf === undefined) out.asOf = todayIso();
  if (v.rules?.length && Array.isArray(out.rules)) out.rules = [...v.rules, ...out.rules];
  if (v.lang && 'lang' in opts && source('lang') !== 'cli') out.lang = v.lang;
  const defaults = caseDefaults(config);
  if (defaults.values.length) out.defaults = defaults;
  return out;
}

/** Load the config files (unless --no-config) and merge them into a command's options; prints the config's
 * diagnostics and returns undefined when a config file is invalid (exit 2). */
export function configuredOptions<T extends { asOf?: string; rules?: string[]; lang?: string; config?: boolean }>(
  opts: T,
  source: OptionSource,
  io: Io,
  cwd: string = process.cwd(),
): (T & { defaults?: CaseDefaults }) | undefined {
  if (opts.config === false) return opts;
  const config = loadConfig(cwd, io.env);
  if (!config.ok) {
    printDiagnostics(io, config.diagnostics);
    return undefined;
  }
  return withConfig(opts, config.value, source);
}
