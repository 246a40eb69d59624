// Ordering ids, fact paths and dates for reports: English collation (Intl.Collator), made on first use.

let collator: Intl.Collator | undefined;

/** Compare two strings as `a.localeCompare(b, 'en')` does: negative, zero or positive. */
export function compareText(a: string, b: string): number {
  return (collator ??= new Intl.Collator('en')).compare(a, b);
}
