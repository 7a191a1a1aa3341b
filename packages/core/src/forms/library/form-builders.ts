import type {
  FormChoice,
  FormComparator,
  FormCondition,
  FormCheck,
  FormItem,
  FormSection,
} from '../form-types.js';

/** Small constructors so library definitions read as tables. They only build data. */

type ItemSpec = Omit<FormItem, 'id' | 'label'>;

export function item(id: string, label: string, spec: ItemSpec): FormItem {
  return { id, label, ...spec };
}

/** A required item. */
export function required(id: string, label: string, spec: ItemSpec): FormItem {
  return item(id, label, { ...spec, required: true });
}

export function section(id: string, title: string, items: readonly FormItem[]): FormSection {
  return { id, title, items };
}

/** Coded answers whose values are their own labels' codes: [['normal', 'Normal'], …]. */
export function choices(pairs: readonly (readonly [string | number, string])[]): FormChoice[] {
  return pairs.map(([value, label]) => ({ value, label }));
}

/** Condition: `id` equals `value`. */
export function when(id: string, value: unknown): FormCondition {
  return { item: id, equals: value };
}

/** A compare check. */
export function compareCheck(
  check: Pick<FormCheck, 'id' | 'severity' | 'message'> & { readonly when?: FormCondition },
  compare: readonly [string, FormComparator, string | number],
): FormCheck {
  const [left, , right] = compare;
  const items = typeof right === 'string' && !right.startsWith('context.') ? [left, right] : [left];
  return { ...check, items, assert: { compare } };
}

/** Physiologic plausibility warnings: below `low` or above `high` asks for confirmation. */
export function plausibility(
  id: string,
  label: string,
  limits: { readonly low?: number; readonly high?: number; readonly unit: string },
): FormCheck[] {
  const checks: FormCheck[] = [];
  if (limits.low !== undefined) {
    const message = `${label} below ${limits.low} ${limits.unit}: confirm the value`;
    checks.push(compareCheck({ id: `${id}-low`, severity: 'warning', message }, [id, '>=', limits.low]));
  }
  if (limits.high !== undefined) {
    const message = `${label} above ${limits.high} ${limits.unit}: confirm the value`;
    checks.push(compareCheck({ id: `${id}-high`, severity: 'warning', message }, [id, '<=', limits.high]));
  }
  return checks;
}

/** A finding with a description that is required when the finding is abnormal. */
export function findingItems(id: string, label: string): FormItem[] {
  return [
    required(id, label, {
      type: 'choice',
      choices: choices([
        ['normal', 'Normal'],
        ['abnormal', 'Abnormal'],
        ['not-done', 'Not done'],
      ]),
    }),
    required(`${id}Details`, `${label}: describe the abnormality`, {
      type: 'text',
      showWhen: when(id, 'abnormal'),
    }),
  ];
}

/** A "dates in order" error check (end before start is impossible). */
export function notBefore(
  check: { readonly id: string; readonly message: string; readonly severity?: FormCheck['severity'] },
  later: string,
  earlier: string,
): FormCheck {
  return compareCheck({ id: check.id, severity: check.severity ?? 'error', message: check.message }, [
    later,
    '>=',
    earlier,
  ]);
}

/** A "not after the visit date" warning for a date item. */
export function notAfterVisit(id: string, label: string): FormCheck {
  return compareCheck(
    { id: `${id}-not-after-visit`, severity: 'warning', message: `${label} is after the visit date` },
    [id, '<=', 'context.assessmentDate'],
  );
}
