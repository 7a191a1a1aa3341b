// Display text for reference ranges and the editor's choices, from core's lab catalogue. Numbers are written as
// JavaScript writes them (never rounded).
import {
  LAB_TESTS,
  LAB_UNIT_LABELS,
  findLabTest,
  isLabUnit,
  type LabTest,
  type QuantitativeLabTest,
} from '@celltrial/core';

const PANEL_LABELS: Readonly<Record<QuantitativeLabTest['panel'], string>> = {
  hematology: 'Haematology',
  chemistry: 'Chemistry',
};

const isQuantitative = (test: LabTest): test is QuantitativeLabTest => test.kind === 'quantitative';

/** The catalogue's quantitative tests (ranges exist only for these). */
export const QUANTITATIVE_LAB_TESTS: readonly QuantitativeLabTest[] = LAB_TESTS.filter(isQuantitative);

/** The test's catalogue name, or its code when it is not catalogued. */
export function labTestName(code: string): string {
  return findLabTest(code)?.name ?? code;
}

/** The unit as printed (µmol/L, ×10⁹/L …), or as stored when it is not a known UCUM code. */
export function labUnitLabel(unit: string): string {
  return isLabUnit(unit) ? LAB_UNIT_LABELS[unit] : unit;
}

/** A limit as stored, or a dash when absent. */
export function limitText(value: number | null): string {
  return value === null ? '—' : String(value);
}

export function sexLabel(sex: 'female' | 'male' | null): string {
  if (sex === null) {
    return 'Any';
  }
  return sex === 'female' ? 'Female' : 'Male';
}

/** The age band [ageMin, ageMax) in years: "18 to < 65 y", "≥ 65 y", "< 18 y" or "Any". */
export function ageBandLabel(ageMin: number | null, ageMax: number | null): string {
  if (ageMin === null && ageMax === null) {
    return 'Any';
  }
  if (ageMax === null) {
    return `≥ ${String(ageMin)} y`;
  }
  if (ageMin === null) {
    return `< ${String(ageMax)} y`;
  }
  return `${String(ageMin)} to < ${String(ageMax)} y`;
}

/** Test choices grouped by panel, in catalogue order. */
export function testOptions(): { group: string; items: { value: string; label: string }[] }[] {
  return (['hematology', 'chemistry'] as const).map((panel) => ({
    group: PANEL_LABELS[panel],
    items: QUANTITATIVE_LAB_TESTS.filter((test) => test.panel === panel).map((test) => ({
      value: test.code,
      label: test.name,
    })),
  }));
}

/** The units a test may be reported in (SI and conventional marked); empty for an unknown or qualitative test. */
export function unitOptions(code: string): { value: string; label: string }[] {
  const test = findLabTest(code);
  if (test === undefined || !isQuantitative(test)) {
    return [];
  }
  return test.units.map(({ unit }) => {
    const marks: Record<string, string> = {
      [test.conventionalUnit]: ' (conventional)',
      [test.siUnit]: ' (SI)',
    };
    return { value: unit, label: `${LAB_UNIT_LABELS[unit]}${marks[unit] ?? ''}` };
  });
}

function catalogueIndex(code: string): number {
  const index = LAB_TESTS.findIndex((test) => test.code === code);
  return index === -1 ? LAB_TESTS.length : index;
}

const SEX_ORDER = { none: 0, female: 1, male: 2 } as const;

/** Ranges in catalogue order, then any sex before female before male, then by age band. */
export function sortRanges<
  T extends { test: string; sex: 'female' | 'male' | null; ageMin: number | null; ageMax: number | null },
>(ranges: readonly T[]): T[] {
  return [...ranges].sort(
    (a, b) =>
      catalogueIndex(a.test) - catalogueIndex(b.test) ||
      a.test.localeCompare(b.test) ||
      SEX_ORDER[a.sex ?? 'none'] - SEX_ORDER[b.sex ?? 'none'] ||
      (a.ageMin ?? 0) - (b.ageMin ?? 0) ||
      (a.ageMax ?? Infinity) - (b.ageMax ?? Infinity),
  );
}
