/** Comparing AE terms and SOC names: case-insensitive, whitespace-tolerant, locale-free (deterministic). */

/** Lower case, trimmed, inner whitespace collapsed: the form terms are compared in. */
export function normalizeTermText(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Code-unit order of the normalised texts, then of the raw texts. */
export function compareTermText(a: string, b: string): number {
  const [left, right] = [normalizeTermText(a), normalizeTermText(b)];
  if (left !== right) {
    return left < right ? -1 : 1;
  }
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}
