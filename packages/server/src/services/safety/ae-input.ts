import type { AdverseEventFields } from '@celltrial/contracts';
import { CTCAE_V5_TERMS, parseIsoInstant, validateAdverseEvent, type ScaleProblem } from '@celltrial/core';
import type { AdverseEventState } from '@celltrial/db';
import { recordInvalid } from './safety-support.js';

/** The local calendar date of an ISO date-time as written (its offset's day): '2026-03-02T23:30:00-05:00' → 2026-03-02. */
export function localDateOf(instant: string): string {
  return instant.slice(0, 10);
}

/**
 * Awareness: `awarenessAt` (date-time with offset) is what the SAE clock needs; its local date is the awareness
 * date. A serious AE must have it. Returns the awareness date to validate with core, plus any problems.
 */
function readAwareness(
  fields: Partial<AdverseEventFields>,
  now: Date,
): { awarenessDate: string | null; awarenessAt: string | null; problems: ScaleProblem[] } {
  const problems: ScaleProblem[] = [];
  const at = fields.awarenessAt ?? null;
  let awarenessDate = fields.awarenessDate ?? null;
  if (at !== null) {
    const ms = parseIsoInstant(at);
    if (ms === null) {
      problems.push({
        path: 'awarenessAt',
        rule: 'iso-instant',
        message: 'awarenessAt must be an ISO date-time with an offset',
      });
    } else if (ms > now.getTime()) {
      problems.push({
        path: 'awarenessAt',
        rule: 'not-in-future',
        message: `awarenessAt ${at} is in the future`,
      });
    }
    const local = localDateOf(at);
    if (awarenessDate !== null && awarenessDate !== local) {
      problems.push({
        path: 'awarenessDate',
        rule: 'matches-awarenessAt',
        message: `awarenessDate ${awarenessDate} differs from the date of awarenessAt (${local}); give one or make them agree`,
      });
    }
    awarenessDate = local;
  } else if (fields.serious === true) {
    problems.push({
      path: 'awarenessAt',
      rule: 'required-when-serious',
      message:
        'a serious AE needs the date and time the site became aware of it (awarenessAt): it starts the 24-hour clock',
    });
  }
  return {
    awarenessDate,
    awarenessAt: at === null ? null : new Date(parseIsoInstant(at) ?? 0).toISOString(),
    problems,
  };
}

/**
 * Checks an AE as entered (core validateAdverseEvent against the bundled CTCAE v5.0 list and the protocol's
 * procedures, plus awareness time) and returns what is stored; throws 422 FORM_INVALID naming every field.
 */
export function toAdverseEventState(
  fields: Partial<AdverseEventFields>,
  context: { today: string; now: Date; procedures: readonly string[] },
): AdverseEventState {
  const awareness = readAwareness(fields, context.now);
  const validation = validateAdverseEvent(
    {
      ...(fields.term === undefined ? {} : { term: fields.term }),
      ...(fields.ctcaeTerm === undefined ? {} : { ctcaeTerm: fields.ctcaeTerm }),
      ...(fields.onsetDate === undefined ? {} : { onsetDate: fields.onsetDate }),
      ...(fields.resolutionDate === undefined ? {} : { resolutionDate: fields.resolutionDate }),
      ...(fields.ongoing === undefined ? {} : { ongoing: fields.ongoing }),
      ...(fields.grade === undefined ? {} : { grade: fields.grade }),
      ...(fields.serious === undefined ? {} : { serious: fields.serious }),
      ...(fields.seriousness === undefined ? {} : { seriousness: fields.seriousness }),
      ...(fields.relatedness === undefined ? {} : { relatedness: fields.relatedness }),
      ...(fields.expected === undefined ? {} : { expected: fields.expected }),
      ...(fields.actionTaken === undefined ? {} : { actionTaken: fields.actionTaken }),
      ...(fields.outcome === undefined ? {} : { outcome: fields.outcome }),
      awarenessDate: awareness.awarenessDate,
    },
    { today: context.today, ctcaeTerms: CTCAE_V5_TERMS, procedures: context.procedures },
  );
  // core reports a missing awareness date of a serious AE; with awarenessAt missing too, name the field to fill.
  const coreProblems =
    validation.kind === 'invalid'
      ? validation.problems.filter(
          (p) =>
            !(
              p.path === 'awarenessDate' &&
              p.rule === 'required-when-serious' &&
              awareness.problems.length > 0
            ),
        )
      : [];
  const problems = [...coreProblems, ...awareness.problems];
  if (validation.kind === 'invalid' || problems.length > 0) {
    throw recordInvalid('adverse event', problems);
  }
  const event = validation.event;
  const narrative = fields.narrative?.trim() ?? '';
  return {
    term: event.term,
    ctcaeTerm: event.ctcaeTerm,
    soc: event.soc,
    onsetDate: event.onsetDate,
    resolutionDate: event.resolutionDate,
    ongoing: event.ongoing,
    grade: event.grade,
    serious: event.serious,
    seriousness: event.seriousness,
    relatedness: { product: event.relatedness.product, procedures: { ...event.relatedness.procedures } },
    expected: event.expected,
    actionTaken: event.actionTaken,
    outcome: event.outcome,
    awarenessDate: event.awarenessDate,
    awarenessAt: awareness.awarenessAt,
    narrative: narrative === '' ? null : narrative,
  };
}
