// Markdown building blocks. Every text that comes from the case goes through `md()`, so that a name such as
// "A*B [C]" prints as written and can never become emphasis, a link or raw HTML.

/** Escape text for inline Markdown (never at the start of a line): characters that could start markup get a
 * backslash, `_` only at a word's edge (inside a word it is never emphasis); line breaks become spaces. */
export function md(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`*[\]<>|~&]/g, '\\$&')
    .replace(/_/g, (m, i: number, s: string) => (/[\p{L}\p{N}]/u.test(s[i - 1] ?? '') && /[\p{L}\p{N}]/u.test(s[i + 1] ?? '') ? m : '\\_'));
}

/** A GitHub-style table; cells are already Markdown (escaped with md() where they hold case text). */
export function table(head: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const line = (cells: readonly string[]) => `| ${cells.map((c) => c.replace(/\n/g, ' ') || ' ').join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)];
}

/** A bulleted list. */
export const bullets = (items: readonly string[]): string[] => items.map((i) => `- ${i}`);
