/**
 * Names sort in Vietnamese order everywhere (tables, charts, slides,
 * briefing). One collator, made on first use: `a.localeCompare(b, 'vi')`
 * sorts the same but looks the locale up again on every call, and a
 * province's ranking compares thousands of names.
 */
let collator: Intl.Collator | null = null;

export function compareNames(a: string, b: string): number {
  collator ??= new Intl.Collator('vi');
  return collator.compare(a, b);
}
