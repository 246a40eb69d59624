// What case and rule files may not contain, shared by readYaml (src/source/yaml-checks.ts) and quickYaml; kept
// apart from the yaml library so that quickYaml loads without it.

/** Keys that could reach an object's prototype if a later stage copied them blindly. */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** C0 and C1 control characters other than tab, line feed and carriage return, plus noncharacters. */
export const CONTROL_CHAR = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\uFFFE\uFFFF]/;
