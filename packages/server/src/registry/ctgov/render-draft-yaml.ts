// Writes a draft protocol as YAML with its marks as comments: `# TODO: …` above each field a person must
// complete, and notes (registry wording, guesses) as trailing comments. Uses the `yaml` Document API.
import type { Node, Pair, Scalar } from 'yaml';
import { Document, isCollection, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { CtgovDraft, DraftMark, DraftPath } from './draft-protocol.js';

/** Top-level keys that start a new block (a blank line before them), as in the seed protocol files. */
const SPACED_KEYS = new Set([
  'design',
  'interventions',
  'administrations',
  'studyDay',
  'epochs',
  'procedures',
  'forms',
  'visits',
  'eligibility',
  'endpoints',
  'safety',
]);

const SOURCE_NAMES = { 'api-v2': 'API v2 JSON', 'legacy-xml': 'legacy XML' } as const;

function appendComment(existing: string | null | undefined, line: string): string {
  return existing === undefined || existing === null || existing === '' ? line : `${existing}\n${line}`;
}

/** The map pair for the last key of `path`, or the seq item for a trailing index. */
function locate(doc: Document, path: DraftPath): { pair?: Pair<Scalar>; node?: Node } | undefined {
  const last = path[path.length - 1];
  const parent: unknown = path.length <= 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
  if (isMap(parent)) {
    const pair = parent.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === last);
    return pair === undefined ? undefined : { pair: pair as Pair<Scalar>, node: pair.value as Node };
  }
  if (isSeq(parent) && typeof last === 'number') {
    const node: unknown = parent.items[last];
    return isScalar(node) || isCollection(node) ? { node } : undefined;
  }
  return undefined;
}

/** Attaches a comment above the field at `path` (or its nearest existing ancestor). */
function commentAbove(doc: Document, path: DraftPath, line: string): void {
  for (let depth = path.length; depth > 0; depth -= 1) {
    const found = locate(doc, path.slice(0, depth));
    const target = found?.pair?.key ?? found?.node;
    if (target !== undefined && target !== null) {
      target.commentBefore = appendComment(target.commentBefore, line);
      return;
    }
  }
  doc.commentBefore = appendComment(doc.commentBefore, line);
}

/** Attaches a note after a scalar value, or above the field when the value is a collection. */
function noteAt(doc: Document, mark: DraftMark): void {
  const found = locate(doc, mark.path);
  if (found?.node !== undefined && isScalar(found.node)) {
    found.node.comment = appendComment(found.node.comment, ` ${mark.text}`).replace(/\n/g, ';');
    return;
  }
  commentAbove(doc, mark.path, ` ${mark.text}`);
}

/** Short lists of plain values are written inline (`[phase-1, phase-2]`) unless an item carries a comment. */
function flowShortLists(node: unknown, marked: ReadonlySet<string>, path: string): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      flowShortLists(pair.value, marked, `${path}/${key}`);
    }
    return;
  }
  if (!isSeq(node)) {
    return;
  }
  const scalars = node.items.every((item) => isScalar(item));
  const length = node.items.reduce<number>(
    (sum, item) => sum + String(isScalar(item) ? item.value : '').length + 2,
    0,
  );
  const itemMarked = node.items.some((_, index) => marked.has(`${path}/${index}`));
  if (scalars && length <= 80 && !itemMarked) {
    node.flow = true;
  }
  node.items.forEach((item, index) => flowShortLists(item, marked, `${path}/${index}`));
}

function header(draft: CtgovDraft): string {
  return [
    ` Draft protocol imported from ClinicalTrials.gov record ${draft.nctId} (${SOURCE_NAMES[draft.source]})`,
    ` by \`celltrial protocol import-ctgov\`. Source: https://clinicaltrials.gov/study/${draft.nctId}`,
    '',
    ` This draft FAILS validation until every "TODO" below is completed (${draft.todos.length} TODO comments):`,
    ' a registry record does not give the visits and their windows, epochs, forms, the dose schedule as',
    ' data, the analysis methods or the safety grading. Other comments are notes: registry wording and',
    ' guesses to check. Check with `celltrial protocol validate FILE`.',
  ].join('\n');
}

/** Renders the draft as a commented YAML protocol file. */
export function renderDraftYaml(draft: CtgovDraft): string {
  const doc = new Document(draft.protocol);
  doc.commentBefore = header(draft);
  const marked = new Set([...draft.todos, ...draft.notes].map((mark) => `/${mark.path.join('/')}`));
  flowShortLists(doc.contents, marked, '');
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (isScalar(pair.key) && SPACED_KEYS.has(String(pair.key.value))) {
        pair.key.spaceBefore = true;
      }
    }
  }
  for (const mark of draft.todos) {
    commentAbove(doc, mark.path, ` TODO: ${mark.text}`);
  }
  for (const mark of draft.notes) {
    noteAt(doc, mark);
  }
  return doc.toString({
    lineWidth: 110,
    minContentWidth: 40,
    flowCollectionPadding: false,
    blockQuote: 'literal',
  });
}
