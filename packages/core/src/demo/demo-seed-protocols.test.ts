// The generator on the five seed protocols (protocols/*.yaml, parsed by the server's loader): every screening
// record is judged eligible by evaluateEligibility and accepted by the API's screening-record schema; screen
// failures name the criteria that fail; the same seed gives the same study.
import { parseProtocolYaml, parseScreeningRecord } from '@celltrial/contracts';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateEligibility } from '../eligibility/evaluate-eligibility.js';
import { addDaysToIsoDate, daysBetweenIsoDates } from '../protocol/iso-date.js';
import type { Protocol } from '../protocol/protocol-types.js';
import { createSeededRng } from '../random/rng.js';
import { generateDemoAdverseEvents } from './demo-adverse-events.js';
import { generateDemoConMeds } from './demo-con-meds.js';
import type { DemoParticipant } from './demo-types.js';
import { generateDemoFormValues } from './generate-demo-form-values.js';
import { generateDemoParticipants, type DemoGenerationOptions } from './generate-demo-participants.js';

const SEEDS = ['nct03268603', 'nct04745299', 'nct04821479', 'nct06360861', 'nct06598202'] as const;

function loadSeed(id: string): Protocol {
  const text = readFileSync(new URL(`../../../../protocols/${id}.yaml`, import.meta.url), 'utf8');
  const result = parseProtocolYaml(text, `protocols/${id}.yaml`);
  if (result.kind !== 'ok') {
    throw new Error(`${id} does not load`);
  }
  return result.protocol;
}

function generate(
  protocol: Protocol,
  options: Partial<DemoGenerationOptions> & { seed: string },
): DemoParticipant[] {
  const result = generateDemoParticipants(protocol, {
    count: 120,
    today: '2026-06-01',
    rng: createSeededRng(options.seed),
    ...options,
  });
  if (result.kind !== 'ok') {
    throw new Error(JSON.stringify(result.problems));
  }
  return [...result.participants];
}

function failingIds(protocol: Protocol, participant: DemoParticipant): string[] {
  return evaluateEligibility(protocol, participant.screening)
    .criteria.filter((c) => (c.kind === 'inclusion' ? c.status === 'not-met' : c.status === 'met'))
    .map((c) => c.id);
}

describe.each(SEEDS)('demo participants for %s', (id) => {
  const protocol = loadSeed(id);
  const participants = generate(protocol, { seed: `eligibility-${id}`, screenFailureRate: 0.15 });

  it('are eligible by evaluateEligibility, except the screen failures', () => {
    const eligible = participants.filter((p) => !p.screenFailure);
    expect(eligible.length).toBeGreaterThan(80);
    for (const participant of eligible) {
      expect(evaluateEligibility(protocol, participant.screening).verdict, participant.seed).toBe('eligible');
      expect(participant.failedCriteria).toEqual([]);
    }
  });

  it('screen failures are ineligible and name exactly the failing criteria', () => {
    const failures = participants.filter((p) => p.screenFailure);
    expect(failures.length).toBeGreaterThan(5);
    for (const participant of failures) {
      expect(evaluateEligibility(protocol, participant.screening).verdict).toBe('ineligible');
      expect(participant.failedCriteria.length).toBeGreaterThan(0);
      expect(participant.failedCriteria).toEqual(failingIds(protocol, participant));
      expect(participant.outcome).toEqual({ kind: 'ongoing' });
    }
    // Most failures fail one criterion only (the change is chosen for that).
    expect(failures.filter((p) => p.failedCriteria.length === 1).length).toBeGreaterThan(failures.length / 2);
  });

  it('screening records pass the API schema (consistent totals, item 5 vs gastrostomy, date order)', () => {
    for (const participant of participants) {
      const parsed = parseScreeningRecord(participant.screening);
      expect(parsed.kind === 'ok' ? [] : parsed.problems, participant.seed).toEqual([]);
    }
  });

  it('are marked synthetic, in screening order, at the protocol sites', () => {
    const siteCodes = protocol.sites.map((site) => site.code);
    participants.forEach((participant, index) => {
      expect(participant.synthetic).toBe(true);
      expect(participant.index).toBe(index);
      expect(siteCodes).toContain(participant.siteCode);
      expect(participant.screeningDate <= '2026-05-18').toBe(true);
      expect(participant.plannedEnrollmentDate >= participant.screeningDate).toBe(true);
    });
    const dates = participants.map((p) => p.screeningDate);
    expect(dates).toEqual([...dates].sort());
  });

  it('the screening-day forms hold the values of the screening record', () => {
    for (const participant of participants.slice(0, 30)) {
      const day = participant.screeningDate;
      const vitals = generateDemoFormValues(participant, { formId: 'vital-signs', visitDate: day });
      expect(vitals?.weightKg).toBe(participant.screening.weightKg);
      const labs = generateDemoFormValues(participant, { formId: 'labs', visitDate: day }) as Record<
        string,
        { value: number }
      >;
      expect(labs.platelets?.value).toBe(participant.screening.labs?.plateletsE9L);
      expect((labs.hemoglobin?.value ?? 0) / 10).toBeCloseTo(
        participant.screening.labs?.hemoglobinGDl ?? 0,
        10,
      );
      const alsfrs = generateDemoFormValues(participant, { formId: 'alsfrs-r', visitDate: day });
      if (participant.disease === 'ALS') {
        const total = Object.entries(alsfrs ?? {})
          .filter(([key]) => key.startsWith('q'))
          .reduce((sum, [, value]) => sum + (value as number), 0);
        expect(total).toBe(participant.screening.alsfrsR?.total);
      } else {
        expect(alsfrs).toBeNull();
      }
    }
  });

  it('dosing values follow the protocol interventions', () => {
    const participant = participants.find((p) => !p.screenFailure && p.outcome.kind === 'ongoing');
    expect(participant).toBeDefined();
    const administered = new Set(protocol.administrations.flatMap((a) => a.doses.map((d) => d.intervention)));
    for (const intervention of protocol.interventions.filter((i) => administered.has(i.id))) {
      const values = generateDemoFormValues(participant!, {
        formId: 'dosing',
        visitDate: participant!.plannedEnrollmentDate,
        dose: {
          intervention,
          ...(intervention.startingLevel === undefined ? {} : { doseLevel: intervention.startingLevel }),
        },
      });
      if (participant!.plannedEnrollmentDate > participant!.asOfDate) {
        expect(values).toBeNull();
        continue;
      }
      expect(values?.route).toBe(intervention.route);
      expect(String(values?.lot)).toMatch(/^DEMO-/);
      expect(String(values?.administeredAt)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
      if (intervention.dose?.kind === 'per-kg') {
        expect(values?.doseUnit).toBe(intervention.dose.unit);
        const planned = values?.plannedDose as number;
        const actual = values?.actualDose as number;
        expect(Math.abs(actual - planned) / planned).toBeLessThanOrEqual(0.1);
      }
    }
  });
});

describe('nominal calendar', () => {
  it.each([
    ['nct04745299', 91, 484],
    ['nct06598202', 21, 204],
    ['nct04821479', 0, 546],
  ] as const)('%s: enrolment %i days and the last visit %i days after screening', (id, enrolment, end) => {
    const [participant] = generate(loadSeed(id), { seed: 'calendar', count: 1 });
    expect(daysBetweenIsoDates(participant!.screeningDate, participant!.plannedEnrollmentDate)).toBe(
      enrolment,
    );
    expect(daysBetweenIsoDates(participant!.screeningDate, participant!.plannedEndDate)).toBe(end);
  });
});

describe('determinism', () => {
  const protocol = loadSeed('nct04745299');

  function study(seed: string) {
    const participants = generate(protocol, { seed, count: 25 });
    return participants.map((participant) => ({
      participant,
      forms: [0, 30, 91, 183].map((days) =>
        ['alsfrs-r', 'spirometry', 'vital-signs', 'labs', 'survival-status'].map((formId) =>
          generateDemoFormValues(participant, {
            formId,
            visitDate: addDaysToIsoDate(participant.screeningDate, days),
          }),
        ),
      ),
      conMeds: generateDemoConMeds(participant),
      adverseEvents: generateDemoAdverseEvents(participant, {
        fromDate: participant.screeningDate,
        toDate: participant.asOfDate,
        doses: [{ date: participant.plannedEnrollmentDate, route: 'intrathecal' }],
      }),
    }));
  }

  it('the same seed gives the same participants, forms, con-meds and adverse events', () => {
    expect(study('demo-1')).toEqual(study('demo-1'));
  });

  it('different seeds give different studies', () => {
    const a = study('demo-1');
    const b = study('demo-2');
    expect(a.map((x) => x.participant.screeningDate)).not.toEqual(b.map((x) => x.participant.screeningDate));
    expect(a.map((x) => x.participant.screening.alsfrsR?.total)).not.toEqual(
      b.map((x) => x.participant.screening.alsfrsR?.total),
    );
  });

  it('form values do not depend on the order they are asked in', () => {
    const [first] = generate(protocol, { seed: 'order', count: 1 });
    const dates = [0, 30, 91].map((days) => addDaysToIsoDate(first!.screeningDate, days));
    const forward = dates.map((visitDate) =>
      generateDemoFormValues(first!, { formId: 'alsfrs-r', visitDate }),
    );
    const backward = [...dates]
      .reverse()
      .map((visitDate) => generateDemoFormValues(first!, { formId: 'alsfrs-r', visitDate }));
    expect(backward.reverse()).toEqual(forward);
  });
});
