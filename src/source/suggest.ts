// "Did you mean" suggestions for misspelt keys, enum values and ids.

/** Longer words get no suggestion: nobody misspells 64 characters, and the distance costs time. */
const MAX_WORD = 64;

/** Edit distance between two strings (Levenshtein with adjacent transpositions, case-insensitive). */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let before: number[] = [];
  let prev = Array.from({ length: t.length + 1 }, (_, i) => i);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) cur[j] = Math.min(cur[j]!, (before[j - 2] ?? 0) + 1);
    }
    before = prev;
    prev = cur;
  }
  return prev[t.length] ?? 0;
}

/** The closest candidate within a distance that grows with the word's length, if any. */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  if (word.length > MAX_WORD) return undefined;
  const norm = (x: string) => x.toLowerCase().replace(/[-_\s]/g, '');
  const exact = candidates.find((c) => norm(c) === norm(word));
  if (exact) return exact;
  const prefixed = word.length >= 4 ? candidates.filter((c) => norm(c).startsWith(norm(word))) : [];
  if (prefixed.length === 1) return prefixed[0];
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const d = editDistance(word, c);
    if (d < bestScore) {
      best = c;
      bestScore = d;
    }
  }
  const limit = Math.max(1, Math.floor(Math.min(word.length, 12) / 3));
  return bestScore <= limit ? best : undefined;
}

/** A string shortened for messages. */
export function clip(s: string, max = 60): string {
  return s.length > max ? `${s.slice(0, max - 3)}...` : s;
}

/** " (did you mean 'x'?)" or "". */
export function suggestion(word: string, candidates: readonly string[]): string {
  const s = didYouMean(word, candidates);
  return s ? ` (did you mean '${s}'?)` : '';
}

/** Quote and join a list for messages, shortening long lists. */
export function listOf(values: readonly string[], max = 12): string {
  const shown = values.slice(0, max).map((v) => `'${v}'`);
  return values.length > max ? `${shown.join(', ')}, ... (${values.length} in all)` : shown.join(', ');
}
