// The editor JSON Schema of the case file, generated from the zod schema (never written by hand).
import * as z from 'zod';
import { caseSchema } from './schema.js';

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema | JsonSchema[];
  prefixItems?: JsonSchema[];
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  description?: string;
  additionalProperties?: boolean | JsonSchema;
  [k: string]: unknown;
};

let cached: JsonSchema | undefined;

/** The JSON Schema (draft 2020-12) of case files, for editors and for the fact registry. */
export function caseJsonSchema(): JsonSchema {
  if (!cached) {
    const s = z.toJSONSchema(caseSchema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
    // A relative $id (issue 18): it resolves against wherever the file is read from (dist/ of a clone, or
    // node_modules/dispute-assess/dist/), so no install ever points at an address that does not exist.
    cached = { ...s, $id: 'case.schema.json', title: 'dispute-assess case file' };
  }
  return cached;
}

/** The sub-schema at a document path, looking through anyOf alternatives and array items. */
export function schemaAt(root: JsonSchema, path: readonly (string | number)[]): JsonSchema | undefined {
  let node: JsonSchema | undefined = root;
  for (const seg of path) {
    if (!node) return undefined;
    node = step(node, seg);
  }
  return node;
}

function step(node: JsonSchema, seg: string | number): JsonSchema | undefined {
  if (typeof seg === 'number') {
    if (node.items && !Array.isArray(node.items)) return node.items;
    if (node.prefixItems) return node.prefixItems[seg];
  } else if (node.properties && seg in node.properties) {
    return node.properties[seg];
  } else if (node.additionalProperties && typeof node.additionalProperties === 'object') {
    return node.additionalProperties;
  }
  for (const alt of node.anyOf ?? []) {
    const found = step(alt, seg);
    if (found) return found;
  }
  return undefined;
}

/** The keys an object schema allows (looking through anyOf). */
export function allowedKeys(node: JsonSchema | undefined): string[] {
  if (!node) return [];
  const keys = Object.keys(node.properties ?? {});
  for (const alt of node.anyOf ?? []) keys.push(...allowedKeys(alt));
  return [...new Set(keys)];
}
