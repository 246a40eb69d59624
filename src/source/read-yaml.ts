// Reading YAML with positions: values plus a way to find where any path sits in the text.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { diag, type Result } from './diagnostics.js';

/** A parsed YAML document: its plain value and the positions of its nodes. */
export interface YamlDoc {
  file: string;
  value: unknown;
  /** Line and column (1-based) of the value (or key) at path; the deepest existing ancestor if absent. */
  locate(path: readonly (string | number)[], at?: 'key' | 'value'): { line: number; column: number };
}

/** Limits that keep hostile input from exhausting the process. */
export const YAML_LIMITS = { maxAliasCount: 100, maxBytes: 1_000_000 };

/** Parse YAML text into a document with positions, or diagnostics with line and column. */
export function readYaml(text: string, file: string): Result<YamlDoc> {
  if (text.length > YAML_LIMITS.maxBytes) {
    return { ok: false, diagnostics: [diag('file-too-large', `file is ${text.length} characters; the limit is ${YAML_LIMITS.maxBytes}`, { file })] };
  }
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lineCounter = new LineCounter();
  const pos = (offset: number) => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  let doc;
  try {
    doc = parseDocument(source, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true, stringKeys: true });
  } catch (e) {
    return { ok: false, diagnostics: [diag('yaml-syntax', `cannot parse YAML: ${(e as Error).message}`, { file })] };
  }
  const problems = [...doc.errors, ...doc.warnings];
  if (problems.length > 0) {
    return {
      ok: false,
      diagnostics: problems.map((e) => diag(yamlCode(e.code), cleanYamlMessage(e.message), { file, ...pos(e.pos[0]) })),
    };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: YAML_LIMITS.maxAliasCount });
  } catch (e) {
    return { ok: false, diagnostics: [diag('yaml-aliases', `${(e as Error).message} (limit ${YAML_LIMITS.maxAliasCount} alias expansions)`, { file })] };
  }
  const locate = (path: readonly (string | number)[], at: 'key' | 'value' = 'value') => {
    let node: unknown = doc.contents;
    let best = node && (node as Node).range ? pos((node as Node).range![0]) : { line: 1, column: 1 };
    for (let i = 0; i < path.length; i++) {
      const seg = path[i];
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
        if (!pair) break;
        const last = i === path.length - 1;
        const keyNode = pair.key as Node;
        if (last && at === 'key' && keyNode.range) return pos(keyNode.range[0]);
        if (keyNode.range) best = pos(keyNode.range[0]);
        node = pair.value;
      } else if (isSeq(node) && typeof seg === 'number') {
        node = node.items[seg];
      } else break;
      if (node && (node as Node).range) best = pos((node as Node).range![0]);
    }
    return best;
  };
  return { ok: true, value: { file, value, locate } };
}

function yamlCode(code: string): string {
  if (code === 'DUPLICATE_KEY') return 'yaml-duplicate-key';
  if (code === 'TAG_RESOLVE_FAILED' || code === 'BAD_DIRECTIVE') return 'yaml-tag';
  if (code === 'MULTIPLE_DOCS') return 'yaml-multiple-documents';
  return 'yaml-syntax';
}

function cleanYamlMessage(message: string): string {
  const first = message.split('\n')[0] ?? message;
  return first.replace(/ at line \d+, column \d+:?$/, '');
}
