// What case and rule files may not contain: checked by readYaml on both of its roads (src/source/read-yaml.ts,
// src/source/yaml-checks.ts).

/** Keys that could reach an object's prototype if a later stage copied them blindly. */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** C0 and C1 control characters other than tab, line feed and carriage return, plus noncharacters. */
export const CONTROL_CHAR = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\uFFFE\uFFFF]/;
