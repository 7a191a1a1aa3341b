// Field-by-field differences between two screening record JSONs, for the "someone saved meanwhile" notice.

export interface FieldDifference {
  /** `diagnosis.elEscorial`, `alsfrsRHistory[1].total`. */
  path: string;
  /** The value in the newer saved revision ('—' when absent). */
  theirs: string;
  /** The value in the user's form ('—' when absent). */
  mine: string;
}

function flatten(value: unknown, path: string, into: Map<string, string>): void {
  if (Array.isArray(value)) {
    if (value.length === 0) {
      into.set(path, '(none)');
    }
    value.forEach((item, index) => flatten(item, `${path}[${index}]`, into));
    return;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      flatten(child, path === '' ? key : `${path}.${key}`, into);
    }
    return;
  }
  into.set(path, typeof value === 'string' ? value : JSON.stringify(value));
}

function leaves(value: unknown): Map<string, string> {
  const into = new Map<string, string>();
  if (value !== null && value !== undefined) {
    flatten(value, '', into);
  }
  return into;
}

/** Every leaf field whose value differs between the newer saved record and the form, in form order. */
export function recordDifferences(theirs: unknown, mine: unknown): FieldDifference[] {
  const a = leaves(theirs);
  const b = leaves(mine);
  const paths = [...new Set([...b.keys(), ...a.keys()])];
  return paths
    .filter((path) => a.get(path) !== b.get(path))
    .map((path) => ({ path, theirs: a.get(path) ?? '—', mine: b.get(path) ?? '—' }));
}
