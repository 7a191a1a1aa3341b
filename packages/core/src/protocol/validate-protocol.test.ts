import { describe, expect, it } from 'vitest';
import { PROTOCOL_RULES, type ProtocolRule } from './protocol-rules.js';
import { protocolFixture } from './protocol-test-fixture.js';
import type { Protocol, ProtocolVisit } from './protocol-types.js';
import { findProtocolProblems, validateProtocol } from './validate-protocol.js';

function visit(protocol: Protocol, id: string): ProtocolVisit {
  const found = protocol.visits.find((candidate) => candidate.id === id);
  if (found === undefined) {
    throw new Error(`fixture has no visit ${id}`);
  }
  return found;
}

function withEscalation(
  p: Protocol,
  overrides: Partial<NonNullable<Protocol['design']['escalation']>>,
): void {
  p.design.escalation = {
    design: 'three-plus-three',
    variant: 'escalation-only',
    arm: 'a',
    intervention: 'drug',
    levels: ['l1', 'l2', 'l3'],
    startLevel: 'l1',
    cohortSize: 3,
    expansionSize: 3,
    dltWindowDays: 14,
    dltDefinition: 'Grade 3 related AE',
    escalateIfDltsAtMost: 0,
    stopIfDltsAtLeast: 2,
    ...overrides,
  };
}

/** One failing example per semantic rule: the mutation and the path the problem must point at. */
const CASES: Record<ProtocolRule, { mutate: (p: Protocol) => void; path: (string | number)[] }> = {
  'duplicate-id': { mutate: (p) => (visit(p, 'bx').id = 'scr'), path: ['visits', 1, 'id'] },
  'unknown-epoch': { mutate: (p) => (visit(p, 'scr').epoch = 'run-in'), path: ['visits', 0, 'epoch'] },
  'unknown-form': {
    mutate: (p) => (visit(p, 'scr').forms = ['vital-signs', 'nope']),
    path: ['visits', 0, 'forms', 1],
  },
  'unknown-form-definition': {
    mutate: (p) => {
      const form = p.forms[0];
      if (form !== undefined) {
        form.id = 'vital-sign';
        for (const v of p.visits) {
          v.forms = v.forms?.map((f) => (f === 'vital-signs' ? 'vital-sign' : f));
        }
      }
    },
    path: ['forms', 0, 'id'],
  },
  'unknown-procedure': {
    mutate: (p) => (visit(p, 'scr').procedures = ['nope']),
    path: ['visits', 0, 'procedures', 0],
  },
  'unknown-arm': { mutate: (p) => (visit(p, 'uns').arms = ['c']), path: ['visits', 6, 'arms', 0] },
  'unknown-visit': {
    mutate: (p) => (visit(p, 'bx').anchor = { visit: 'nope' }),
    path: ['visits', 1, 'anchor', 'visit'],
  },
  'unknown-intervention': {
    mutate: (p) => {
      const dose = p.administrations[0]?.doses[1];
      if (dose !== undefined) {
        dose.intervention = 'nope';
      }
    },
    path: ['administrations', 0, 'doses', 1, 'intervention'],
  },
  'unknown-part': {
    mutate: (p) => {
      if (p.design.randomization !== undefined) {
        p.design.randomization.part = 'part-9';
      }
    },
    path: ['design', 'randomization', 'part'],
  },
  'unknown-dose-level': {
    mutate: (p) => {
      if (p.interventions[0] !== undefined) {
        p.interventions[0].startingLevel = 'l9';
      }
    },
    path: ['interventions', 0, 'startingLevel'],
  },
  'unknown-stratum': {
    mutate: (p) => {
      if (p.design.randomization !== undefined) {
        p.design.randomization.method = {
          kind: 'minimization',
          factors: [{ stratum: 'sex' }],
          bestArmProbability: 0.8,
        };
      }
    },
    path: ['design', 'randomization', 'method', 'factors', 0, 'stratum'],
  },
  'missing-dose-levels': {
    mutate: (p) => {
      const drug = p.interventions[0];
      if (drug !== undefined) {
        delete drug.doseLevels;
        delete drug.startingLevel;
        delete drug.doseModification;
      }
    },
    path: ['interventions', 0, 'doseLevels'],
  },
  'missing-starting-level': {
    mutate: (p) => delete p.interventions[0]?.startingLevel,
    path: ['interventions', 0],
  },
  'volume-range': {
    mutate: (p) => {
      if (p.interventions[0] !== undefined) {
        p.interventions[0].volume = { minMl: 10, maxMl: 5 };
      }
    },
    path: ['interventions', 0, 'volume', 'minMl'],
  },
  'masking-count': {
    mutate: (p) => (p.design.masking.masked = ['participant']),
    path: ['design', 'masking', 'masked'],
  },
  'model-arms': { mutate: (p) => (p.design.model = 'single-group'), path: ['design', 'arms'] },
  'allocation-randomization': {
    mutate: (p) => (p.design.allocation = 'non-randomized'),
    path: ['design', 'randomization'],
  },
  'ratio-arms-mismatch': {
    mutate: (p) => {
      if (p.design.randomization !== undefined) {
        p.design.randomization.ratio = { a: 1, c: 1 };
      }
    },
    path: ['design', 'randomization', 'ratio', 'c'],
  },
  'ratio-size-mismatch': {
    mutate: (p) => {
      if (p.design.randomization !== undefined) {
        p.design.randomization.ratio = { a: 2, b: 1 };
        p.design.randomization.method = { kind: 'permuted-blocks', blockSizes: [3, 6] };
      }
    },
    path: ['design', 'arms', 1, 'plannedSize'],
  },
  'enrollment-exceeded': { mutate: (p) => (p.design.plannedEnrollment = 15), path: ['design', 'arms'] },
  'block-size-ratio': {
    mutate: (p) => {
      if (p.design.randomization !== undefined) {
        p.design.randomization.method = { kind: 'permuted-blocks', blockSizes: [2, 3] };
      }
    },
    path: ['design', 'randomization', 'method', 'blockSizes', 1],
  },
  'escalation-counts': {
    mutate: (p) => withEscalation(p, { escalateIfDltsAtMost: 2 }),
    path: ['design', 'escalation', 'escalateIfDltsAtMost'],
  },
  'escalation-dose': {
    mutate: (p) => withEscalation(p, { intervention: 'placebo', levels: [], startLevel: 'l1' }),
    path: ['design', 'escalation', 'intervention'],
  },
  'age-range': {
    mutate: (p) => {
      p.eligibility.minAgeYears = 60;
      p.eligibility.maxAgeYears = 18;
    },
    path: ['eligibility', 'minAgeYears'],
  },
  'criterion-rule-and-manual': {
    mutate: (p) => {
      if (p.eligibility.criteria[1] !== undefined) {
        p.eligibility.criteria[1].rule = 'age >= 18';
      }
    },
    path: ['eligibility', 'criteria', 1, 'manual'],
  },
  'rule-syntax': {
    mutate: (p) => {
      if (p.eligibility.criteria[0] !== undefined) {
        p.eligibility.criteria[0].rule = 'age >=';
      }
    },
    path: ['eligibility', 'criteria', 0, 'rule'],
  },
  'unknown-variable': {
    mutate: (p) => {
      if (p.eligibility.criteria[0] !== undefined) {
        p.eligibility.criteria[0].rule = 'agee >= 18';
      }
    },
    path: ['eligibility', 'criteria', 0, 'rule'],
  },
  'rule-type': {
    mutate: (p) => {
      if (p.eligibility.criteria[0] !== undefined) {
        p.eligibility.criteria[0].rule = 'sex >= 18';
      }
    },
    path: ['eligibility', 'criteria', 0, 'rule'],
  },
  'arm-without-doses': { mutate: (p) => p.administrations.pop(), path: ['design', 'arms', 1] },
  'unscheduled-dose': {
    mutate: (p) => p.administrations[0]?.doses.push({ visit: 'uns', intervention: 'drug' }),
    path: ['administrations', 0, 'doses', 2, 'visit'],
  },
  'dose-visit-not-in-arm': {
    mutate: (p) => (visit(p, 'd2').arms = ['b']),
    path: ['administrations', 0, 'doses', 1, 'visit'],
  },
  'missing-timing': { mutate: (p) => delete visit(p, 'bx').window, path: ['visits', 1] },
  'unscheduled-timing': {
    mutate: (p) => (visit(p, 'uns').offsetDays = 3),
    path: ['visits', 6, 'offsetDays'],
  },
  'repeat-bound': {
    mutate: (p) => (visit(p, 'fu').repeat = { everyDays: 28, count: 2, untilDay: 100 }),
    path: ['visits', 4, 'repeat'],
  },
  'repeat-anchor': {
    mutate: (p) => (visit(p, 'fu').anchor = 'previous-dose'),
    path: ['visits', 4, 'anchor'],
  },
  'invalid-anchor': { mutate: (p) => (p.studyDay.anchor = 'previous-dose'), path: ['studyDay', 'anchor'] },
  'anchor-cycle': {
    mutate: (p) => (visit(p, 'scr').anchor = { visit: 'eos' }),
    path: ['visits', 0, 'anchor'],
  },
  'unscheduled-anchor': {
    mutate: (p) => (visit(p, 'bx').anchor = { visit: 'uns' }),
    path: ['visits', 1, 'anchor', 'visit'],
  },
  'anchor-not-in-arm': {
    mutate: (p) => (visit(p, 'scr').arms = ['b']),
    path: ['visits', 1, 'anchor', 'visit'],
  },
  'procedure-not-scheduled': {
    mutate: (p) => (visit(p, 'bx').procedures = []),
    path: ['visits', 2, 'anchor', 'procedure'],
  },
  'no-previous-dose': {
    mutate: (p) => (visit(p, 'd1').anchor = 'previous-dose'),
    path: ['visits', 2, 'anchor'],
  },
  'window-overlap': {
    // d2 is 28 days after d1 and anchored on it: a 28-day window reaches back to d1's date.
    mutate: (p) => (visit(p, 'd2').window = { before: 28, after: 3 }),
    path: ['visits', 3, 'window'],
  },
  'dose-order': {
    mutate: (p) => p.administrations[0]?.doses.push({ visit: 'bx', intervention: 'drug' }),
    path: ['administrations', 0, 'doses', 2],
  },
  'masked-calendar-differs': { mutate: (p) => (visit(p, 'fu').arms = ['a']), path: ['visits', 4] },
};

describe('validateProtocol', () => {
  it('accepts the consistent fixture', () => {
    expect(findProtocolProblems(protocolFixture())).toEqual([]);
    expect(validateProtocol(protocolFixture()).kind).toBe('ok');
  });

  it('has a failing example for every rule', () => {
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(PROTOCOL_RULES).sort());
  });

  for (const [rule, example] of Object.entries(CASES)) {
    it(`reports ${rule} at ${example.path.join('.')}`, () => {
      const protocol = protocolFixture();
      example.mutate(protocol);
      const result = validateProtocol(protocol);
      expect(result.kind).toBe('invalid');
      const problems = result.kind === 'invalid' ? result.problems : [];
      expect(
        problems.filter((problem) => problem.rule === rule).map((problem) => problem.path),
      ).toContainEqual(example.path);
    });
  }

  it('reports every problem at once, not just the first', () => {
    const protocol = protocolFixture();
    visit(protocol, 'scr').epoch = 'run-in';
    visit(protocol, 'd2').window = { before: 28, after: 3 };
    protocol.design.masking.masked = [];
    const rules = findProtocolProblems(protocol).map((problem) => problem.rule);
    expect(rules).toEqual(expect.arrayContaining(['unknown-epoch', 'window-overlap', 'masking-count']));
  });

  it('lets independent neighbours share no day, but dependent ones only need their own window', () => {
    // fu #2 (day 84 after d1, ±3) and eos (d2 + 91 = day 119, ±7) are independent: 3 + 7 < 35 is fine,
    // 3 + 32 ≥ 35 overlaps.
    const protocol = protocolFixture();
    visit(protocol, 'eos').window = { before: 32, after: 7 };
    expect(findProtocolProblems(protocol).map((problem) => problem.rule)).toEqual(['window-overlap']);
    visit(protocol, 'eos').window = { before: 31, after: 7 };
    expect(findProtocolProblems(protocol)).toEqual([]);
  });

  it('requires identical calendars only when someone is masked', () => {
    const protocol = protocolFixture();
    visit(protocol, 'fu').arms = ['a'];
    protocol.design.masking = { level: 'none', masked: [] };
    expect(findProtocolProblems(protocol)).toEqual([]);
  });
});
