// Test support: the real ClinicalTrials.gov records in ../shared/reference/ctgov/ (never copied into the
// repository; read at test time relative to the repository root) and facts read from them independently of
// the importer, to check the importer against.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatDocumentPath, parseProtocolYaml } from '@celltrial/contracts';
import type { CtgovDraft } from './draft-protocol.js';

export const REPO_ROOT = resolve(import.meta.dirname, '../../../../..');
export const CTGOV_DIR = resolve(REPO_ROOT, '../shared/reference/ctgov');

/** One row of manifest.csv (the columns the tests use). */
export interface ManifestRow {
  file: string;
  nct: string;
  elig: string;
}

/** Splits CSV text into rows of fields (RFC 4180 quoting). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') {
        i += 1;
      }
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += char;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** The manifest rows, keyed by column name. */
export function readManifest(): ManifestRow[] {
  const [header = [], ...rows] = parseCsv(readFileSync(resolve(CTGOV_DIR, 'manifest.csv'), 'utf8'));
  const column = (name: string): number => header.indexOf(name);
  return rows
    .filter((row) => row.length === header.length)
    .map((row) => ({
      file: row[column('file')] ?? '',
      nct: row[column('nct')] ?? '',
      elig: row[column('elig')] ?? '',
    }));
}

/** Every record file, as `v2/NCT….json` / `xml/NCT….xml`, sorted. */
export function recordFiles(): string[] {
  return ['v2', 'xml'].flatMap((folder) =>
    readdirSync(resolve(CTGOV_DIR, folder))
      .filter((name) => name.endsWith('.json') || name.endsWith('.xml'))
      .sort()
      .map((name) => `${folder}/${name}`),
  );
}

export function readRecord(file: string): string {
  return readFileSync(resolve(CTGOV_DIR, file), 'utf8');
}

function decodeXml(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Facts read from the raw record without the importer: title and whether it has eligibility text. */
export interface RecordFacts {
  title?: string;
  hasCriteriaText: boolean;
}

/** Reads the facts with JSON.parse (v2) or regular expressions (XML). */
export function recordFacts(file: string, text: string): RecordFacts {
  const collapse = (value: string | undefined): string | undefined => value?.replace(/\s+/g, ' ').trim();
  if (file.endsWith('.json')) {
    const study = JSON.parse(text) as {
      protocolSection?: {
        identificationModule?: { briefTitle?: string; officialTitle?: string };
        eligibilityModule?: { eligibilityCriteria?: string };
      };
    };
    const id = study.protocolSection?.identificationModule;
    const criteria = study.protocolSection?.eligibilityModule?.eligibilityCriteria ?? '';
    return { title: collapse(id?.briefTitle ?? id?.officialTitle), hasCriteriaText: criteria.trim() !== '' };
  }
  const title = /<brief_title>([\s\S]*?)<\/brief_title>/.exec(text)?.[1];
  const criteria = /<criteria>\s*<textblock>([\s\S]*?)<\/textblock>/.exec(text)?.[1] ?? '';
  return {
    title: title === undefined ? undefined : collapse(decodeXml(title)),
    hasCriteriaText: decodeXml(criteria).trim() !== '',
  };
}

/**
 * Validates a draft's YAML with the project's parser and returns the problems whose path is not inside a
 * field the importer marked TODO (a valid draft is itself a problem: it must fail until completed).
 */
export function problemsOutsideTodos(draft: CtgovDraft, yaml: string): string[] {
  const result = parseProtocolYaml(yaml, 'draft.yaml');
  if (result.kind === 'ok') {
    return ['(the draft validated: it must fail until the TODOs are completed)'];
  }
  const todoPaths = draft.todos.map((mark) => formatDocumentPath(mark.path));
  const covered = (path: string): boolean =>
    todoPaths.some((todo) => path === todo || path.startsWith(`${todo}.`) || path.startsWith(`${todo}[`));
  return result.problems
    .filter((problem) => !covered(problem.path))
    .map((problem) => `${problem.path}: ${problem.rule}: ${problem.message}`);
}
