import type {
  AnalysisDataset,
  AnalysisMessage,
  AnalysisObservation,
  AnalysisParticipant,
} from '@celltrial/contracts';
import type { Protocol } from '@celltrial/core';
import type { AnalysisFormRow, AnalysisParticipantRow, StudyAnalysisRows } from './analysis-rows.js';
import { MEASURE_ORDER, MEASURE_SOURCES, derivedNumber, monthsBetween, splitOf } from './dataset-sources.js';
import { survivalOf } from './survival-times.js';

export interface BuildDatasetInput {
  readonly studyId: string;
  readonly protocol: Protocol;
  readonly rows: StudyAnalysisRows;
  /** False only for callers holding allocation:read in the study. */
  readonly blinded: boolean;
  readonly now: Date;
}

interface DatedValue {
  readonly measure: AnalysisObservation['measure'];
  readonly visitKey: string;
  readonly date: string;
  readonly value: number;
}

function valuesOf(forms: readonly AnalysisFormRow[]): DatedValue[] {
  const out: DatedValue[] = [];
  for (const measure of MEASURE_ORDER) {
    const source = MEASURE_SOURCES[measure];
    for (const form of forms) {
      const value = form.formKey === source.formKey ? derivedNumber(form, source.derived) : undefined;
      if (value !== undefined && form.date !== null) {
        out.push({ measure, visitKey: form.visitKey ?? 'log', date: form.date, value });
      }
    }
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}

function groupByParticipant<T extends { participantId: string }>(items: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const list = out.get(item.participantId);
    if (list === undefined) {
      out.set(item.participantId, [item]);
    } else {
      list.push(item);
    }
  }
  return out;
}

function originKind(
  splitDate: string | undefined,
  firstDate: string | undefined,
): AnalysisParticipant['origin'] {
  if (splitDate !== undefined) {
    return 'split';
  }
  return firstDate === undefined ? 'none' : 'first-measure';
}

const subjectOf = (p: AnalysisParticipantRow): string => p.subjectNumber ?? p.screeningNumber;

function statusOf(input: BuildDatasetInput, dates: readonly string[]): AnalysisDataset['status'] {
  const lock = input.rows.studyLock;
  const generatedAt = input.now.toISOString();
  return {
    source: lock === null ? 'current' : 'locked',
    lockedAt: lock?.locked_at.toISOString() ?? null,
    lockReason: lock?.reason ?? null,
    dataCutDate: (lock?.locked_at.toISOString() ?? generatedAt).slice(0, 10),
    lastDataDate: [...dates].sort().at(-1) ?? null,
    generatedAt,
  };
}

/**
 * The long-format analysis dataset: one observation per measure and dated visit, months from the participant's
 * origin (the split visit of a run-in design, else the first visit with a measure), survival times, and the
 * arm only for unblinded callers.
 */
export function buildAnalysisDataset(input: BuildDatasetInput): AnalysisDataset {
  const { protocol, rows } = input;
  const messages: AnalysisMessage[] = [];
  const split = splitOf(protocol);
  if (split.kind === 'undefined') {
    messages.push({ level: 'warning', text: split.reason });
  }
  const splitVisit = split.kind === 'split' ? split.visit : null;
  const hasSurvivalForm = protocol.forms.some((f) => f.id === 'survival-status');
  const observations: AnalysisObservation[] = [];
  const participants: AnalysisParticipant[] = [];
  const noSplit: string[] = [];
  const formsBy = groupByParticipant(rows.forms);
  const visitsBy = groupByParticipant(rows.visits);
  for (const p of rows.participants.filter((r) => r.subjectNumber !== null)) {
    const subject = subjectOf(p);
    const arm = input.blinded ? null : (rows.allocations.get(p.id) ?? null);
    const forms = formsBy.get(p.id) ?? [];
    const values = valuesOf(forms);
    const visitDates = visitsBy.get(p.id) ?? [];
    const splitDate =
      splitVisit === null ? undefined : visitDates.filter((v) => v.visitKey === splitVisit).at(0)?.date;
    const firstDate = values[0]?.date;
    if (splitVisit !== null && splitDate === undefined && values.length > 0) {
      noSplit.push(subject);
    }
    const originDate = splitDate ?? firstDate ?? null;
    const origin = originKind(splitDate, firstDate);
    for (const v of values) {
      if (originDate !== null) {
        observations.push({
          subject,
          synthetic: p.synthetic,
          arm,
          ...v,
          months: monthsBetween(originDate, v.date),
        });
      }
    }
    let survival: AnalysisParticipant['survival'] = null;
    if (hasSurvivalForm && originDate !== null) {
      const outcome = survivalOf({
        subject,
        originDate,
        forms: forms.filter((f) => f.formKey === 'survival-status'),
        visitDates: visitDates.map((v) => v.date),
      });
      if (outcome.kind === 'ok') {
        survival = outcome.survival;
      } else {
        messages.push({ level: 'warning', text: outcome.message });
      }
    }
    participants.push({ subject, synthetic: p.synthetic, arm, originDate, origin, survival });
  }
  if (noSplit.length > 0) {
    messages.push({
      level: 'warning',
      text: `${noSplit.length} participant(s) without a dated split visit '${splitVisit ?? ''}' (${noSplit.join(', ')}): their months count from the first visit with a measure and they are not in the run-in/treatment comparison`,
    });
  }
  const status = statusOf(
    input,
    rows.visits.map((v) => v.date),
  );
  if (status.source === 'current') {
    messages.unshift({
      level: 'warning',
      text: 'Current data, not locked: the numbers can change while data entry and cleaning go on.',
    });
  }
  const syntheticParticipants = participants.filter((p) => p.synthetic).length;
  if (syntheticParticipants > 0) {
    messages.push({
      level: 'warning',
      text: `${syntheticParticipants} of ${participants.length} participants are SYNTHETIC (generated demo data), not real patients.`,
    });
  }
  return {
    studyId: input.studyId,
    blinded: input.blinded,
    arms: input.blinded ? [] : protocol.design.arms.map((a) => ({ id: a.id, name: a.name, type: a.type })),
    status,
    splitVisit,
    participants,
    observations,
    syntheticParticipants,
    messages,
  };
}
