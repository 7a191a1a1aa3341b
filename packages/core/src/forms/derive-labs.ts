import { gradeLabTest } from '../labs/ctcae-grading.js';
import { findLabTest, type QuantitativeLabTest } from '../labs/lab-catalogue.js';
import { convertLabValue } from '../labs/lab-conversion.js';
import { classifyLabValue, selectReferenceRange, type LabReferenceRange } from '../labs/reference-ranges.js';
import { contextAge, emptyOutput, type DerivationInput, type DerivationOutput } from './derivation-types.js';
import type { FormQuantity } from './form-types.js';

/**
 * Lab form → per test: the value in the catalogue's SI unit, the flag against the site's normal range
 * (context.labRanges) and the CTCAE grade (context.ctcaeVersion, lab-only convention, baseline from
 * context.labBaseline in SI). The entered value and unit are never changed. Derived ids: `<code>.si`,
 * `<code>.flag`, `<code>.ctcaeGrade`, `<code>.ctcaeTerm`.
 */

export const LAB_SI_ALGORITHM = 'lab-si-conversion@1';
export const LAB_FLAG_ALGORITHM = 'lab-range-flag@1';

/** Algorithm id of a CTCAE grade. */
export function ctcaeAlgorithm(version: string): string {
  return `ctcae-${version}/lab-only@1`;
}

/** The derived ids of one test. */
export function labDerivedIds(code: string): readonly string[] {
  return [`${code}.si`, `${code}.flag`, `${code}.ctcaeGrade`, `${code}.ctcaeTerm`];
}

interface LabResult {
  readonly test: QuantitativeLabTest;
  readonly quantity: FormQuantity;
}

function enteredLabs(input: DerivationInput): LabResult[] {
  const results: LabResult[] = [];
  for (const [code, value] of Object.entries(input.values)) {
    const test = findLabTest(code);
    if (test?.kind === 'quantitative' && typeof value === 'object' && !input.blocked.has(code)) {
      results.push({ test, quantity: value });
    }
  }
  return results;
}

function siValue(lab: LabResult): number {
  const converted = convertLabValue({
    test: lab.test.code,
    value: lab.quantity.value,
    from: lab.quantity.unit,
    to: lab.test.siUnit,
  });
  if (converted.kind === 'invalid') {
    throw new Error(`lab form accepted a unit the catalogue refuses: ${JSON.stringify(converted.problems)}`);
  }
  return converted.value;
}

function selectRange(
  lab: LabResult,
  input: DerivationInput,
  output: DerivationOutput,
): LabReferenceRange | undefined {
  const ranges = input.context.labRanges;
  if (ranges === undefined) {
    return undefined;
  }
  const age = contextAge(input.context);
  const selection = selectReferenceRange({
    ranges,
    test: lab.test.code,
    ...(input.context.sex === undefined ? {} : { sex: input.context.sex }),
    ...(age === undefined ? {} : { ageYears: age }),
  });
  if (selection.kind !== 'ok') {
    output.notes.push({ derived: [`${lab.test.code}.flag`], message: `no flag: ${selection.reason}` });
    return undefined;
  }
  return selection.range;
}

/** The value, unit and limits to grade with: the range's unit when a range applies, else the entered unit. */
function gradingNumbers(lab: LabResult, input: DerivationInput, range: LabReferenceRange | undefined) {
  const unit = range?.unit ?? lab.quantity.unit;
  const toUnit = (value: number, from: string): number | undefined => {
    const converted = convertLabValue({ test: lab.test.code, value, from, to: unit });
    return converted.kind === 'ok' ? converted.value : undefined;
  };
  const baselineSi = input.context.labBaseline?.[lab.test.code];
  const baseline = baselineSi === undefined ? undefined : toUnit(baselineSi, lab.test.siUnit);
  const value = toUnit(lab.quantity.value, lab.quantity.unit);
  if (value === undefined) {
    throw new Error(`${lab.test.code}: a validated range unit ${unit} did not convert`);
  }
  return {
    value,
    unit,
    ...(range?.lln === undefined ? {} : { lln: range.lln }),
    ...(range?.uln === undefined ? {} : { uln: range.uln }),
    ...(baseline === undefined ? {} : { baseline }),
  };
}

function grade(
  lab: LabResult,
  input: DerivationInput,
  state: { range?: LabReferenceRange; output: DerivationOutput },
): void {
  const version = input.context.ctcaeVersion;
  const code = lab.test.code;
  if (version === undefined || lab.test.ctcaeTerms.length === 0) {
    return;
  }
  const ids = [`${code}.ctcaeGrade`, `${code}.ctcaeTerm`];
  const graded = gradeLabTest({ version, test: code, ...gradingNumbers(lab, input, state.range) });
  if (graded.kind === 'invalid') {
    const reasons = graded.problems.map((problem) => `${problem.path}: ${problem.message}`).join('; ');
    state.output.notes.push({ derived: ids, message: `${code} not graded: ${reasons}` });
    return;
  }
  const highest = graded.highest;
  if (highest === undefined) {
    const reasons = graded.results
      .map((result) => (result.kind === 'not-gradable' ? result.reason : ''))
      .join('; ');
    state.output.notes.push({ derived: ids, message: `${code} not graded: ${reasons}` });
    return;
  }
  const algorithm = ctcaeAlgorithm(version);
  state.output.derived[`${code}.ctcaeGrade`] = { value: highest.grade, algorithm };
  state.output.derived[`${code}.ctcaeTerm`] = { value: highest.term, algorithm };
  for (const note of highest.notes) {
    state.output.notes.push({ derived: ids, message: `${code}: ${note}` });
  }
}

/** Flags the value against the participant's site range; returns the range when it was usable. */
function flag(
  lab: LabResult,
  state: { readonly input: DerivationInput; readonly output: DerivationOutput },
): LabReferenceRange | undefined {
  const code = lab.test.code;
  const range = selectRange(lab, state.input, state.output);
  if (range === undefined) {
    return undefined;
  }
  const classified = classifyLabValue({
    test: code,
    value: lab.quantity.value,
    unit: lab.quantity.unit,
    range,
  });
  if (classified.kind === 'invalid') {
    const reasons = classified.problems.map((problem) => problem.message).join('; ');
    state.output.notes.push({
      derived: [`${code}.flag`],
      message: `no flag: unusable site range: ${reasons}`,
    });
    return undefined;
  }
  state.output.derived[`${code}.flag`] = { value: classified.value.flag, algorithm: LAB_FLAG_ALGORITHM };
  return range;
}

export function deriveLabs(input: DerivationInput): DerivationOutput {
  const output = emptyOutput();
  const labs = enteredLabs(input);
  for (const lab of labs) {
    const code = lab.test.code;
    output.derived[`${code}.si`] = { value: siValue(lab), algorithm: LAB_SI_ALGORITHM };
    const range = flag(lab, { input, output });
    grade(lab, input, { ...(range === undefined ? {} : { range }), output });
  }
  if (labs.length > 0 && input.context.labRanges === undefined) {
    const derived = labs.map((lab) => `${lab.test.code}.flag`);
    output.notes.push({ derived, message: 'no flags: the context has no site reference ranges' });
  }
  const graded = labs.filter((lab) => lab.test.ctcaeTerms.length > 0);
  if (graded.length > 0 && input.context.ctcaeVersion === undefined) {
    const derived = graded.map((lab) => `${lab.test.code}.ctcaeGrade`);
    output.notes.push({ derived, message: 'no CTCAE grades: the context has no CTCAE version' });
  }
  return output;
}
