// Maps a document path (['visits', 3, 'window']) to a line and column of a parsed YAML document, and
// formats paths the way protocol authors read them (`visits[3].window`).
import type { Document, LineCounter } from 'yaml';
import { isMap, isNode, isPair, isScalar, isSeq } from 'yaml';

export type DocumentPath = readonly (string | number)[];

const PLAIN_KEY = /^[A-Za-z_][\w-]*$/;

/** `visits[3].window.before`; keys that are not plain names are quoted (`ratio["a b"]`); root is ''. */
export function formatDocumentPath(path: DocumentPath): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') {
      text += `[${segment}]`;
    } else if (PLAIN_KEY.test(segment)) {
      text += text === '' ? segment : `.${segment}`;
    } else {
      text += `[${JSON.stringify(segment)}]`;
    }
  }
  return text;
}

function keyText(key: unknown): string | null {
  if (isScalar(key)) {
    return String(key.value);
  }
  return typeof key === 'string' || typeof key === 'number' ? String(key) : null;
}

function start(node: unknown): number | null {
  return isNode(node) && node.range ? node.range[0] : null;
}

/**
 * Offset of the deepest node that exists along `path`. With `preferKey`, a path that ends at a map entry
 * points at the entry's key (where an unknown key is written) rather than at its value.
 */
function locateOffset(doc: Document, path: DocumentPath, preferKey: boolean): number {
  let node: unknown = doc.contents;
  let offset = start(node) ?? 0;
  for (const [index, segment] of path.entries()) {
    const last = index === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && keyText(item.key) === String(segment));
      if (pair === undefined) {
        break;
      }
      const keyOffset = start(pair.key);
      const valueOffset = start(pair.value);
      if (last && preferKey && keyOffset !== null) {
        return keyOffset;
      }
      // An empty value (`window:`) has no useful position of its own: use the key.
      const emptyValue = pair.value === null || (isScalar(pair.value) && pair.value.value === null);
      offset = (emptyValue ? keyOffset : valueOffset) ?? keyOffset ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item: unknown = node.items[segment];
      if (item === undefined) {
        break;
      }
      offset = start(item) ?? offset;
      node = item;
    } else {
      break;
    }
  }
  return offset;
}

/** 1-based line and column of the path in the document (nearest existing ancestor when it is missing). */
export function locatePath(
  doc: Document,
  lineCounter: LineCounter,
  options: { path: DocumentPath; preferKey?: boolean },
): { line: number; column: number } {
  const offset = locateOffset(doc, options.path, options.preferKey ?? false);
  const position = lineCounter.linePos(offset);
  return { line: position.line, column: position.col };
}
