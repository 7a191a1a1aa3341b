import type { AnalysisDataset } from '@celltrial/contracts';
import { coxRegression } from '@celltrial/core';
import { describe, expect, it } from 'vitest';
import { analyseSurvival } from './survival-analysis.js';

function dataset(rows: readonly [string, number, boolean][], blinded = false): AnalysisDataset {
  return {
    studyId: '00000000-0000-4000-8000-000000000000',
    blinded,
    arms: blinded
      ? []
      : [
          { id: 'active', name: 'Active', type: 'experimental' },
          { id: 'sham', name: 'Sham', type: 'sham-comparator' },
        ],
    status: {
      source: 'current',
      lockedAt: null,
      lockReason: null,
      dataCutDate: '2026-01-05',
      lastDataDate: null,
      generatedAt: '2026-01-05T00:00:00.000Z',
    },
    splitVisit: null,
    participants: rows.map(([arm, months, event], i) => ({
      subject: `S${i}`,
      synthetic: false,
      arm: blinded ? null : arm,
      originDate: '2025-01-01',
      origin: 'first-measure' as const,
      survival: { months, event, eventType: event ? ('death' as const) : null, endDate: '2025-06-01' },
    })),
    observations: [],
    syntheticParticipants: 0,
    messages: [],
  };
}

describe('analyseSurvival', () => {
  it('does not fit Cox when an arm has no event, and says why', () => {
    const out = analyseSurvival(
      dataset([
        ['active', 5, false],
        ['active', 7, false],
        ['sham', 3, true],
        ['sham', 6, false],
      ]),
    );
    expect(out.cox).toBeNull();
    expect(out.messages.map((m) => m.text).join()).toMatch(/no event yet in arm\(s\) active/);
    expect(out.logRank?.df).toBe(1);
  });

  it('fits Cox against the sham comparator with core numbers', () => {
    const rows: [string, number, boolean][] = [
      ['active', 5, true],
      ['active', 9, false],
      ['active', 12, true],
      ['sham', 3, true],
      ['sham', 6, true],
      ['sham', 8, false],
    ];
    const out = analyseSurvival(dataset(rows));
    const core = coxRegression({
      time: rows.map((r) => r[1]),
      event: rows.map((r) => r[2]),
      covariates: rows.map((r) => [r[0] === 'active' ? 1 : 0]),
      names: ['arm:active'],
    });
    expect(out.cox?.reference).toBe('sham');
    expect(core.kind === 'ok' && core.fit.terms[0]?.hr).toBe(out.cox?.terms[0]?.hr);
  });

  it('pools everyone in one curve when blinded', () => {
    const out = analyseSurvival(
      dataset(
        [
          ['active', 5, true],
          ['sham', 6, false],
        ],
        true,
      ),
    );
    expect(out.groups.map((g) => [g.group, g.n, g.events])).toEqual([['all', 2, 1]]);
    expect(out.logRank).toBeNull();
  });
});
