// Reading YAML with positions: values plus a way to find where any path sits in the text.
// Hostile input (huge, deeply nested, alias bombs, odd tags, control characters) gives diagnostics, never a crash.
import { Composer, isMap, isScalar, isSeq, LineCounter, Parser, type Document, type Node } from 'yaml';
import { diag, type Diagnostic, type Result } from './diagnostics.js';
import { YAML_LIMITS, type YamlLimits } from './limits.js';
import { controlCharInText, documentProblems, scanTokens, tooDeep } from './yaml-checks.js';

export { YAML_LIMITS } from './limits.js';

/** A parsed YAML document: its plain value and the positions of its nodes. */
export interface YamlDoc {
  file: string;
  value: unknown;
  /** Line and column (1-based) of the value (or key) at path; the deepest existing ancestor if absent. */
  locate(path: readonly (string | number)[], at?: 'key' | 'value'): { line: number; column: number };
}

export interface ReadYamlOptions { limits?: Partial<YamlLimits> }

/** YAML 1.2 core schema only: no YAML 1.1 types (!!binary, !!set, !!timestamp, yes/no), no custom tags. */
const COMPOSE = { schema: 'core', version: '1.2', resolveKnownTags: false, merge: false, strict: true, stringKeys: true, uniqueKeys: false, prettyErrors: false } as const;
/** Diagnostics reported per file at most; the rest are counted. */
export const MAX_DIAGNOSTICS = 50;

/** Parse YAML text into a document with positions, or diagnostics with line and column. */
export function readYaml(text: string, file: string, opts: ReadYamlOptions = {}): Result<YamlDoc> {
  const limits = { ...YAML_LIMITS, ...opts.limits };
  if (text.length > limits.maxBytes || Buffer.byteLength(text, 'utf8') > limits.maxBytes) {
    const size = Buffer.byteLength(text, 'utf8');
    return fail([diag('file-too-large', `the file is ${size.toLocaleString('en-US')} bytes; the limit is ${limits.maxBytes.toLocaleString('en-US')} bytes`, { file })]);
  }
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
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
    return fail([at('yaml-too-many-nodes', `the file holds more than ${limits.maxNodes.toLocaleString('en-US')} values, keys, brackets and list items (counted up to here); a case file has a few hundred. Is this the right file?`, crowded.offset)]);
  }
  const tokens = [...new Parser(lineCounter.addNewLine).parse(source)];
  const bad = controlCharInText(source);
  if (bad) return fail([at(bad.code, bad.message, bad.offset)]);
  const deep = tooDeep(tokens, limits.maxDepth);
  if (deep !== undefined) return fail([at('yaml-too-deep', tooDeepMessage(limits.maxDepth), deep)]);
  const docs = [...new Composer(COMPOSE).compose(tokens, true, source.length)];
  const doc = docs[0]!;
  const problems = [...doc.errors, ...doc.warnings].map((e) => at(yamlCode(e.code), cleanYamlMessage(e.message), e.pos[0]));
  if (docs.length > 1) problems.push(at('yaml-multiple-documents', `the file holds ${docs.length} YAML documents (separated by ---); expected one`, docStart(docs[1]!)));
  problems.push(...documentProblems(doc, MAX_DIAGNOSTICS + 1, (o) => pos(o).line).map((p) => at(p.code, p.message, p.offset)));
  if (problems.length > 0) return fail(capped(problems, file));
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: limits.maxAliasCount });
  } catch (e) {
    const msg = (e as Error).message;
    if (/alias/i.test(msg) && /excessive/i.test(msg)) {
      return fail([diag('yaml-aliases', `too many alias expansions (*name): the limit is ${limits.maxAliasCount}, weighted by the size of what each alias repeats; write the values out instead`, { file })]);
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
  if (tag) return `the tag ${tag.replace('tag:yaml.org,2002:', '!!')} is not allowed: write plain values (text, numbers, true/false, lists, mappings) without tags`;
  if (/^Tabs are not allowed/.test(text)) return `${text}: indent with spaces (many editors convert tabs when you re-indent)`;
  return text;
}
