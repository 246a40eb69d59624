// A fast reader for the plain YAML that case files are made of, for batch runs and start-up: block mappings with
// simple keys, block lists, one-line flow lists and mappings, and one-line scalars (plain, 'single' and "double"
// quoted), with comments. Anything else (anchors, tags, block scalars, multi-line scalars, odd keys, tabs, CR,
// control characters, duplicate or reserved keys, directives, several documents, deep nesting) is not read here:
// quickYaml returns undefined and the caller uses readYaml (the yaml library, with positions and diagnostics).
// When it returns a value, that value equals what readYaml gives for the same text (test/quick-yaml.test.ts
// checks this on every fixture, the generated cases and mutations of them).
import { CONTROL_CHAR, RESERVED_KEYS } from './text-rules.js';

/** Deepest nesting read here (case files need 5 levels); deeper text goes to readYaml and its limit. */
const MAX_DEPTH = 16;
/** Longest text read here: larger ones go to readYaml (which applies the file size limit). */
const MAX_LENGTH = 200_000;

class Unsupported extends Error {}
const unsupported = (): never => {
  throw new Unsupported();
};

interface Line { indent: number; text: string }

/** The value of a YAML text of the plain kind case files use, or undefined if it is not of that kind. */
export function quickYaml(text: string): { value: unknown } | undefined {
  if (text.length > MAX_LENGTH) return undefined;
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (source.includes('\t') || source.includes('\r') || source.includes('\ufeff') || CONTROL_CHAR.test(source)) return undefined;
  const lines: Line[] = [];
  for (const raw of source.split('\n')) {
    let indent = 0;
    while (raw.charCodeAt(indent) === 32) indent++;
    if (indent === raw.length || raw.charCodeAt(indent) === 35 /* # */) continue;
    if (indent === 0 && (raw.startsWith('---') || raw.startsWith('...') || raw.charCodeAt(0) === 37 /* % */)) return undefined;
    lines.push({ indent, text: raw.slice(indent) });
  }
  if (lines.length === 0 || lines[0]!.indent !== 0) return undefined;
  try {
    // A whole document on one line as a flow mapping ({} for an empty case).
    if (lines.length === 1 && lines[0]!.text.charCodeAt(0) === 123 /* { */) {
      const value = new Reader(lines).inline(lines[0]!.text, 0);
      return value !== null && typeof value === 'object' && !Array.isArray(value) ? { value } : undefined;
    }
    const reader = new Reader(lines);
    const value = reader.block(0, 1);
    if (reader.at < lines.length) return undefined;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    return { value };
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
}

class Reader {
  at = 0;
  constructor(private readonly lines: Line[]) {}

  /** The block collection (mapping or list) whose first line is the current one, at that line's indent. */
  block(indent: number, depth: number): unknown {
    if (depth > MAX_DEPTH) unsupported();
    const line = this.lines[this.at]!;
    return isItem(line.text) ? this.list(indent, depth) : this.mapping(indent, depth);
  }

  mapping(indent: number, depth: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    while (this.at < this.lines.length) {
      const line = this.lines[this.at]!;
      if (line.indent < indent) break;
      if (line.indent > indent || isItem(line.text)) unsupported();
      const colon = keyEnd(line.text);
      const key = line.text.slice(0, colon);
      checkKey(key, out);
      const rest = line.text.slice(colon + 1);
      this.at++;
      out[key] = /^ *(?:#.*)?$/.test(rest) ? this.nested(indent, depth, true) : this.inline(rest, indent);
    }
    return out;
  }

  list(indent: number, depth: number): unknown[] {
    const out: unknown[] = [];
    while (this.at < this.lines.length) {
      const line = this.lines[this.at]!;
      // A line at this indent that is not an item ends the list (a list may sit at its key's own indent).
      if (line.indent < indent || (line.indent === indent && !isItem(line.text))) break;
      if (line.indent > indent) unsupported();
      let gap = 1;
      while (line.text.charCodeAt(gap) === 32) gap++;
      const rest = line.text.slice(gap);
      if (rest === '' || rest.startsWith('#')) {
        this.at++;
        out.push(this.nested(indent, depth, false));
      } else if (isItem(rest)) {
        unsupported();
      } else if (startsMapping(rest)) {
        // "- key: value": a mapping whose keys sit where this one does; read the rest of the line as its first line.
        this.lines[this.at] = { indent: indent + gap, text: rest };
        out.push(this.mapping(indent + gap, depth + 1));
      } else {
        this.at++;
        out.push(this.inline(rest, indent));
      }
    }
    return out;
  }

  /** The value of a key or item with nothing after it on its line: a block below it, or null. A mapping's value may
   * be a list at the key's own indent. */
  nested(indent: number, depth: number, inMapping: boolean): unknown {
    const next = this.lines[this.at];
    if (next && next.indent > indent) return this.block(next.indent, depth + 1);
    if (next && inMapping && next.indent === indent && isItem(next.text)) return this.list(indent, depth + 1);
    return null;
  }

  /** A value written on the key's or item's line; the next line must not continue it. */
  inline(rest: string, indent: number): unknown {
    const next = this.lines[this.at];
    if (next && next.indent > indent) unsupported();
    const text = spaceTrim(rest);
    const first = text.charCodeAt(0);
    if (first === 91 /* [ */ || first === 123 /* { */) {
      const f = new Flow(text);
      const value = f.value(1);
      stripComment(text, f.at - 1);
      return value;
    }
    if (first === 34 /* " */ || first === 39 /* ' */) {
      const end = closing(text, 0, first);
      stripComment(text, end);
      return first === 34 ? doubleQuoted(text.slice(1, end)) : singleQuoted(text.slice(1, end));
    }
    return plain(cutComment(text), false);
  }
}

/** Without leading and trailing spaces: YAML's white space is the space and the tab (declined here), not what
 * String.prototype.trim removes (no-break spaces, for one, are content). */
const spaceTrim = (s: string) => s.replace(/^ +| +$/g, '');
const isItem = (text: string) => text.charCodeAt(0) === 45 /* - */ && (text.length === 1 || text.charCodeAt(1) === 32);
const KEY = /^[A-Za-z_][A-Za-z0-9_]*:(?: |$)/;
const startsMapping = (text: string) => KEY.test(text);
/** Offset of the colon after a simple key (a word); anything else is not read here. */
function keyEnd(text: string): number {
  if (!KEY.test(text)) unsupported();
  return text.indexOf(':');
}

/** A key is read here once per mapping, not reserved, and not a word the core schema reads as a boolean or null. */
function checkKey(key: string, mapping: Record<string, unknown>): void {
  if (Object.hasOwn(mapping, key) || RESERVED_KEYS.has(key) || /^(?:true|True|TRUE|false|False|FALSE|null|Null|NULL)$/.test(key)) unsupported();
}

/** Offset of the quote that closes the one at `from` (quoted text on one line only). */
function closing(text: string, from: number, open: number): number {
  for (let i = from + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (open === 34 && c === 92 /* \ */) i++;
    else if (c === open) {
      if (open === 39 && text.charCodeAt(i + 1) === 39) i++;
      else return i;
    }
  }
  return unsupported();
}

/** The text up to `end` (inclusive), after checking that only spaces or a comment follow. */
function stripComment(text: string, end: number): string {
  const after = text.slice(end + 1);
  if (!/^ *$|^ +#/.test(after)) unsupported();
  return text.slice(0, end + 1);
}

/** A plain value without its trailing comment (a # after a space). */
function cutComment(text: string): string {
  const hash = text.indexOf(' #');
  return hash < 0 ? text : spaceTrim(text.slice(0, hash));
}

/** Flow collections on one line: [a, b], {k: v, ...}, nested, of plain or quoted scalars. */
class Flow {
  at = 0;
  constructor(private readonly text: string) {}

  value(depth: number): unknown {
    if (depth > MAX_DEPTH) unsupported();
    this.spaces();
    const c = this.text.charCodeAt(this.at);
    if (c === 91 /* [ */) return this.list(depth);
    if (c === 123 /* { */) return this.mapping(depth);
    if (c === 34 || c === 39) {
      const end = closing(this.text, this.at, c);
      const body = this.text.slice(this.at + 1, end);
      this.at = end + 1;
      return c === 34 ? doubleQuoted(body) : singleQuoted(body);
    }
    const start = this.at;
    while (this.at < this.text.length && !FLOW_END.has(this.text.charCodeAt(this.at))) this.at++;
    const text = spaceTrim(this.text.slice(start, this.at));
    if (text === '') unsupported();
    return plain(text, true);
  }

  list(depth: number): unknown[] {
    const out: unknown[] = [];
    this.at++;
    this.spaces();
    if (this.eat(93)) return out;
    for (;;) {
      out.push(this.value(depth + 1));
      this.spaces();
      if (this.eat(93)) return out;
      if (!this.eat(44)) unsupported();
    }
  }

  mapping(depth: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    this.at++;
    this.spaces();
    if (this.eat(125)) return out;
    for (;;) {
      this.spaces();
      const m = FLOW_KEY.exec(this.text.slice(this.at, this.at + 200));
      if (!m) unsupported();
      const key = m![1]!;
      checkKey(key, out);
      this.at += m![0].length;
      out[key] = this.value(depth + 1);
      this.spaces();
      if (this.eat(125)) return out;
      if (!this.eat(44)) unsupported();
    }
  }

  spaces(): void {
    while (this.text.charCodeAt(this.at) === 32) this.at++;
  }

  eat(c: number): boolean {
    if (this.text.charCodeAt(this.at) !== c) return false;
    this.at++;
    return true;
  }
}

/** Where a plain value in a flow collection ends: , [ ] { } (and # is not read here, see plain()). */
const FLOW_END = new Set([44, 91, 93, 123, 125]);
const FLOW_KEY = /^([A-Za-z_][A-Za-z0-9_]*): /;

const INT = /^[-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
/** Characters that may not start a plain value here (YAML indicators, and - ? : which need care). */
const INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`]/;

/** A plain scalar, resolved as the YAML 1.2 core schema does (null, booleans, decimal numbers, else text). */
function plain(text: string, inFlow: boolean): unknown {
  if (text === '' || text === '~' || text === 'null' || text === 'Null' || text === 'NULL') return null;
  if (text === 'true' || text === 'True' || text === 'TRUE') return true;
  if (text === 'false' || text === 'False' || text === 'FALSE') return false;
  if (INT.test(text)) return parseInt(text, 10);
  if (FLOAT.test(text) || FLOAT_EXP.test(text)) return parseFloat(text);
  if (INDICATOR.test(text) || text.includes(': ') || text.endsWith(':') || text.includes(' #')) unsupported();
  if (inFlow && /[,:[\]{}]/.test(text)) unsupported();
  // Other number-like forms (0x1F, 0o17, .inf, .nan) are resolved by readYaml.
  if (/^[-+]?\.(?:inf|Inf|INF)$|^\.(?:nan|NaN|NAN)$|^0[xo]/.test(text)) unsupported();
  return text;
}

function singleQuoted(body: string): string {
  return body.replaceAll("''", "'");
}

const ESCAPES: Record<string, string> = { '\\': '\\', '"': '"', '/': '/', n: '\n', t: '\t' };

function doubleQuoted(body: string): string {
  if (!body.includes('\\')) return body;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = body[++i] ?? '';
    if (e in ESCAPES) out += ESCAPES[e];
    else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(body.slice(i + 1, i + 5))) {
      const code = parseInt(body.slice(i + 1, i + 5), 16);
      if (code >= 0xd800 && code <= 0xdfff) unsupported();
      out += String.fromCharCode(code);
      i += 4;
    } else unsupported();
  }
  if (CONTROL_CHAR.test(out)) unsupported();
  return out;
}
