// The case file as an editable YAML document (yaml's Document API): answers are set in place, so a resumed
// file keeps its comments and key order; new keys go where the case schema puts them. Pure: text in, text out.
// The case it holds is checked as the main command checks a case file, by the generated validator and the same
// diagnostics (validateCaseShape), so the interview and the main command never disagree on a case.
import { Document, isMap, isScalar, isSeq, parseDocument, type Node, type YAMLMap } from 'yaml';
import { allowedKeys, schemaAt, type JsonSchema } from '../case/schema-walk.js';
import { schema as caseSchemaJson } from '../case/case-validator.generated.js';
import type { Case } from '../case/schema.js';
import { validateCaseShape } from '../case/validate.js';
import { YAML_LIMITS, type YamlDoc } from '../source/read-yaml.js';

export type DocPath = readonly (string | number)[];
const TO_STRING = { lineWidth: 0 } as const;

/** Dotted fact path to document path: "order.delivery.status" -> ["order", "delivery", "status"]. */
export const docPath = (path: string | DocPath): DocPath => (typeof path === 'string' ? path.split('.') : path);

/** A new, empty case document with a header comment. */
export function newCaseDocument(header: readonly string[]): Document {
  const doc = new Document({});
  if (header.length) doc.commentBefore = header.map((l) => ` ${l}`).join('\n');
  return doc;
}

/** Parse case text (already checked by readYaml and validateCase) into an editable document. */
export function loadCaseDocument(text: string): Document {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const doc = parseDocument(source, { uniqueKeys: true, strict: true, stringKeys: true });
  if (doc.contents === null) doc.contents = doc.createNode({}) as Node as never;
  return doc;
}

/** The document as YAML text. */
export function caseText(doc: Document): string {
  return doc.toString(TO_STRING);
}

/** The case the document holds, validated as the main command validates a case file; an error message when an
 * edit made it invalid (a bug). An empty document is an empty case. The document in memory has no lines: the
 * message names the paths (the saved file, read by the main command, would give the lines). */
export function documentCase(doc: Document): { ok: true; value: Case } | { ok: false; message: string } {
  const value: unknown = doc.toJS({ maxAliasCount: YAML_LIMITS.maxAliasCount }) ?? {};
  const valid = validateCaseShape({ file: '(interview)', value, locate: NO_LINES });
  return valid.ok ? valid : { ok: false, message: valid.diagnostics.map((d) => d.message).join('; ') };
}

const NO_LINES: YamlDoc['locate'] = () => ({ line: 1, column: 1 });
const caseSchema = caseSchemaJson as JsonSchema;

/** Set a value at a path, creating missing maps; a new key is placed in case-schema order among its siblings. */
export function setAnswer(doc: Document, path: string | DocPath, value: unknown): void {
  const segs = docPath(path);
  let map = rootMap(doc);
  for (let i = 0; i < segs.length; i++) {
    const key = String(segs[i]);
    const last = i === segs.length - 1;
    const pair = map.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
    if (last) {
      const node = styled(doc, ordered(value, segs));
      if (pair) pair.value = node;
      else insertPair(doc, map, segs.slice(0, i), key, node);
      return;
    }
    if (pair && isMap(pair.value)) map = pair.value;
    else {
      const child = doc.createNode({}) as YAMLMap;
      if (pair) pair.value = child;
      else insertPair(doc, map, segs.slice(0, i), key, child);
      map = child;
    }
  }
}

/** Remove the value at a path ("I don't know" after all); maps left empty by the removal go too. */
export function removeAnswer(doc: Document, path: string | DocPath): void {
  const segs = docPath(path);
  if (!doc.hasIn(segs)) return;
  doc.deleteIn(segs);
  for (let n = segs.length - 1; n > 0; n--) {
    const parent = doc.getIn(segs.slice(0, n), true);
    if (isMap(parent) && parent.items.length === 0) doc.deleteIn(segs.slice(0, n));
    else break;
  }
}

function rootMap(doc: Document): YAMLMap {
  if (!isMap(doc.contents)) doc.contents = doc.createNode({}) as never;
  return doc.contents as YAMLMap;
}

function insertPair(doc: Document, map: YAMLMap, parentPath: DocPath, key: string, node: Node): void {
  const order = allowedKeys(schemaAt(caseSchema, parentPath.map(String)));
  const rank = (k: unknown) => order.indexOf(String(k));
  const mine = rank(key);
  const at = map.items.findIndex((p) => isScalar(p.key) && rank(p.key.value) > mine);
  const pair = doc.createPair(key, node);
  if (at === -1) map.items.push(pair);
  else map.items.splice(at, 0, pair);
}

/** Plain objects with their keys in case-schema order (e.g. a payment: date, amount, method, via, stage). */
function ordered(value: unknown, path: DocPath): unknown {
  if (Array.isArray(value)) return value.map((v, i) => ordered(v, [...path, i]));
  if (value === null || typeof value !== 'object') return value;
  const order = allowedKeys(schemaAt(caseSchema, path));
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  const keys = Object.keys(value).sort((a, b) => rank(a) - rank(b));
  return Object.fromEntries(keys.map((k) => [k, ordered((value as Record<string, unknown>)[k], [...path, k])]));
}

/** A node for a value: amounts of money as one-line maps, lists of plain values as block lists. */
function styled(doc: Document, value: unknown): Node {
  const node = doc.createNode(value) as Node;
  const visit = (n: unknown) => {
    if (isMap(n)) {
      const keys = n.items
        .map((p) => (isScalar(p.key) ? String(p.key.value) : ''))
        .sort()
        .join(',');
      if (keys === 'amount,currency') n.flow = true;
      else n.items.forEach((p) => visit(p.value));
    } else if (isSeq(n)) n.items.forEach(visit);
  };
  visit(node);
  return node;
}
