// Reading YAML with positions: values plus a way to find where any path sits in the text.
// Hostile input (huge, deeply nested, alias bombs, odd tags, control characters) gives diagnostics, never a crash.
// The yaml library reads every file once (parseDocument, as its own parse does); a file it reads without error
// or warning and whose value passes the checks below is done, its line numbers worked out only if a diagnostic
// asks for a position. Anything else is read again token by token for positioned diagnostics.
import { Composer, isMap, isScalar, isSeq, LineCounter, Parser, parseDocument, type Document, type Node } from 'yaml';
import { diag, type Diagnostic, type Result } from './diagnostics.js';
import { YAML_LIMITS, type YamlLimits } from './limits.js';
import { CONTROL_CHAR, RESERVED_KEYS } from './text-rules.js';
import { controlCharInText, documentProblems, scanTokens, tooDeep } from './yaml-checks.js';

export { YAML_LIMITS } from './limits.js';

/** A parsed YAML document: its plain value and the positions of its nodes. */
export interface YamlDoc {
  file: string;
  value: unknown;
  /** Line and column (1-based) of the value (or key) at path; the deepest existing ancestor if absent. */
  locate(path: readonly (string | number)[], at?: 'key' | 'value'): { line: number; column: number };
}

export interface ReadYamlOptions {
  limits?: Partial<YamlLimits>;
}

/** YAML 1.2 core schema only: no YAML 1.1 types (!!binary, !!set, !!timestamp, yes/no), no custom tags. */
const COMPOSE = {
  schema: 'core',
  version: '1.2',
  resolveKnownTags: false,
  merge: false,
  strict: true,
  stringKeys: true,
  uniqueKeys: false,
  prettyErrors: false,
} as const;
/** Diagnostics reported per file at most; the rest are counted. */
export const MAX_DIAGNOSTICS = 50;

/** Parse YAML text into a document with positions, or diagnostics with line and column. */
export function readYaml(text: string, file: string, opts: ReadYamlOptions = {}): Result<YamlDoc> {
  const limits = { ...YAML_LIMITS, ...opts.limits };
  if (text.length > limits.maxBytes || Buffer.byteLength(text, 'utf8') > limits.maxBytes) {
    const size = Buffer.byteLength(text, 'utf8');
    return fail([
      diag('file-too-large', `the file is ${size.toLocaleString('en-US')} bytes; the limit is ${limits.maxBytes.toLocaleString('en-US')} bytes`, { file }),
    ]);
  }
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Every counted token takes at least one character, so only a text longer than maxNodes can hold too many;
  // such a text is counted (a lexer pass) before the yaml library builds anything from it.
  const crowded = source.length > limits.maxNodes && scanTokens(source, limits) !== undefined;
  return (crowded ? undefined : readPlain(source, file, limits)) ?? readWithDiagnostics(source, file, limits);
}

/** The common case: one document the yaml library reads without errors or warnings, no control characters,
 * reserved keys or nesting beyond the limit. Undefined when anything is off (readWithDiagnostics says what). */
function readPlain(source: string, file: string, limits: YamlLimits): Result<YamlDoc> | undefined {
  if (CONTROL_CHAR.test(source)) return undefined;
  try {
    const doc = parseDocument(source, COMPOSE);
    if (doc.errors.length > 0 || doc.warnings.length > 0 || !plainDocument(doc, limits.maxDepth)) return undefined;
    const value: unknown = doc.toJS({ maxAliasCount: limits.maxAliasCount });
    let lines: LineCounter | undefined;
    const pos = (offset: number) => {
      if (!lines) {
        lines = new LineCounter();
        lines.addNewLine(0);
        for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
      }
      const p = lines.linePos(offset);
      return { line: p.line, column: p.col };
    };
    return { ok: true, value: { file, value, locate: locator(doc, pos) } };
  } catch {
    // Too deep for the parser's stack, too many aliases, ...: the careful road reports it.
    return undefined;
  }
}

/** No duplicate or reserved key, no control character in a scalar, nesting within max; walks the document's
 * nodes without recursion (aliases point at nodes walked where they are defined). */
function plainDocument(doc: Document, max: number): boolean {
  const stack: [unknown, number][] = [[doc.contents, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (isScalar(node)) {
      if (typeof node.value === 'string' && CONTROL_CHAR.test(node.value)) return false;
    } else if (isMap(node)) {
      if (depth + 1 > max) return false;
      const keys = new Set<string>();
      for (const pair of node.items) {
        if (!isScalar(pair.key)) return false;
        const key = String(pair.key.value);
        if (RESERVED_KEYS.has(key) || CONTROL_CHAR.test(key) || keys.has(key)) return false;
        keys.add(key);
        stack.push([pair.value, depth + 1]);
      }
    } else if (isSeq(node)) {
      if (depth + 1 > max) return false;
      for (const item of node.items) stack.push([item, depth + 1]);
    }
  }
  return true;
}

/** Token by token, with positions: every problem of a file the yaml library could not read plainly. Exported
 * for the tests, which check that it reads the same value whenever the plain road does. */
export function readWithDiagnostics(source: string, file: string, limits: YamlLimits): Result<YamlDoc> {
  const lineCounter = new LineCounter();
  const pos = (offset: number) => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  const at = (code: string, message: string, offset: number) => diag(code, message, { file, ...pos(offset) });
  const crowded = scanTokens(source, limits);
  if (crowded) {
    lineCounter.addNewLine(0);
    for (let i = source.indexOf('\n'); i >= 0 && i < crowded.offset; i = source.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
    if (crowded.limit === 'depth') return fail([at('yaml-too-deep', tooDeepMessage(limits.maxDepth), crowded.offset)]);
    return fail([
      at(
        'yaml-too-many-nodes',
        `the file holds more than ${limits.maxNodes.toLocaleString('en-US')} values, keys, brackets and list items (counted up to here); a case file has a few hundred. Is this the right file?`,
        crowded.offset,
      ),
    ]);
  }
  const tokens = [...new Parser(lineCounter.addNewLine).parse(source)];
  const bad = controlCharInText(source);
  if (bad) return fail([at(bad.code, bad.message, bad.offset)]);
  const deep = tooDeep(tokens, limits.maxDepth);
  if (deep !== undefined) return fail([at('yaml-too-deep', tooDeepMessage(limits.maxDepth), deep)]);
  const docs = [...new Composer(COMPOSE).compose(tokens, true, source.length)];
  const doc = docs[0]!;
  const problems = [...doc.errors, ...doc.warnings].map((e) => at(yamlCode(e.code), cleanYamlMessage(e.message), e.pos[0]));
  if (docs.length > 1)
    problems.push(at('yaml-multiple-documents', `the file holds ${docs.length} YAML documents (separated by ---); expected one`, docStart(docs[1]!)));
  problems.push(...documentProblems(doc, MAX_DIAGNOSTICS + 1, (o) => pos(o).line).map((p) => at(p.code, p.message, p.offset)));
  if (problems.length > 0) return fail(capped(problems, file));
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: limits.maxAliasCount });
  } catch (e) {
    const msg = (e as Error).message;
    if (/alias/i.test(msg) && /excessive/i.test(msg)) {
      return fail([
        diag(
          'yaml-aliases',
          `too many alias expansions (*name): the limit is ${limits.maxAliasCount}, weighted by the size of what each alias repeats; write the values out instead`,
          { file },
        ),
      ]);
    }
    return fail([diag('yaml-syntax', `cannot read the YAML: ${cleanYamlMessage(msg)}`, { file })]);
  }
  return { ok: true, value: { file, value, locate: locator(doc, pos) } };
}

const tooDeepMessage = (max: number) => `mappings and lists are nested more than ${max} levels deep here; a case file needs about 5`;

const fail = (diagnostics: Diagnostic[]): Result<YamlDoc> => ({ ok: false, diagnostics });

function docStart(doc: Document): number {
  return doc.range?.[0] ?? doc.contents?.range?.[0] ?? 0;
}

/** The first diagnostics by position, and one more that counts the rest. */
export function capped(list: Diagnostic[], file: string): Diagnostic[] {
  if (list.length <= MAX_DIAGNOSTICS) return list;
  const sorted = [...list].sort((a, b) => a.line - b.line || a.column - b.column);
  return [...sorted.slice(0, MAX_DIAGNOSTICS), diag('too-many-problems', 'more problems not shown; fix these first', { file })];
}

function locator(doc: Document, pos: (offset: number) => { line: number; column: number }): YamlDoc['locate'] {
  return (path, at = 'value') => {
    let node: unknown = doc.contents;
    let best = node && (node as Node).range ? pos((node as Node).range![0]) : { line: 1, column: 1 };
    for (let i = 0; i < path.length; i++) {
      const seg = path[i];
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
        if (!pair) break;
        const keyNode = pair.key as Node;
        if (i === path.length - 1 && at === 'key' && keyNode.range) return pos(keyNode.range[0]);
        if (keyNode.range) best = pos(keyNode.range[0]);
        node = pair.value;
      } else if (isSeq(node) && typeof seg === 'number') {
        node = node.items[seg];
      } else break;
      if (node && (node as Node).range) best = pos((node as Node).range![0]);
    }
    return best;
  };
}

function yamlCode(code: string): string {
  if (code === 'DUPLICATE_KEY') return 'yaml-duplicate-key';
  if (code === 'TAG_RESOLVE_FAILED' || code === 'BAD_DIRECTIVE') return 'yaml-tag';
  if (code === 'MULTIPLE_DOCS') return 'yaml-multiple-documents';
  if (code === 'TAB_AS_INDENT') return 'yaml-tab';
  return 'yaml-syntax';
}

function cleanYamlMessage(message: string): string {
  const first = message.split('\n')[0] ?? message;
  const text = first.replace(/ at line \d+, column \d+:?$/, '');
  // [^] and not `.`: a decoded tag may hold U+2028 or U+2029, which `.` does not match.
  const tag = /^Unresolved tag: ([^]*)$/.exec(text)?.[1];
  if (tag)
    return `the tag ${tag.replace('tag:yaml.org,2002:', '!!')} is not allowed: write plain values (text, numbers, true/false, lists, mappings) without tags`;
  if (/^Tabs are not allowed/.test(text)) return `${text}: indent with spaces (many editors convert tabs when you re-indent)`;
  return text;
}
