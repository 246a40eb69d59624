// Case facts supplied by a config file (issue 18): each fills only a fact the case leaves out, and every one
// filled is listed in the assessment (`defaults[]`, and the text report's header), so nothing is silently invented.
import type { DefaultedFact } from '../engine/assessment.js';

export interface CaseDefaults {
  /** Fact path (e.g. ['buyer', 'country']), value, and where it comes from (a config file's path, shown with it). */
  values: { path: string[]; value: string | number | boolean; from: string }[];
}

/** Fill the absent facts of a parsed case document in place; returns those filled. A present value (even null,
 * which validation then reports) is never replaced, and a section that is not a mapping is left alone. */
export function applyCaseDefaults(doc: unknown, d: CaseDefaults): DefaultedFact[] {
  if (!isMap(doc)) return [];
  const filled: DefaultedFact[] = [];
  for (const { path, value, from } of d.values) {
    let at: Record<string, unknown> = doc;
    let ok = true;
    for (const key of path.slice(0, -1)) {
      if (!(key in at)) at[key] = {};
      const next = at[key];
      if (!isMap(next)) {
        ok = false;
        break;
      }
      at = next;
    }
    const last = path[path.length - 1]!;
    if (!ok || last in at) continue;
    at[last] = value;
    filled.push({ fact: path.join('.'), value, from });
  }
  return filled;
}

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
