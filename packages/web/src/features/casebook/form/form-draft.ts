// The values of an eCRF form as the inputs hold them (text), and the conversions to and from the item values the
// API and core's form engine take. Pure: the editor, the live check and the tests use it.
//
// Nothing is guessed: text that is not a number is sent as text, so the engine names the item and the rule
// ("must be a number"), and numbers are sent exactly as typed (never rounded).
import { canonicalJson, type FormDefinition, type FormItem } from '@celltrial/core';
import { definitionItems } from '../form-definitions.js';

/** Every input of a form as typed: the text of each item and the chosen unit of quantity items. */
export interface FormDraft {
  readonly text: Readonly<Record<string, string>>;
  readonly units: Readonly<Record<string, string>>;
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** A number typed as text, or the text itself when it is not one (the engine then reports it). */
export function parseNumberText(text: string): number | string {
  const trimmed = text.trim();
  return NUMBER.test(trimmed) ? Number(trimmed) : trimmed;
}

function isQuantity(value: unknown): value is { value: unknown; unit: unknown } {
  return typeof value === 'object' && value !== null && 'value' in value && 'unit' in value;
}

/** The text an input shows for a stored value. */
export function textOf(item: FormItem, value: unknown): string {
  if (value === undefined || value === null) {
    return '';
  }
  if (item.type === 'boolean') {
    return typeof value === 'boolean' ? String(value) : '';
  }
  if (item.type === 'quantity') {
    return isQuantity(value) ? String(value.value) : '';
  }
  if (typeof value === 'string' || typeof value === 'number') {
    return String(value);
  }
  return JSON.stringify(value);
}

/** The unit an input starts with: the stored one, else the item's first accepted unit. */
function unitOf(item: FormItem, value: unknown): string {
  if (isQuantity(value) && typeof value.unit === 'string') {
    return value.unit;
  }
  return item.units?.[0] ?? '';
}

/** The inputs of a form filled from stored values. */
export function draftFromValues(
  definition: FormDefinition,
  values: Readonly<Record<string, unknown>>,
): FormDraft {
  const text: Record<string, string> = {};
  const units: Record<string, string> = {};
  for (const item of definitionItems(definition)) {
    text[item.id] = textOf(item, values[item.id]);
    if (item.type === 'quantity') {
      units[item.id] = unitOf(item, values[item.id]);
    }
  }
  return { text, units };
}

/** The value of one input, or undefined when it is empty. */
export function itemValue(item: FormItem, draft: FormDraft): unknown {
  const text = draft.text[item.id] ?? '';
  if (text.trim() === '') {
    return undefined;
  }
  switch (item.type) {
    case 'integer':
    case 'decimal':
      return parseNumberText(text);
    case 'boolean':
      if (text === 'true' || text === 'false') {
        return text === 'true';
      }
      return text;
    case 'choice': {
      // Coded answers may be numbers or strings; the select holds their text.
      const choice = item.choices?.find((candidate) => String(candidate.value) === text);
      return choice === undefined ? text : choice.value;
    }
    case 'quantity':
      return { value: parseNumberText(text), unit: draft.units[item.id] ?? '' };
    case 'text':
      return text;
    case 'date':
    case 'datetime':
      return text.trim();
  }
}

/** The values to evaluate and send: every non-empty input of the items in `include` (default: all). */
export function draftToValues(
  definition: FormDefinition,
  draft: FormDraft,
  include: (itemId: string) => boolean = () => true,
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const item of definitionItems(definition)) {
    const value = itemValue(item, draft);
    if (value !== undefined && include(item.id)) {
      values[item.id] = value;
    }
  }
  return values;
}

/** A stored value as text for tables (choices by their label, booleans Yes/No, quantities with the unit). */
export function displayValue(item: FormItem | undefined, value: unknown): string {
  if (value === undefined || value === null || value === '') {
    return '—';
  }
  if (typeof value === 'boolean') {
    return value ? 'Yes' : 'No';
  }
  if (isQuantity(value)) {
    return `${String(value.value)} ${String(value.unit)}`;
  }
  const choice = item?.choices?.find((candidate) => candidate.value === value);
  if (choice !== undefined) {
    return choice.label;
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Item ids whose value differs between two value maps (added, changed or cleared), in form order. */
export function changedItemIds(
  definition: FormDefinition,
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>,
): string[] {
  return definitionItems(definition)
    .map((item) => item.id)
    .filter((id) => canonicalJson(before[id]) !== canonicalJson(after[id]));
}
