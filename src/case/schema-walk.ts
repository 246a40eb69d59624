// Walking a JSON Schema (as zod writes it, or as a generated validator embeds it) by document path.
// No dependencies: the validators, the interview and check use it without loading zod.

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

/** The sub-schema at a document path, looking through anyOf alternatives, array items and local references
 * ($ref: '#/$defs/name', as the generated validators' schemas use them). */
export function schemaAt(root: JsonSchema, path: readonly (string | number)[]): JsonSchema | undefined {
  let node: JsonSchema | undefined = deref(root, root);
  for (const seg of path) {
    if (!node) return undefined;
    node = deref(root, step(root, node, seg));
  }
  return node;
}

function deref(root: JsonSchema, node: JsonSchema | undefined): JsonSchema | undefined {
  const ref = node?.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/$defs/')) return node;
  return (root.$defs as Record<string, JsonSchema> | undefined)?.[ref.slice('#/$defs/'.length)];
}

function step(root: JsonSchema, node: JsonSchema, seg: string | number): JsonSchema | undefined {
  if (typeof seg === 'number') {
    if (node.items && !Array.isArray(node.items)) return node.items;
    if (node.prefixItems) return node.prefixItems[seg];
  } else if (node.properties && seg in node.properties) {
    return node.properties[seg];
  } else if (node.additionalProperties && typeof node.additionalProperties === 'object') {
    return node.additionalProperties;
  }
  for (const alt of node.anyOf ?? []) {
    const own = deref(root, alt);
    const found = own && step(root, own, seg);
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
