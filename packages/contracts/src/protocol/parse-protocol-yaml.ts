// Reads a protocol file: YAML syntax, then the schema (structure, types, unknown keys), then the
// semantic rules of core — every problem with its YAML path and line number.
import type { Protocol } from '@celltrial/core';
import { findProtocolProblems } from '@celltrial/core';
import { LineCounter, parseDocument } from 'yaml';
import type { RawProblem } from './protocol-issues.js';
import { issuesToProblems } from './protocol-issues.js';
import { ProtocolSchema } from './protocol.schema.js';
import { formatDocumentPath, locatePath } from './yaml-locate.js';

export interface ProtocolFileProblem {
  file: string;
  /** Author-facing path, e.g. `visits[3].window.before` ('' for the whole document). */
  path: string;
  /** 1-based line (and column) in the file. */
  line: number;
  column: number;
  rule: string;
  message: string;
}

export type ParseProtocolResult =
  { kind: 'ok'; protocol: Protocol } | { kind: 'invalid'; problems: ProtocolFileProblem[] };

/**
 * A copy without the unknown keys — a misspelt key whose suggested spelling is absent is renamed to it —
 * so that the semantic rules can still run on the rest of a file that has only key typos.
 */
function withKeyTyposRepaired(data: unknown, problems: RawProblem[]): unknown {
  const copy = structuredClone(data);
  for (const problem of problems.filter((candidate) => candidate.rule === 'unknown-key')) {
    let target: unknown = copy;
    for (const segment of problem.path.slice(0, -1)) {
      target = (target as Record<string, unknown> | undefined)?.[String(segment)];
    }
    const key = problem.path[problem.path.length - 1];
    if (target === null || typeof target !== 'object' || key === undefined) {
      continue;
    }
    const record = target as Record<string, unknown>;
    if (problem.suggestion !== undefined && !(problem.suggestion in record)) {
      record[problem.suggestion] = record[String(key)];
    }
    delete record[String(key)];
  }
  return copy;
}

/** A missing field that an unknown key next to it is a misspelling of: the unknown key says it all. */
function isExplainedByTypo(problem: RawProblem, problems: RawProblem[]): boolean {
  if (problem.rule !== 'missing-field') {
    return false;
  }
  const parent = JSON.stringify(problem.path.slice(0, -1));
  const field = problem.path[problem.path.length - 1];
  return problems.some(
    (other) =>
      other.rule === 'unknown-key' &&
      other.suggestion === field &&
      JSON.stringify(other.path.slice(0, -1)) === parent,
  );
}

/** Validates protocol YAML text; returns the typed protocol or every problem (syntax, schema, semantics). */
export function parseProtocolYaml(text: string, fileName: string): ParseProtocolResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      kind: 'invalid',
      problems: doc.errors.map((error) => ({
        file: fileName,
        path: '',
        line: lineCounter.linePos(error.pos[0]).line,
        column: lineCounter.linePos(error.pos[0]).col,
        rule: 'yaml-syntax',
        message:
          error.code === 'MULTIPLE_DOCS'
            ? 'a protocol file holds one YAML document: remove the `---` separator and what follows'
            : (error.message.split('\n')[0] ?? error.message),
      })),
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      kind: 'invalid',
      problems: [{ file: fileName, path: '', line: 1, column: 1, rule: 'yaml-syntax', message }],
    };
  }
  const raw: RawProblem[] = [];
  const parsed = ProtocolSchema.safeParse(data);
  let protocol: Protocol | null = parsed.success ? parsed.data : null;
  if (!parsed.success) {
    const structural = issuesToProblems(parsed.error.issues, ProtocolSchema, data);
    raw.push(...structural.filter((problem) => !isExplainedByTypo(problem, structural)));
    if (structural.some((problem) => problem.rule === 'unknown-key')) {
      const retry = ProtocolSchema.safeParse(withKeyTyposRepaired(data, structural));
      protocol = retry.success ? retry.data : null;
    }
  }
  if (protocol !== null) {
    raw.push(...findProtocolProblems(protocol));
  }
  if (raw.length === 0 && protocol !== null) {
    return { kind: 'ok', protocol };
  }
  const problems = raw.map((problem): ProtocolFileProblem => {
    const position = locatePath(doc, lineCounter, { path: problem.path, preferKey: problem.atKey === true });
    return {
      file: fileName,
      path: formatDocumentPath(problem.path),
      line: position.line,
      column: position.column,
      rule: problem.rule,
      message: problem.message,
    };
  });
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return { kind: 'invalid', problems };
}

/** One line per problem: `FILE:LINE: path: rule: message` (the format of `celltrial protocol validate`). */
export function formatProtocolProblem(problem: ProtocolFileProblem): string {
  return `${problem.file}:${problem.line}: ${problem.path === '' ? '(document)' : problem.path}: ${problem.rule}: ${problem.message}`;
}
