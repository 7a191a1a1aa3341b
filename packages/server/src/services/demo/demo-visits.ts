import {
  generateDemoConMeds,
  generateDemoFormValues,
  isDemoFormId,
  type DemoParticipant,
  type Protocol,
} from '@celltrial/core';
import { findParticipant, listVisits, type ParticipantRow } from '@celltrial/db';
import { casebookCalendar } from '../casebook/casebook-calendar.js';
import { protocolOfParticipant, todayOf } from '../casebook/casebook-support.js';
import { actOnQuery, raiseQuery } from '../casebook/data-query.service.js';
import { createLogEntry, saveVisitForm } from '../casebook/form-entry.service.js';
import { recordVisit } from '../casebook/visit.service.js';
import type { Actor, ServiceDeps } from '../service-context.js';
import { recordDemoAdverseEvents, type DemoVisitRecord } from './demo-adverse-events.js';

/** What the demo filled in for one participant. */
export interface DemoCasebookCounts {
  visits: number;
  missed: number;
  forms: number;
  logEntries: number;
  adverseEvents: number;
}

/** The last date anything is recorded for the participant: today, or the day before the outcome. */
function lastRecordedDate(participant: DemoParticipant, today: string): string {
  const outcome = participant.outcome;
  if (outcome.kind === 'ongoing' || outcome.kind === 'died' || outcome.kind === 'tracheostomy') {
    return today; // survival status is still collected after death or tracheostomy
  }
  return outcome.date < today ? outcome.date : today;
}

/** A deterministic number from the participant's seed and a key (for demo choices that need no RNG stream). */
function demoHash(participant: DemoParticipant, key: string): number {
  let h = 0;
  for (const c of `${participant.seed}|${key}`) {
    h = (h * 31 + c.charCodeAt(0)) >>> 0;
  }
  return h;
}

/** 1 in 30 visits is missed. */
function isMissed(participant: DemoParticipant, visitKey: string, occurrence: number): boolean {
  return demoHash(participant, `${visitKey}|${occurrence}`) % 30 === 0;
}

/**
 * A monitor's query on about 1 in 6 ALSFRS-R forms (so the query dashboard has work in it); the site has answered
 * half of them. Written as the demo account, marked synthetic in the text.
 */
async function demoMonitorQuery(
  deps: ServiceDeps,
  actor: Actor,
  params: { participantRow: ParticipantRow; demo: DemoParticipant; formRecordId: string; date: string },
): Promise<void> {
  const h = demoHash(params.demo, `query|${params.date}`);
  if (h % 6 !== 0) {
    return;
  }
  const query = await raiseQuery(deps, actor, {
    studyId: params.participantRow.study_id,
    participantId: params.participantRow.id,
    formRecordId: params.formRecordId,
    itemId: 'q9',
    text: 'Synthetic demo query: please confirm item 9 (climbing stairs) against the source worksheet.',
  });
  if (h % 12 === 0) {
    await actOnQuery(deps, actor, {
      studyId: params.participantRow.study_id,
      queryId: query.id,
      action: 'answer',
      text: 'Synthetic demo answer: confirmed against the rater worksheet.',
    });
  }
}

function doseOption(protocol: Protocol, doses: readonly string[]) {
  const [first] = doses;
  if (first === undefined) {
    return undefined;
  }
  const [interventionId, level] = first.split('@');
  const intervention = protocol.interventions.find((i) => i.id === interventionId);
  if (intervention === undefined) {
    return undefined;
  }
  return {
    intervention,
    ...(level === undefined ? {} : { doseLevel: level }),
    masked: protocol.design.masking.level !== 'none',
  };
}

/** The demographics form from the generated participant (onset in a limb is spinal onset). */
function demographicsValues(demo: DemoParticipant): Record<string, unknown> {
  const d = demo.demographics;
  return {
    sex: d.sex,
    birthDate: d.birthDate,
    ethnicity: d.ethnicity,
    symptomOnsetDate: d.symptomOnsetDate,
    diagnosisDate: d.diagnosisDate,
    ...(d.onsetRegion === undefined ? {} : { onsetRegion: d.onsetRegion === 'bulbar' ? 'bulbar' : 'spinal' }),
  };
}

async function fillVisitForms(
  deps: ServiceDeps,
  actor: Actor,
  params: {
    participantRow: ParticipantRow;
    demo: DemoParticipant;
    protocol: Protocol;
    visitId: string;
    date: string;
    forms: readonly string[];
    doses: readonly string[];
  },
): Promise<number> {
  let saved = 0;
  const base = {
    studyId: params.participantRow.study_id,
    participantId: params.participantRow.id,
    visitId: params.visitId,
    expectedVersion: 0,
  };
  if (params.forms.includes('demographics')) {
    await saveVisitForm(deps, actor, {
      ...base,
      formKey: 'demographics',
      values: demographicsValues(params.demo),
    });
    saved++;
  }
  for (const formId of params.forms.filter(isDemoFormId)) {
    if (!params.protocol.forms.some((f) => f.id === formId)) {
      continue;
    }
    const dose = formId === 'dosing' ? doseOption(params.protocol, params.doses) : undefined;
    if (formId === 'dosing' && dose === undefined) {
      continue;
    }
    const values = generateDemoFormValues(params.demo, {
      formId,
      visitDate: params.date,
      ...(dose === undefined ? {} : { dose }),
    });
    if (values === null) {
      continue;
    }
    const form = await saveVisitForm(deps, actor, { ...base, formKey: formId, values });
    saved++;
    if (formId === 'alsfrs-r') {
      await demoMonitorQuery(deps, actor, {
        participantRow: params.participantRow,
        demo: params.demo,
        formRecordId: form.id,
        date: params.date,
      });
    }
  }
  return saved;
}

/**
 * Walks the participant's calendar as a site would: records each visit that is due by today (on its target
 * date, re-anchoring the rest), fills the forms the demo generator models, and enters concomitant medications.
 */
export async function fillDemoCasebook(
  deps: ServiceDeps,
  actor: Actor,
  params: { participantId: string; demo: DemoParticipant },
): Promise<DemoCasebookCounts> {
  const counts: DemoCasebookCounts = { visits: 0, missed: 0, forms: 0, logEntries: 0, adverseEvents: 0 };
  const walked: DemoVisitRecord[] = [];
  const participantRow = (await findParticipant(deps.db, params.participantId)) as ParticipantRow;
  const protocol = await protocolOfParticipant(deps.db, participantRow);
  const today = todayOf(deps);
  const until = lastRecordedDate(params.demo, today);
  const base = { studyId: participantRow.study_id, participantId: participantRow.id };
  for (let guard = 0; guard < 200; guard++) {
    const visits = await listVisits(deps.db, participantRow.id);
    const calendar = await casebookCalendar(deps.db, {
      participant: participantRow,
      protocol,
      visits,
      today,
    });
    if (calendar.kind !== 'ok') {
      break;
    }
    const next = calendar.visits.find(
      (v) => v.unscheduled === undefined && v.actualDate === undefined && v.status !== 'missed',
    );
    const first = visits.length === 0;
    const date = first ? params.demo.screeningDate : next?.plannedDate;
    if (next === undefined || date === undefined || date > until) {
      break;
    }
    const occurrence = next.occurrence ?? 1;
    if (!first && isMissed(params.demo, next.visit, occurrence)) {
      await recordVisit(deps, actor, {
        ...base,
        visitKey: next.visit,
        occurrence,
        status: 'missed',
        reason: 'Participant could not attend (synthetic demo data)',
        expectedRowVersion: 0,
      });
      counts.missed++;
      continue;
    }
    const recorded = await recordVisit(deps, actor, {
      ...base,
      visitKey: next.visit,
      occurrence,
      status: 'done',
      actualDate: date,
      expectedRowVersion: 0,
    });
    counts.visits++;
    walked.push({ date, doses: next.doses, procedures: next.procedures });
    counts.forms += await fillVisitForms(deps, actor, {
      participantRow,
      demo: params.demo,
      protocol,
      visitId: recorded.visitId,
      date,
      forms: next.forms,
      doses: next.doses,
    });
  }
  counts.adverseEvents = await recordDemoAdverseEvents(deps, actor, {
    ...base,
    demo: params.demo,
    protocol,
    visits: walked,
  });
  if (protocol.forms.some((f) => f.id === 'con-meds')) {
    for (const med of generateDemoConMeds(params.demo).filter((m) => m.startDate <= until)) {
      await createLogEntry(deps, actor, {
        ...base,
        formKey: 'con-meds',
        values: { ...med },
        expectedVersion: 0,
      });
      counts.logEntries++;
    }
  }
  return counts;
}
