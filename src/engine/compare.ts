// Ordering ids, fact paths and dates as String.prototype.localeCompare orders them in English, without
// loading ICU's collator (~20 ms at start). Strings with characters outside the table fall back to localeCompare.

/** The characters in collation order (punctuation, then digits, then letters), as ICU's root order has them. */
const ORDER = " _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$0123456789abcdefghijklmnopqrstuvwxyz";
const RANK = new Int16Array(128).fill(-1);
for (let i = 0; i < ORDER.length; i++) RANK[ORDER.charCodeAt(i)] = i;

/** Compare two strings as `a.localeCompare(b, 'en')` does: negative, zero or positive. */
export function compareText(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const rx = x < 128 ? RANK[x]! : -1;
    const ry = y < 128 ? RANK[y]! : -1;
    if (rx < 0 || ry < 0) return a.localeCompare(b, 'en');
    return rx - ry;
  }
  if (a.length !== b.length && !simple(a.length > b.length ? a : b, n)) return a.localeCompare(b, 'en');
  return a.length - b.length;
}

function simple(s: string, from: number): boolean {
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128 || RANK[c]! < 0) return false;
  }
  return true;
}
