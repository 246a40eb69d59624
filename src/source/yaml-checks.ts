// Checks on YAML text and documents that the yaml library leaves to us: nesting depth (before composing,
// so deep input never reaches a recursive parser), control characters, duplicate and reserved keys.
import { CST, isScalar, Lexer, visit, type Document } from 'yaml';
import { clip } from './suggest.js';

import { CONTROL_CHAR, RESERVED_KEYS } from './text-rules.js';

export { CONTROL_CHAR, RESERVED_KEYS } from './text-rules.js';

/** A problem found at an offset of the source text. */
export interface Problem {
  code: string;
  message: string;
  offset: number;
}

/** Lexical tokens that are layout, not content: they do not count towards the node limit. */
const LAYOUT = new Set(['space', 'newline', 'comment', 'doc-mode', 'byte-order-mark', 'flow-error-end']);

/** What the token scan found: too many content tokens, or flow collections nested too deep, at an offset. */
export interface Crowded {
  limit: 'nodes' | 'depth';
  offset: number;
}

/** The first place where the text holds more than `maxNodes` content tokens (values, keys, brackets, indicators)
 * or nests `[` / `{` deeper than `maxDepth`, lexing no further: the work spent on any text is bounded by the
 * limits, however many tiny collections it packs in. Runs before the parser builds anything. */
export function scanTokens(source: string, limits: { maxNodes: number; maxDepth: number }): Crowded | undefined {
  let offset = 0;
  let count = 0;
  let flow = 0;
  for (const token of new Lexer().lex(source)) {
    const type = CST.tokenType(token);
    if (type === 'flow-seq-start' || type === 'flow-map-start') {
      if (++flow > limits.maxDepth) return { limit: 'depth', offset };
    } else if (type === 'flow-seq-end' || type === 'flow-map-end') flow = Math.max(0, flow - 1);
    if (type !== null && !LAYOUT.has(type) && ++count > limits.maxNodes) return { limit: 'nodes', offset };
    // The lexer's markers (start of document, end of flow, "a scalar follows") are not in the text.
    if (token !== '\x02' && token !== '\x18' && token !== '\x1f') offset += token.length;
  }
  return undefined;
}

/** Offset of the first collection nested deeper than max levels, walking the CST without recursion. */
export function tooDeep(tokens: readonly CST.Token[], max: number): number | undefined {
  const stack: [CST.Token, number][] = tokens.map((t) => [t, 0]);
  while (stack.length > 0) {
    const [t, depth] = stack.pop()!;
    if (t.type === 'document') {
      if (t.value) stack.push([t.value, depth]);
    } else if (t.type === 'block-map' || t.type === 'block-seq' || t.type === 'flow-collection') {
      if (depth + 1 > max) return t.offset;
      for (const item of t.items) {
        if ('key' in item && item.key) stack.push([item.key, depth + 1]);
        if (item.value) stack.push([item.value, depth + 1]);
      }
    }
  }
  return undefined;
}

/** "U+001B" */
export const codePoint = (ch: string): string => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** The first control character in raw text, as a problem. */
export function controlCharInText(text: string): Problem | undefined {
  const m = CONTROL_CHAR.exec(text);
  if (!m) return undefined;
  const what =
    m[0] === '\0'
      ? 'a NUL byte (U+0000): the file is binary, or not UTF-8 text'
      : `the control character ${codePoint(m[0])}, which YAML does not allow (it may come from copying out of a terminal, PDF or spreadsheet); delete it`;
  return { code: 'yaml-control-char', message: `the text contains ${what}`, offset: m.index };
}

/** Duplicate keys, reserved keys and control characters in values, in a parsed document. */
export function documentProblems(doc: Document, max: number, lineOf: (offset: number) => number): Problem[] {
  const out: Problem[] = [];
  const at = (node: { range?: [number, number, number] | null }) => node.range?.[0] ?? 0;
  visit(doc, {
    Map(_, map) {
      const seen = new Map<string, number>();
      for (const pair of map.items) {
        if (out.length >= max) return visit.BREAK;
        if (!isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        if (RESERVED_KEYS.has(key))
          out.push({ code: 'yaml-reserved-key', message: `the key '${key}' is not allowed in case or rule files`, offset: at(pair.key) });
        const first = seen.get(key);
        if (first === undefined) seen.set(key, at(pair.key));
        else
          out.push({
            code: 'yaml-duplicate-key',
            message: `the key '${clip(key)}' appears twice in the same mapping (first on line ${lineOf(first)}); keep one`,
            offset: at(pair.key),
          });
      }
      return undefined;
    },
    Scalar(_, s) {
      if (out.length >= max) return visit.BREAK;
      const m = typeof s.value === 'string' ? CONTROL_CHAR.exec(s.value) : null;
      if (m)
        out.push({
          code: 'yaml-control-char',
          message: `the value contains the control character ${codePoint(m[0])} (written as an escape); delete it`,
          offset: at(s),
        });
      return undefined;
    },
  });
  return out;
}

/** Whether a plain value (not from YAML, e.g. built by a library user) nests deeper than max, checked without recursion. */
export function deeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth + 1 > max) return true;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}
