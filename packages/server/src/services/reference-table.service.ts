import { createHash } from 'node:crypto';
import {
  GLI_EDITIONS,
  parseGliLookupTable,
  type GliEdition,
  type GliLookupTable,
  type GliTableProblem,
  type GliTableRecord,
} from '@celltrial/core';
import { findReferenceTable, insertReferenceTable, sql, type Executor } from '@celltrial/db';
import { parse } from 'csv-parse/sync';
import { AppError } from '../errors/app-error.js';
import { auditedWrite } from './audited-write.js';
import type { Actor, ServiceDeps } from './service-context.js';

/**
 * User-supplied reference tables (`reference_table`): GLI spirometry lookup tables, loaded from the published CSV
 * (`celltrial reference load gli`), validated by core, stored once per (kind, sha256) with an audit row. None is
 * bundled (licence unclear: docs/methods/spirometry.md). The latest table of each GLI edition feeds the spirometry
 * derivation through buildFormContext.
 */

export interface LoadGliTableInput {
  /** The file exactly as read: its SHA-256 identifies the table. */
  readonly bytes: Uint8Array;
  /** File name, for messages and the default name. */
  readonly fileName: string;
  readonly edition: GliEdition;
  /** The name recorded with every prediction (default: the file name). */
  readonly name?: string | undefined;
}

export interface ReferenceTableLoadOutcome {
  readonly kind: string;
  readonly name: string;
  readonly sha256: string;
  readonly rows: number;
  /** False when the same file (same kind and SHA-256) was already loaded: nothing was written. */
  readonly loaded: boolean;
}

export interface ReferenceTableSummary {
  readonly id: string;
  readonly kind: string;
  readonly name: string;
  readonly sha256: string;
  readonly rows: number | null;
  readonly loadedAt: string;
  readonly loadedBy: string | null;
}

/** One problem with a table file, as stored in AppError details: `path` is the column. */
export interface ReferenceTableFileProblem {
  readonly line: number;
  readonly path: string;
  readonly rule: string;
  readonly message: string;
}

function invalidFile(fileName: string, problems: readonly GliTableProblem[]): AppError {
  const details: ReferenceTableFileProblem[] = problems.map((p) => ({
    line: p.line,
    path: p.column,
    rule: p.rule,
    message: p.message,
  }));
  return new AppError(
    'VALIDATION_FAILED',
    `${problems.length} problem(s) in ${fileName}; nothing was stored`,
    {
      problems: details,
    },
  );
}

/** Decodes and parses the CSV into header and records with their file lines; throws VALIDATION_FAILED. */
function readCsv(bytes: Uint8Array, fileName: string): { columns: string[]; records: GliTableRecord[] } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw invalidFile(fileName, [
      { line: 1, column: 'file', rule: 'utf-8', message: 'the file is not UTF-8 text' },
    ]);
  }
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    // With `info: true` csv-parse returns { record, info } objects; its typings do not model that option.
    parsed = parse(text, {
      bom: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as unknown as typeof parsed;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    throw invalidFile(fileName, [{ line, column: 'file', rule: 'csv', message: (error as Error).message }]);
  }
  const columns = parsed[0]?.record ?? [];
  const records = parsed.slice(1).map(({ record, info }) => ({
    line: info.lines,
    values: Object.fromEntries(columns.map((c, k) => [c, record[k] ?? ''])),
  }));
  return { columns, records };
}

function rowCount(content: unknown): number {
  const rows = (content as { rows?: unknown } | null)?.rows;
  return Array.isArray(rows) ? rows.length : 0;
}

/**
 * Loads a GLI lookup-table CSV: validates it (every problem with line and column; nothing is stored when there is
 * one), then stores the parsed table under kind = edition in one audited transaction. The same file twice is a
 * no-op (`loaded: false`).
 */
export async function loadGliReferenceTable(
  deps: ServiceDeps,
  actor: Actor,
  input: LoadGliTableInput,
): Promise<ReferenceTableLoadOutcome> {
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const kind = input.edition;
  const existing = await findReferenceTable(deps.db, { kind, sha256 });
  if (existing !== undefined) {
    return { kind, name: existing.name, sha256, rows: rowCount(existing.content), loaded: false };
  }
  const given = input.name?.trim() ?? '';
  const name = given === '' ? input.fileName : given;
  const { columns, records } = readCsv(input.bytes, input.fileName);
  const parsed = parseGliLookupTable({ edition: input.edition, source: name, columns, records });
  if (parsed.kind === 'invalid') {
    throw invalidFile(input.fileName, parsed.problems);
  }
  const rows = parsed.table.rows.length;
  try {
    return await auditedWrite(deps, actor, async (tx) => {
      const row = await insertReferenceTable(tx.trx, {
        kind,
        name,
        sha256,
        content: parsed.table,
        loadedBy: actor.userId,
      });
      await tx.audit({
        action: 'reference-table.load',
        entityType: 'reference_table',
        entityId: row.id,
        after: { kind, name, sha256, rows, file: input.fileName },
      });
      return { kind, name, sha256, rows, loaded: true };
    });
  } catch (error) {
    // The same file loaded concurrently: the unique (kind, sha256) refused the second insert.
    const loaded = await findReferenceTable(deps.db, { kind, sha256 });
    if (loaded === undefined) {
      throw error;
    }
    return { kind, name: loaded.name, sha256, rows: rowCount(loaded.content), loaded: false };
  }
}

/** Every loaded reference table, newest first, without its content. */
export async function listReferenceTables(deps: Pick<ServiceDeps, 'db'>): Promise<ReferenceTableSummary[]> {
  const rows = await deps.db
    .selectFrom('reference_table')
    .select(['id', 'kind', 'name', 'sha256', 'loaded_at', 'loaded_by'])
    .select(sql<number | null>`jsonb_array_length(content -> 'rows')`.as('rows'))
    .orderBy('loaded_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    name: r.name,
    sha256: r.sha256,
    rows: r.rows === null ? null : Number(r.rows),
    loadedAt: new Date(r.loaded_at).toISOString(),
    loadedBy: r.loaded_by,
  }));
}

/** Parsed contents by row id: a stored table never changes, so a row read once can be reused. */
const contentCache = new Map<string, GliLookupTable>();

/** The most recently loaded table of each GLI edition (none when nothing was loaded). */
export async function latestGliTables(db: Executor): Promise<GliLookupTable[]> {
  const latest = await Promise.all(
    GLI_EDITIONS.map((edition) =>
      db
        .selectFrom('reference_table')
        .select(['id'])
        .where('kind', '=', edition)
        .orderBy('loaded_at', 'desc')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst(),
    ),
  );
  const tables: GliLookupTable[] = [];
  for (const row of latest) {
    if (row === undefined) {
      continue;
    }
    let table = contentCache.get(row.id);
    if (table === undefined) {
      const stored = await db
        .selectFrom('reference_table')
        .select(['content'])
        .where('id', '=', row.id)
        .executeTakeFirstOrThrow();
      table = stored.content as GliLookupTable;
      contentCache.set(row.id, table);
    }
    tables.push(table);
  }
  return tables;
}

/** `FILE: N problem(s); nothing was stored`, then one `FILE:LINE: column: rule: message` line per problem (CLI). */
export function formatReferenceTableError(file: string, error: AppError): string {
  const problems = (error.details as { problems?: ReferenceTableFileProblem[] } | undefined)?.problems ?? [];
  if (problems.length === 0) {
    return `${file}: ${error.message}`;
  }
  return [
    `${file}: ${problems.length} problem(s); nothing was stored`,
    ...problems.map((p) => `${file}:${p.line}: ${p.path}: ${p.rule}: ${p.message}`),
  ].join('\n');
}
