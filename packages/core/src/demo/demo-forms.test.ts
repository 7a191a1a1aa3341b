// Generated form values against the platform's own form library and AE validation: every generated entry is
// accepted without errors and complete; nothing is generated where nothing would be collected.
import { describe, expect, it } from 'vitest';
import { evaluateFormEntry } from '../forms/evaluate-form.js';
import { findFormDefinition } from '../forms/library/form-library.js';
import type { FormContext } from '../forms/form-types.js';
import { addDaysToIsoDate } from '../protocol/iso-date.js';
import { protocolFixture } from '../protocol/protocol-test-fixture.js';
import type { Protocol } from '../protocol/protocol-types.js';
import { createSeededRng } from '../random/rng.js';
import { CTCAE_V5_TERMS } from '../safety/ctcae-v5-terms.js';
import { validateAdverseEvent } from '../safety/validate-adverse-event.js';
import { generateDemoAdverseEvents } from './demo-adverse-events.js';
import { generateDemoConMeds } from './demo-con-meds.js';
import { DEMO_LAB_REFERENCE_RANGES } from './demo-labs.js';
import type { DemoParticipant } from './demo-types.js';
import { DEMO_FORM_IDS, generateDemoFormValues } from './generate-demo-form-values.js';
import { generateDemoParticipants } from './generate-demo-participants.js';

function msProtocol(): Protocol {
  return { ...protocolFixture(), conditions: ['Multiple Sclerosis'] };
}

function cohort(protocol: Protocol, count = 60, today = '2026-06-01'): readonly DemoParticipant[] {
  const result = generateDemoParticipants(protocol, {
    count,
    rng: createSeededRng(`forms-${protocol.conditions[0]}`),
    today,
    screenFailureRate: 0.1,
  });
  if (result.kind !== 'ok') {
    throw new Error(JSON.stringify(result.problems));
  }
  return result.participants;
}

function contextOf(participant: DemoParticipant, visitDate: string): FormContext {
  const { demographics } = participant;
  return {
    sex: demographics.sex,
    birthDate: demographics.birthDate,
    heightCm: demographics.heightCm,
    ethnicity: demographics.spirometryEthnicity,
    symptomOnsetDate: demographics.symptomOnsetDate,
    assessmentDate: visitDate,
    labRanges: DEMO_LAB_REFERENCE_RANGES,
    ctcaeVersion: 'v5.0',
  };
}

const VISIT_DAYS = [0, 30, 91, 183, 365];
const intervention = protocolFixture().interventions[0]!;

describe.each([
  ['ALS', protocolFixture()],
  ['MS', msProtocol()],
])('%s form values against the form library', (_disease, protocol) => {
  const participants = cohort(protocol);

  it('every generated entry has no errors and nothing missing', () => {
    let entries = 0;
    for (const participant of participants) {
      for (const days of VISIT_DAYS) {
        const visitDate = addDaysToIsoDate(participant.screeningDate, days);
        for (const formId of DEMO_FORM_IDS) {
          const values = generateDemoFormValues(participant, {
            formId,
            visitDate,
            ...(formId === 'dosing' ? { dose: { intervention, doseLevel: 'l2' } } : {}),
          });
          if (values === null) {
            continue;
          }
          const definition = findFormDefinition(formId);
          expect(definition, formId).toBeDefined();
          const evaluation = evaluateFormEntry(definition!, {
            values,
            context: contextOf(participant, visitDate),
          });
          expect(evaluation.errors, `${formId} ${participant.seed} ${visitDate}`).toEqual([]);
          expect(evaluation.missing, `${formId} ${participant.seed} ${visitDate}`).toEqual([]);
          entries++;
        }
      }
    }
    expect(entries).toBeGreaterThan(participants.length * 5);
  });

  it('the con-meds log is valid in the con-meds form and lists the screening medications', () => {
    const definition = findFormDefinition('con-meds')!;
    for (const participant of participants) {
      const log = generateDemoConMeds(participant);
      for (const entry of log) {
        const evaluation = evaluateFormEntry(definition, { values: { ...entry }, context: {} });
        expect(evaluation.errors).toEqual([]);
        expect(evaluation.missing).toEqual([]);
        expect(entry.startDate <= participant.asOfDate).toBe(true);
      }
      for (const medication of participant.history.medications.filter((m) => m.planned !== true)) {
        expect(log.map((entry) => entry.medication)).toContain(medication.name);
      }
    }
  });

  it('adverse events validate as AE records with CTCAE v5.0 terms, inside the window', () => {
    let count = 0;
    for (const participant of participants) {
      const fromDate = participant.screeningDate;
      const toDate = participant.asOfDate;
      const events = generateDemoAdverseEvents(participant, {
        fromDate,
        toDate,
        doses: [
          {
            date: participant.plannedEnrollmentDate,
            route: protocol === undefined ? 'other' : 'intrathecal',
          },
        ],
        procedures: [{ id: 'biopsy', date: addDaysToIsoDate(participant.screeningDate, 14) }],
      });
      for (const event of events) {
        count++;
        const validation = validateAdverseEvent(event, {
          today: participant.asOfDate,
          ctcaeTerms: CTCAE_V5_TERMS,
          procedures: ['biopsy'],
        });
        expect(validation.kind === 'ok' ? [] : validation.problems, event.term).toEqual([]);
        expect(event.onsetDate >= fromDate && event.onsetDate <= toDate).toBe(true);
        if (participant.outcome.kind !== 'ongoing') {
          expect(event.onsetDate <= participant.outcome.date).toBe(true);
        }
      }
      if (participant.screenFailure) {
        expect(events).toEqual([]);
      }
    }
    expect(count).toBeGreaterThan(participants.length);
  });
});

describe('when nothing is collected', () => {
  const participants = cohort(protocolFixture(), 400, '2027-06-01');

  it('no forms after death, tracheostomy or withdrawal, except survival status after death or tracheostomy', () => {
    const ended = participants.filter((p) => p.outcome.kind !== 'ongoing');
    expect(ended.length).toBeGreaterThan(10);
    for (const participant of ended) {
      if (participant.outcome.kind === 'ongoing') {
        continue;
      }
      const after = addDaysToIsoDate(participant.outcome.date, 10);
      for (const formId of ['alsfrs-r', 'spirometry', 'vital-signs', 'labs'] as const) {
        expect(generateDemoFormValues(participant, { formId, visitDate: after })).toBeNull();
      }
      const survival = generateDemoFormValues(participant, { formId: 'survival-status', visitDate: after });
      if (participant.outcome.kind === 'died') {
        expect(survival).toMatchObject({ vitalStatus: 'dead', deathDate: participant.outcome.date });
      } else if (participant.outcome.kind === 'tracheostomy') {
        expect(survival).toMatchObject({
          vitalStatus: 'alive',
          tracheostomy: true,
          tracheostomyDate: participant.outcome.date,
        });
      } else {
        expect(survival).toBeNull();
      }
    }
  });

  it('no forms after asOfDate, for screen failures after screening, for unknown forms or the other disease', () => {
    const participant = participants.find((p) => p.outcome.kind === 'ongoing' && !p.screenFailure)!;
    expect(
      generateDemoFormValues(participant, {
        formId: 'labs',
        visitDate: addDaysToIsoDate(participant.asOfDate, 1),
      }),
    ).toBeNull();
    expect(
      generateDemoFormValues(participant, { formId: 'mri', visitDate: participant.screeningDate }),
    ).toBeNull();
    expect(
      generateDemoFormValues(participant, { formId: 'edss', visitDate: participant.screeningDate }),
    ).toBeNull();
    const failure = participants.find((p) => p.screenFailure)!;
    expect(
      generateDemoFormValues(failure, { formId: 'labs', visitDate: failure.screeningDate }),
    ).not.toBeNull();
    expect(
      generateDemoFormValues(failure, {
        formId: 'labs',
        visitDate: addDaysToIsoDate(failure.screeningDate, 1),
      }),
    ).toBeNull();
  });

  it('the dosing form without its dose context is a programming error', () => {
    const participant = participants[0]!;
    expect(() =>
      generateDemoFormValues(participant, { formId: 'dosing', visitDate: participant.screeningDate }),
    ).toThrow(/options\.dose/);
  });
});

describe('dosing values', () => {
  const participants = cohort(protocolFixture(), 40);
  const participant = participants.find((p) => !p.screenFailure && p.outcome.kind === 'ongoing')!;

  it('a by-level dose is the level amount; a masked record shows only the volume and a kit number', () => {
    const open = generateDemoFormValues(participant, {
      formId: 'dosing',
      visitDate: participant.screeningDate,
      dose: { intervention, doseLevel: 'l3' },
    });
    expect(open).toMatchObject({
      plannedDose: 1e8,
      doseUnit: 'cells',
      route: 'intrathecal',
      doseLevel: 'l3',
    });
    const masked = generateDemoFormValues(participant, {
      formId: 'dosing',
      visitDate: participant.screeningDate,
      dose: { intervention, doseLevel: 'l3', masked: true },
    });
    expect(masked?.doseUnit).toBe('mL');
    expect(masked?.plannedDose).toBe(masked?.volumeMl);
    expect(String(masked?.lot)).toMatch(/^DEMO-KIT-/);
    expect(masked).not.toHaveProperty('doseLevel');
  });

  it('over many administrations most doses match the plan and the rest stay within tolerance', () => {
    const doses = participants.flatMap((p) =>
      [0, 91, 182].map((days) =>
        generateDemoFormValues(
          { ...p, screenFailure: false, outcome: { kind: 'ongoing' }, asOfDate: '2030-01-01' },
          {
            formId: 'dosing',
            visitDate: addDaysToIsoDate(p.screeningDate, days),
            dose: { intervention, doseLevel: 'l2' },
          },
        ),
      ),
    );
    const deviating = doses.filter((d) => d?.actualDose !== d?.plannedDose);
    expect(deviating.length).toBeGreaterThan(0);
    expect(deviating.length).toBeLessThan(doses.length * 0.35);
    for (const dose of deviating) {
      expect(Math.abs((dose?.actualDose as number) / (dose?.plannedDose as number) - 1)).toBeLessThan(0.1);
      expect(String(dose?.notes)).toMatch(/within the protocol tolerance/);
    }
  });
});
