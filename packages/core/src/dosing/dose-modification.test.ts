import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type {
  ProtocolDoseAction,
  ProtocolDoseRule,
  ProtocolIntervention,
} from '../protocol/protocol-types.js';
import type { DoseHistory, HistoryAdverseEvent } from './dose-conditions.js';
import { evaluateDoseModification, type DoseModificationResult } from './dose-modification.js';
import { seedIntervention } from './seed-protocols-test-helpers.js';

// NCT03268603 (protocols/nct03268603.yaml): levels dl-1e7 < dl-5e7 < dl-1e8, start dl-5e7; rules in order:
// stop-after-grade-4 (related AE ≥ 4 → discontinue), reduce-after-grade-3 (related AE ≥ 3 → one level down),
// increase-if-tolerated-and-progressing (no related AE ≥ 2 and ALSFRS-R change ≤ −3 → one level up),
// otherwise-keep. All "since the previous dose".
const aamsc = seedIntervention('nct03268603', 'aamsc');

const FIRST = '2026-01-05';
const SECOND = '2026-04-06';
const THIRD = '2026-07-06';

function history(parts: Partial<DoseHistory> = {}): DoseHistory {
  return {
    doses: [{ date: FIRST, level: 'dl-5e7' }],
    adverseEvents: [],
    dlts: [],
    measures: [
      { measure: 'alsfrs-r', date: FIRST, value: 40 },
      { measure: 'alsfrs-r', date: SECOND, value: 38 },
    ],
    ...parts,
  };
}

function ae(
  onsetDate: string,
  grade: number,
  related: 'product' | 'procedure' | 'none',
  term?: string,
): HistoryAdverseEvent {
  return {
    onsetDate,
    grade,
    relatedProduct: related === 'product',
    relatedProcedure: related === 'procedure',
    ...(term === undefined ? {} : { term }),
  };
}

function decision(result: DoseModificationResult): Extract<DoseModificationResult, { kind: 'decision' }> {
  if (result.kind !== 'decision') {
    throw new Error(JSON.stringify(result));
  }
  return result;
}

function secondDose(parts: Partial<DoseHistory>): DoseModificationResult {
  return evaluateDoseModification({
    intervention: aamsc,
    currentLevel: 'dl-5e7',
    history: history(parts),
    doseDate: SECOND,
  });
}

describe('evaluateDoseModification on NCT03268603', () => {
  it('discontinues after a grade 4 AE related to the lumbar puncture', () => {
    const result = decision(secondDose({ adverseEvents: [ae('2026-01-06', 4, 'procedure', 'Headache')] }));
    expect(result.action).toEqual({ kind: 'discontinue' });
    expect(result.nextLevel).toBeNull();
    expect(result.rule).toMatchObject({ id: 'stop-after-grade-4', assumption: true });
    expect(result.reasons).toEqual([
      "related AE of grade ≥ 4 since the previous dose (2026-01-05 to 2026-04-06): 'Headache' grade 4 from 2026-01-06, related to procedure",
      'discontinue dosing',
    ]);
    expect(result.notMet).toEqual([]);
  });

  it('reduces one level after a grade 3 product-related AE: dl-5e7 → dl-1e7', () => {
    const result = decision(secondDose({ adverseEvents: [ae('2026-02-01', 3, 'product')] }));
    expect(result.rule.id).toBe('reduce-after-grade-3');
    expect(result.nextLevel).toBe('dl-1e7');
    expect(result.reasons.at(-1)).toBe("1 level(s) down from 'dl-5e7': 'dl-1e7' (1×10^7 cells)");
    expect(result.notMet.map((entry) => entry.rule.id)).toEqual(['stop-after-grade-4']);
    expect(result.notMet[0]?.reasons).toEqual([
      'related AE of grade ≥ 4 since the previous dose (2026-01-05 to 2026-04-06): none',
    ]);
    expect(result.reasons[0]).toBe(
      'related AE of grade ≥ 3 since the previous dose (2026-01-05 to 2026-04-06): AE grade 3 from 2026-02-01, related to product',
    );
  });

  it('never goes below the lowest level, and says so', () => {
    const result = decision(
      evaluateDoseModification({
        intervention: aamsc,
        currentLevel: 'dl-1e7',
        history: history({
          doses: [
            { date: FIRST, level: 'dl-5e7' },
            { date: SECOND, level: 'dl-1e7' },
          ],
          adverseEvents: [ae('2026-05-01', 3, 'product')],
        }),
        doseDate: THIRD,
      }),
    );
    expect(result.nextLevel).toBe('dl-1e7');
    expect(result.reasons.at(-1)).toBe(
      "1 level(s) down from 'dl-1e7' would pass the lowest level; the dose stays at the lowest level 'dl-1e7' (1×10^7 cells)",
    );
  });

  it('increases one level when tolerated and ALSFRS-R fell by ≥ 3 (40 → 36 = −4): dl-5e7 → dl-1e8', () => {
    const result = decision(
      secondDose({
        adverseEvents: [ae('2026-02-01', 1, 'product'), ae('2026-02-02', 3, 'none')],
        measures: [
          { measure: 'alsfrs-r', date: FIRST, value: 40 },
          { measure: 'alsfrs-r', date: '2026-03-01', value: 39 },
          { measure: 'alsfrs-r', date: SECOND, value: 36 },
        ],
      }),
    );
    expect(result.rule.id).toBe('increase-if-tolerated-and-progressing');
    expect(result.nextLevel).toBe('dl-1e8');
    expect(result.reasons).toEqual([
      'no related AE of grade ≥ 2 since the previous dose (2026-01-05 to 2026-04-06): none',
      'alsfrs-r change ≤ -3 since the previous dose (2026-01-05 to 2026-04-06): 40 on 2026-01-05 → 36 on 2026-04-06 (change -4)',
      "1 level(s) up from 'dl-5e7': 'dl-1e8' (1×10^8 cells)",
    ]);
  });

  it('never goes above the highest level', () => {
    const result = decision(
      evaluateDoseModification({
        intervention: aamsc,
        currentLevel: 'dl-1e8',
        history: history({
          doses: [
            { date: FIRST, level: 'dl-5e7' },
            { date: SECOND, level: 'dl-1e8' },
          ],
          measures: [
            { measure: 'alsfrs-r', date: SECOND, value: 36 },
            { measure: 'alsfrs-r', date: THIRD, value: 33 },
          ],
        }),
        doseDate: THIRD,
      }),
    );
    expect(result.nextLevel).toBe('dl-1e8');
    expect(result.reasons.at(-1)).toContain('would pass the highest level');
  });

  it('keeps the level when ALSFRS-R fell by only 2 (40 → 38)', () => {
    const result = decision(secondDose({}));
    expect(result.rule.id).toBe('otherwise-keep');
    expect(result.action).toEqual({ kind: 'keep' });
    expect(result.nextLevel).toBe('dl-5e7');
    expect(result.reasons[0]).toBe('no conditions: applies when no earlier rule did');
    expect(result.notMet.map((entry) => entry.rule.id)).toEqual([
      'stop-after-grade-4',
      'reduce-after-grade-3',
      'increase-if-tolerated-and-progressing',
    ]);
  });

  it('keeps the level after a related grade 2 AE even without an ALSFRS-R value (the rule fails either way)', () => {
    const result = decision(secondDose({ adverseEvents: [ae('2026-03-01', 2, 'procedure')], measures: [] }));
    expect(result.rule.id).toBe('otherwise-keep');
  });

  it('asks for judgement when a rule cannot be evaluated for missing data', () => {
    const result = secondDose({ measures: [{ measure: 'alsfrs-r', date: FIRST, value: 40 }] });
    expect(result.kind).toBe('needs-judgement');
    if (result.kind === 'needs-judgement') {
      expect(result.rule?.id).toBe('increase-if-tolerated-and-progressing');
      expect(result.unresolved).toEqual([
        'alsfrs-r change ≤ -3 since the previous dose (2026-01-05 to 2026-04-06): no value after 2026-01-05',
      ]);
    }
  });

  it('looks back only to the previous dose, includes the dose day and ignores later data', () => {
    const result = decision(
      evaluateDoseModification({
        intervention: aamsc,
        currentLevel: 'dl-5e7',
        history: history({
          doses: [
            { date: FIRST, level: 'dl-5e7' },
            { date: SECOND, level: 'dl-5e7' },
          ],
          // before the previous dose: ignored; on the dose day: counts; after the dose day: ignored
          adverseEvents: [
            ae('2026-02-01', 4, 'product'),
            ae(THIRD, 3, 'product'),
            ae('2026-07-07', 4, 'product'),
          ],
        }),
        doseDate: THIRD,
      }),
    );
    expect(result.rule.id).toBe('reduce-after-grade-3');
  });

  it('refuses bad input, naming field and rule', () => {
    const cases: [Parameters<typeof evaluateDoseModification>[0], string[]][] = [
      [
        { intervention: aamsc, currentLevel: 'dl-5e7', history: history({ doses: [] }), doseDate: SECOND },
        ['history.doses:no-previous-dose'],
      ],
      [
        { intervention: aamsc, currentLevel: 'dl-1e8', history: history(), doseDate: SECOND },
        ['currentLevel:matches-previous-dose'],
      ],
      [
        { intervention: aamsc, currentLevel: 'dl-9', history: history(), doseDate: '2026-02-30' },
        ['doseDate:iso-date', 'currentLevel:unknown-dose-level'],
      ],
      [
        {
          intervention: aamsc,
          currentLevel: 'dl-5e7',
          history: history({
            doses: [{ date: FIRST, level: 'dl-3' }],
            adverseEvents: [
              { onsetDate: '2026-1-5', grade: 6, relatedProduct: true, relatedProcedure: false },
            ],
            measures: [
              { measure: 'alsfrs-r', date: FIRST, value: 40 },
              { measure: 'alsfrs-r', date: FIRST, value: 41 },
            ],
          }),
          doseDate: SECOND,
        },
        [
          'history.doses[0].level:unknown-dose-level',
          'history.adverseEvents[0].onsetDate:iso-date',
          'history.adverseEvents[0].grade:integer-1-5',
          'history.measures[1]:one-value-per-day',
        ],
      ],
      [
        {
          intervention: seedIntervention('nct04821479', 'msc'),
          currentLevel: 'x',
          history: history(),
          doseDate: SECOND,
        },
        [
          'intervention.doseModification:no-dose-modification',
          'intervention.doseLevels:missing-dose-levels',
          'currentLevel:unknown-dose-level',
          'history.doses[0].level:unknown-dose-level',
        ],
      ],
      [
        {
          intervention: { ...aamsc, doseLevels: [...(aamsc.doseLevels ?? [])].reverse() },
          currentLevel: 'dl-5e7',
          history: history(),
          doseDate: SECOND,
        },
        ['intervention.doseLevels[1]:levels-ascending', 'intervention.doseLevels[2]:levels-ascending'],
      ],
    ];
    for (const [input, expected] of cases) {
      const result = evaluateDoseModification(input);
      expect(result.kind === 'invalid' && result.problems.map((p) => `${p.path}:${p.rule}`)).toEqual(
        expected,
      );
    }
  });
});

function withRules(rules: ProtocolDoseRule[]): ProtocolIntervention {
  return { ...aamsc, doseModification: { evaluatedBefore: 'each-dose-after-first', rules } };
}

describe('evaluateDoseModification conditions and actions', () => {
  const judged = withRules([
    {
      id: 'hold-if-unwell',
      text: 'Hold the dose if the investigator judges the participant unwell.',
      when: [{ kind: 'investigator-judgement', text: 'participant unwell' }],
      then: { kind: 'hold' },
    },
    {
      id: 'dlt-set-lowest',
      text: 'After a DLT, give the lowest level.',
      when: [{ kind: 'dose-limiting-toxicity', since: 'first-dose' }],
      then: { kind: 'set', level: 'dl-1e7' },
    },
  ]);

  it('an investigator-judgement condition waits for the answer, then applies it', () => {
    const input = { intervention: judged, currentLevel: 'dl-5e7', history: history(), doseDate: SECOND };
    const waiting = evaluateDoseModification(input);
    expect(waiting.kind === 'needs-judgement' && waiting.unresolved).toEqual([
      "needs the investigator's judgement: participant unwell",
    ]);
    const held = decision(evaluateDoseModification({ ...input, judgements: { 'hold-if-unwell': true } }));
    expect(held).toMatchObject({ action: { kind: 'hold' }, nextLevel: null });
    expect(held.reasons[0]).toBe("investigator's judgement (yes): participant unwell");
  });

  it('a DLT since the first dose sets the named level; no rule applying asks for judgement', () => {
    const base = {
      intervention: judged,
      currentLevel: 'dl-5e7',
      doseDate: SECOND,
      judgements: { 'hold-if-unwell': false },
    };
    const set = decision(
      evaluateDoseModification({ ...base, history: history({ dlts: [{ date: '2026-01-10', dlt: true }] }) }),
    );
    expect(set).toMatchObject({ rule: { id: 'dlt-set-lowest', assumption: false }, nextLevel: 'dl-1e7' });
    expect(set.reasons[0]).toBe(
      'dose-limiting toxicity since the first dose (2026-01-05 to 2026-04-06): DLT on 2026-01-10',
    );
    expect(set.reasons.at(-1)).toBe("set the level to 'dl-1e7' (1×10^7 cells)");
    const none = evaluateDoseModification({
      ...base,
      history: history({ dlts: [{ date: '2026-01-10', dlt: false }] }),
    });
    expect(none.kind === 'needs-judgement' && none.rule).toBeNull();
  });

  it('never leaves the level range, whatever the rules and history (property)', () => {
    const levels = (aamsc.doseLevels ?? []).map((level) => level.id);
    const action: fc.Arbitrary<ProtocolDoseAction> = fc.oneof(
      fc.record({ kind: fc.constant('increase' as const), steps: fc.integer({ min: 1, max: 4 }) }),
      fc.record({ kind: fc.constant('decrease' as const), steps: fc.integer({ min: 1, max: 4 }) }),
      fc.record({ kind: fc.constant('set' as const), level: fc.constantFrom(...levels) }),
      fc.constant({ kind: 'keep' as const }),
      fc.constant({ kind: 'hold' as const }),
      fc.constant({ kind: 'discontinue' as const }),
    );
    const rule = fc.record({
      id: fc.constantFrom('a', 'b', 'c'),
      text: fc.constant('rule'),
      when: fc.array(
        fc.oneof(
          fc.record({
            kind: fc.constantFrom('related-adverse-event' as const, 'no-related-adverse-event' as const),
            minGrade: fc.integer({ min: 1, max: 5 }),
            since: fc.constantFrom('previous-dose' as const, 'first-dose' as const),
          }),
          fc.record({
            kind: fc.constant('dose-limiting-toxicity' as const),
            since: fc.constant('previous-dose' as const),
          }),
        ),
        { maxLength: 2 },
      ),
      then: action,
    });
    const event = fc.record({
      onsetDate: fc.constantFrom(FIRST, '2026-02-01', SECOND),
      grade: fc.integer({ min: 1, max: 5 }),
      relatedProduct: fc.boolean(),
      relatedProcedure: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(rule, { minLength: 1, maxLength: 4 }),
        fc.array(event, { maxLength: 4 }),
        fc.constantFrom(...levels),
        (rules, adverseEvents, current) => {
          const result = evaluateDoseModification({
            intervention: withRules(rules),
            currentLevel: current,
            history: history({ doses: [{ date: FIRST, level: current }], adverseEvents }),
            doseDate: SECOND,
          });
          expect(result.kind).not.toBe('invalid');
          if (result.kind === 'decision') {
            if (result.nextLevel === null) {
              expect(['hold', 'discontinue']).toContain(result.action.kind);
            } else {
              expect(levels).toContain(result.nextLevel);
            }
            if (result.action.kind === 'increase' || result.action.kind === 'decrease') {
              const from = levels.indexOf(current);
              const move = result.action.kind === 'increase' ? result.action.steps : -result.action.steps;
              expect(levels.indexOf(result.nextLevel ?? '')).toBe(
                Math.min(Math.max(from + move, 0), levels.length - 1),
              );
            }
          }
        },
      ),
    );
  });
});
