import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Test support: reads the trial-design reference outputs (R 4.2.2; BOIN 2.7.2, bcrm 0.5.4) from
 * ../shared/reference/design-values/ next to the repository at test time. The files are never copied into the repo.
 */

const repoRoot = resolve(import.meta.dirname, '../../../../..');

/** The text of one reference file. */
export function readDesignReference(name: string): string {
  return readFileSync(resolve(repoRoot, '../shared/reference/design-values', name), 'utf8');
}

/** Numbers in a whitespace-separated text; `NA`, `-` and `----` become null. */
export function numbersIn(text: string): (number | null)[] {
  return text
    .trim()
    .split(/\s+/)
    .filter((t) => t !== '')
    .map((t) => (t === 'NA' || /^-+$/.test(t) ? null : Number(t)));
}

/** Numbers of a `key=` list like `p=(0.05,0.1,0.2)` or `p.true = 0.05, 0.1, 0.2`. */
export function rateList(text: string): number[] {
  return text
    .replace(/[()]/g, '')
    .split(',')
    .map((t) => Number(t.trim()));
}

/** Text between two markers (end excluded; to the end of the text when `end` is not found). */
export function section(text: string, start: string, end?: string): string {
  const from = text.indexOf(start);
  if (from < 0) {
    throw new Error(`reference file has no section "${start}"`);
  }
  const rest = text.slice(from + start.length);
  const to = end === undefined ? -1 : rest.indexOf(end);
  return to < 0 ? rest : rest.slice(0, to);
}

/** First capture of `pattern` in `text`, or an error naming the pattern. */
export function capture(text: string, pattern: RegExp): string {
  const match = pattern.exec(text);
  const value = match?.[1];
  if (value === undefined) {
    throw new Error(`reference text does not match ${String(pattern)}`);
  }
  return value;
}

/** One exact 3+3 scenario: rates, P(MTD = 0…K), E[N] and optional per-level expectations. */
export interface ThreePlusThreeScenario {
  readonly rates: number[];
  readonly pMtd: number[];
  readonly expectedN: number;
  readonly expectedNPerLevel?: number[];
  readonly expectedDltsPerLevel?: number[];
}

/** Scenarios of a "Table B" block: ` p=(…)` then `P(MTD=0..K) = …` and `E[N]=…  E[N_j]=…  E[DLT_j]=…`. */
export function tableBScenarios(block: string): ThreePlusThreeScenario[] {
  return block
    .split(/\n\s*p=/)
    .slice(1)
    .map((chunk) => ({
      rates: rateList(capture(chunk, /^(\([^)]*\))/)),
      pMtd: numbersIn(capture(chunk, /P\(MTD=0\.\.K\) = ([^\n]*)/)).map(Number),
      expectedN: Number(capture(chunk, /E\[N\]=([\d.]+)/)),
      expectedNPerLevel: numbersIn(capture(chunk, /E\[N_j\]=([\d. ]+?)\s+E\[DLT_j\]/)).map(Number),
      expectedDltsPerLevel: numbersIn(capture(chunk, /E\[DLT_j\]=([^\n]*)/)).map(Number),
    }));
}

/** Lines of a `key: a b c` decision table (BOIN get.boundary print-out), merged across wrapped blocks. */
export function boundaryRows(block: string, labels: readonly string[]): (number | null)[][] {
  return labels.map((label) =>
    block
      .split('\n')
      .filter((line) => line.trimStart().startsWith(label))
      .flatMap((line) => numbersIn(line.trimStart().slice(label.length))),
  );
}
