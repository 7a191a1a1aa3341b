import { describe, expect, it } from 'vitest';
import { daysBetweenIsoDates } from '../protocol/iso-date.js';
import { protocolFixture } from '../protocol/protocol-test-fixture.js';
import type { Protocol } from '../protocol/protocol-types.js';
import { createSeededRng } from '../random/rng.js';
import { eventHazards } from './demo-outcome.js';
import { DEMO_EVENTS } from './demo-parameters.js';
import type { DemoParticipant } from './demo-types.js';
import { generateDemoParticipants, type DemoGenerationOptions } from './generate-demo-participants.js';

function run(protocol: Protocol, options: Partial<DemoGenerationOptions> = {}) {
  return generateDemoParticipants(protocol, {
    count: 50,
    rng: createSeededRng('generator'),
    today: '2026-06-01',
    ...options,
  });
}

function ok(protocol: Protocol, options: Partial<DemoGenerationOptions> = {}): readonly DemoParticipant[] {
  const result = run(protocol, options);
  if (result.kind !== 'ok') {
    throw new Error(JSON.stringify(result.problems));
  }
  return result.participants;
}

describe('options', () => {
  it('reports every bad option with its field and rule', () => {
    const result = run(
      { ...protocolFixture(), sites: [] },
      { count: 0, today: '2026-02-30', screenFailureRate: 1.5 },
    );
    expect(result.kind === 'invalid' ? result.problems.map((p) => [p.path, p.rule]) : []).toEqual([
      ['count', 'integer-range'],
      ['today', 'iso-date'],
      ['screenFailureRate', 'range'],
      ['sites', 'required'],
    ]);
  });

  it('refuses a first screening date that is not well before today', () => {
    const result = run(protocolFixture(), { firstScreeningDate: '2026-05-25' });
    expect(result.kind === 'invalid' ? result.problems[0]?.rule : undefined).toBe('before-today');
  });

  it('refuses a disease without a model', () => {
    const result = run({ ...protocolFixture(), conditions: ['Parkinson Disease'] });
    expect(result.kind === 'invalid' ? result.problems[0] : undefined).toMatchObject({
      path: 'protocol.conditions',
      rule: 'supported-disease',
    });
  });

  it('names the criteria that no candidate meets when the protocol cannot be satisfied', () => {
    const base = protocolFixture();
    const impossible: Protocol = {
      ...base,
      eligibility: {
        ...base.eligibility,
        criteria: [{ id: 'inc-9', kind: 'inclusion', text: 'Impossible', rule: 'age > 90 and age < 20' }],
      },
    };
    const result = run(impossible, { count: 1 });
    expect(result.kind).toBe('invalid');
    expect(result.kind === 'invalid' ? result.problems[0]?.message : '').toMatch(/inc-9 \(400×\)/);
  });
});

describe('participants', () => {
  it('are screened between the first screening date and two weeks before today, over the given sites', () => {
    const participants = ok(protocolFixture(), {
      count: 200,
      firstScreeningDate: '2025-01-01',
      sites: ['AAA', 'BBB'],
    });
    for (const participant of participants) {
      expect(participant.screeningDate >= '2025-01-01' && participant.screeningDate <= '2026-05-18').toBe(
        true,
      );
    }
    const aaa = participants.filter((p) => p.siteCode === 'AAA').length;
    expect(aaa).toBeGreaterThan(70);
    expect(aaa).toBeLessThan(130);
    expect(participants.every((p) => p.siteCode === 'AAA' || p.siteCode === 'BBB')).toBe(true);
  });

  it('the screen-failure share follows the option (binomial, 4 standard errors)', () => {
    const participants = ok(protocolFixture(), { count: 400, screenFailureRate: 0.25 });
    const share = participants.filter((p) => p.screenFailure).length / participants.length;
    expect(Math.abs(share - 0.25)).toBeLessThan(4 * Math.sqrt((0.25 * 0.75) / 400));
    expect(ok(protocolFixture(), { count: 100, screenFailureRate: 0 }).some((p) => p.screenFailure)).toBe(
      false,
    );
  });

  it('plan enrolment and the end of study from the protocol calendar (fixture: enrolment at screening, end day 147)', () => {
    const [participant] = ok(protocolFixture(), { count: 1 });
    expect(daysBetweenIsoDates(participant!.screeningDate, participant!.plannedEnrollmentDate)).toBe(0);
    expect(daysBetweenIsoDates(participant!.screeningDate, participant!.plannedEndDate)).toBe(147);
  });
});

describe('outcomes', () => {
  // Long follow-up (the fixture's 147 days stretched to four years) so that event rates can be measured.
  const base = protocolFixture();
  const longStudy: Protocol = {
    ...base,
    visits: base.visits.map((visit) => (visit.id === 'eos' ? { ...visit, offsetDays: 1460 } : visit)),
  };
  const participants = ok(longStudy, {
    count: 1000,
    today: '2035-01-01',
    firstScreeningDate: '2029-01-01',
    screenFailureRate: 0,
  });
  const firstYear = (kind: DemoParticipant['outcome']['kind']): number =>
    participants.filter(
      (p) =>
        p.outcome.kind === kind &&
        'date' in p.outcome &&
        daysBetweenIsoDates(p.plannedEnrollmentDate, p.outcome.date) <= 365,
    ).length / participants.length;

  it('about 10 % withdraw in the first year (competing with the other events)', () => {
    expect(firstYear('withdrew')).toBeGreaterThan(0.06);
    expect(firstYear('withdrew')).toBeLessThan(0.13);
  });

  it('deaths and tracheostomies in the first year stay in a PRO-ACT-like range (ASSUMED calibration)', () => {
    const events = firstYear('died') + firstYear('tracheostomy');
    expect(events).toBeGreaterThan(0.03);
    expect(events).toBeLessThan(0.15);
  });

  it('faster ALSFRS-R decline means higher hazards of death and tracheostomy', () => {
    const [participant] = participants;
    const at = (slope: number) =>
      eventHazards({
        ...participant!,
        trajectory: { ...participant!.trajectory, alsfrsSlopePerMonth: slope },
      });
    expect(at(-1).died).toBeCloseTo(DEMO_EVENTS.alsDeathPerMonth, 12);
    expect(at(-1.65).died / at(-1).died).toBeCloseTo(Math.exp(DEMO_EVENTS.alsSlopeLogHazardPerSd), 10);
    expect(at(-0.35).tracheostomy).toBeLessThan(at(-1).tracheostomy);
  });

  it('no outcome falls after asOfDate or after the planned end', () => {
    const shortRun = ok(protocolFixture(), { count: 300 });
    for (const participant of shortRun) {
      if (participant.outcome.kind !== 'ongoing') {
        expect(participant.outcome.date <= participant.asOfDate).toBe(true);
        expect(participant.outcome.date <= participant.plannedEndDate).toBe(true);
        expect(participant.outcome.date > participant.plannedEnrollmentDate).toBe(true);
      }
    }
  });
});
