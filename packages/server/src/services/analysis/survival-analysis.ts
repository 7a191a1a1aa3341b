import type {
  AnalysisDataset,
  AnalysisMessage,
  EndpointResult,
  SurvivalAnalysisView,
} from '@celltrial/contracts';
import { cafs, coxRegression, kaplanMeier, logRankTest, type CafsParticipant } from '@celltrial/core';
import { num, problemMessages } from './stats-views.js';

export const SURVIVAL_METHODS_TEXT =
  'Kaplan–Meier estimate with Greenwood standard errors and log-transformed 95 % CIs, log-rank test and Cox ' +
  "model (Efron ties), as R's survival package (docs/methods/survival.md). Event: death, tracheostomy or " +
  'permanent assisted ventilation; otherwise censored at the last known visit date. Time in months from the ' +
  "participant's time origin.";

type Participant = AnalysisDataset['participants'][number];
type WithSurvival = Participant & { survival: NonNullable<Participant['survival']> };

/** The comparator arm: the first placebo/sham/no-intervention arm, else the first arm id in sorted order. */
export function referenceArm(dataset: AnalysisDataset): string | null {
  const comparator = dataset.arms.find((a) =>
    ['placebo-comparator', 'sham-comparator', 'no-intervention'].includes(a.type),
  );
  return comparator?.id ?? [...dataset.arms.map((a) => a.id)].sort()[0] ?? null;
}

function kmGroup(group: string, members: readonly WithSurvival[]): SurvivalAnalysisView['groups'][number] {
  const km = kaplanMeier({
    time: members.map((m) => m.survival.months),
    event: members.map((m) => m.survival.event),
  });
  return {
    group,
    n: km.n,
    events: km.events,
    median: { estimate: num(km.median.estimate), lower: num(km.median.lower), upper: num(km.median.upper) },
    steps: km.steps
      .map((s) => ({ ...s, lower: num(s.lower), upper: num(s.upper) }))
      .map(({ stdErr: _drop, ...s }) => s),
  };
}

/**
 * Cox model of arm (treatment-coded against the reference). Not fitted when an arm has no event (the
 * likelihood is monotone: the hazard ratio runs off to 0 or ∞); non-finite numbers are sent as null.
 */
function coxByArm(params: {
  allocated: readonly WithSurvival[];
  arms: readonly string[];
  reference: string;
  messages: AnalysisMessage[];
}): SurvivalAnalysisView['cox'] {
  const { allocated, arms, reference, messages } = params;
  const noEvents = arms.filter((a) => !allocated.some((p) => p.arm === a && p.survival.event));
  if (noEvents.length > 0) {
    messages.push({
      level: 'warning',
      text: `Cox model not fitted: no event yet in arm(s) ${noEvents.join(', ')} — the hazard ratio is not estimable (monotone likelihood)`,
    });
    return null;
  }
  const others = arms.filter((a) => a !== reference);
  const cox = coxRegression({
    time: allocated.map((p) => p.survival.months),
    event: allocated.map((p) => p.survival.event),
    covariates: allocated.map((p) => others.map((a) => (p.arm === a ? 1 : 0))),
    names: others.map((a) => `arm:${a}`),
  });
  if (cox.kind === 'invalid') {
    messages.push(...problemMessages('Cox model', cox.problems));
    return null;
  }
  if (!cox.fit.converged) {
    messages.push({
      level: 'warning',
      text: 'Cox model: Newton–Raphson did not converge; estimates unreliable',
    });
  }
  return {
    reference,
    terms: cox.fit.terms.map((t) => ({
      name: t.name,
      hr: num(t.hr),
      hrLower95: num(t.hrLower95),
      hrUpper95: num(t.hrUpper95),
      p: num(t.p),
    })),
  };
}

/** KM by arm with log-rank and Cox (unblinded, ≥ 2 arms), or one pooled KM curve (blinded). */
export function analyseSurvival(dataset: AnalysisDataset): SurvivalAnalysisView {
  const messages: AnalysisMessage[] = [];
  const data = dataset.participants.filter((p): p is WithSurvival => p.survival !== null);
  if (data.length === 0) {
    return {
      groups: [],
      logRank: null,
      cox: null,
      methodsText: SURVIVAL_METHODS_TEXT,
      messages: [{ level: 'error', text: 'no participant has a survival time yet' }],
    };
  }
  if (dataset.blinded) {
    messages.push({
      level: 'info',
      text: 'blinded: one pooled Kaplan–Meier curve, no comparison between arms',
    });
    return {
      groups: [kmGroup('all', data)],
      logRank: null,
      cox: null,
      methodsText: SURVIVAL_METHODS_TEXT,
      messages,
    };
  }
  const allocated = data.filter((p) => p.arm !== null);
  if (allocated.length < data.length) {
    messages.push({
      level: 'info',
      text: `${data.length - allocated.length} participant(s) without an allocation are not in the by-arm analysis`,
    });
  }
  const arms = [...new Set(allocated.map((p) => p.arm ?? ''))].sort();
  const groups = arms.map((arm) =>
    kmGroup(
      arm,
      allocated.filter((p) => p.arm === arm),
    ),
  );
  if (arms.length < 2) {
    messages.push({ level: 'info', text: 'fewer than two arms in the data: no log-rank test or Cox model' });
    return {
      groups: arms.length === 0 ? [kmGroup('all', data)] : groups,
      logRank: null,
      cox: null,
      methodsText: SURVIVAL_METHODS_TEXT,
      messages,
    };
  }
  const time = allocated.map((p) => p.survival.months);
  const event = allocated.map((p) => p.survival.event);
  const events = event.filter(Boolean).length;
  if (events === 0) {
    messages.push({
      level: 'warning',
      text: 'no events yet: the log-rank test and the Cox model are not defined',
    });
    return { groups, logRank: null, cox: null, methodsText: SURVIVAL_METHODS_TEXT, messages };
  }
  const lr = logRankTest({ time, event, group: allocated.map((p) => p.arm ?? '') });
  const ref = referenceArm(dataset);
  const reference = ref !== null && arms.includes(ref) ? ref : (arms[0] ?? '');
  const cox = coxByArm({ allocated, arms, reference, messages });
  return {
    groups,
    logRank: {
      groups: [...lr.groups],
      observed: [...lr.observed],
      expected: [...lr.expected],
      chisq: num(lr.chisq),
      df: lr.df,
      p: num(lr.p),
    },
    cox,
    methodsText: SURVIVAL_METHODS_TEXT,
    messages,
  };
}

/**
 * CAFS at a horizon (months): survival times from the dataset, Δ = last ALSFRS-R within the horizon minus the
 * first; all arms against the comparator. Needs arms: blinded callers get an explanation instead.
 */
export function analyseCafs(params: { dataset: AnalysisDataset; horizon: number | null }): {
  result: EndpointResult;
  messages: AnalysisMessage[];
} {
  const { dataset, horizon } = params;
  if (dataset.blinded) {
    return {
      result: { kind: 'none' },
      messages: [
        {
          level: 'info',
          text: 'CAFS ranks arms against each other: not shown to blinded roles (it needs the allocation)',
        },
      ],
    };
  }
  if (horizon === null) {
    return {
      result: { kind: 'none' },
      messages: [{ level: 'error', text: "the endpoint's time frame names no horizon in months" }],
    };
  }
  const messages: AnalysisMessage[] = [];
  const participants: CafsParticipant[] = [];
  const left: string[] = [];
  const alsfrsBySubject = new Map<string, AnalysisDataset['observations']>();
  for (const o of dataset.observations) {
    if (o.measure === 'alsfrs-r') {
      alsfrsBySubject.set(o.subject, [...(alsfrsBySubject.get(o.subject) ?? []), o]);
    }
  }
  for (const p of dataset.participants) {
    if (p.survival === null || p.arm === null) {
      left.push(p.subject);
      continue;
    }
    const values = (alsfrsBySubject.get(p.subject) ?? []).filter((o) => o.months <= horizon);
    const first = values[0];
    const last = values.at(-1);
    const change =
      first !== undefined && last !== undefined && last !== first ? last.value - first.value : null;
    participants.push({
      id: p.subject,
      arm: p.arm,
      time: p.survival.months,
      event: p.survival.event,
      change,
    });
  }
  if (left.length > 0) {
    messages.push({
      level: 'warning',
      text: `${left.length} participant(s) without a survival time or allocation are not ranked (${left.join(', ')})`,
    });
  }
  const missing = participants.filter((p) => p.change === null).map((p) => p.id);
  if (missing.length > 0) {
    messages.push({
      level: 'warning',
      text: `${missing.length} participant(s) have no post-baseline ALSFRS-R within ${horizon} months: their function comparisons score 0 (${missing.join(', ')})`,
    });
  }
  const ref = referenceArm(dataset);
  const result = cafs(participants, {
    horizon,
    ...(ref !== null && participants.some((p) => p.arm === ref) ? { reference: ref } : {}),
  });
  if (result.kind === 'invalid') {
    return { result: { kind: 'none' }, messages: [...messages, ...problemMessages('CAFS', result.problems)] };
  }
  return {
    result: {
      kind: 'cafs',
      horizonMonths: horizon,
      reference: result.reference,
      arms: result.arms.map((a) => ({ ...a })),
      comparisons: result.comparisons.map((c) => ({
        arm: c.arm,
        reference: c.reference,
        w: c.test.w,
        z: num(c.test.z),
        p: num(c.test.p),
        n1: c.test.n1,
        n2: c.test.n2,
      })),
    },
    messages,
  };
}
