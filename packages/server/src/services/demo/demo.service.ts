import { randomBytes } from 'node:crypto';
import {
  createSeededRng,
  DEMO_LAB_REFERENCE_RANGES,
  generateDemoParticipants,
  type DemoParticipant,
  type Protocol,
} from '@celltrial/core';
import {
  findParticipant,
  findStudyById,
  findUserByUsername,
  listParticipants,
  listStudies,
  listSiteLabRanges,
  listSites,
  type SiteRow,
} from '@celltrial/db';
import { AppError, notFound } from '../../errors/app-error.js';
import { todayOf } from '../casebook/casebook-support.js';
import { endParticipation } from '../casebook/end-of-participation.service.js';
import { setSiteLabRanges } from '../casebook/lab-range.service.js';
import { registerCandidate, markScreenFailure } from '../participant.service.js';
import { getCurrentProtocol } from '../protocol.service.js';
import { randomizeParticipant } from '../randomization.service.js';
import { confirmEligibilityAndEnroll, saveScreening } from '../screening.service.js';
import { SYSTEM_ACTOR, type Actor, type ServiceDeps } from '../service-context.js';
import { createUser } from '../user.service.js';
import { fillDemoCasebook } from './demo-visits.js';

export const DEMO_USERNAME = 'demo-generator';

/**
 * The account demo data is written and "signed" as: a user nobody can log in as (random password), named so in
 * the audit trail and on every record, acting with system-administrator rights in memory only.
 */
async function demoActor(deps: ServiceDeps): Promise<Actor> {
  let user = await findUserByUsername(deps.db, DEMO_USERNAME);
  if (user === undefined) {
    await createUser(deps, SYSTEM_ACTOR, {
      username: DEMO_USERNAME,
      displayName: 'Demo generator (synthetic data)',
      password: randomBytes(24).toString('base64url'),
      isSystemAdmin: false,
    });
    user = await findUserByUsername(deps.db, DEMO_USERNAME);
  }
  const userId = user?.id ?? '';
  return {
    userId,
    name: 'demo generator (synthetic data)',
    principal: { userId, isSystemAdmin: true, grants: [] },
    requestId: null,
    sessionId: null,
  };
}

export interface DemoSummary {
  readonly studyId: string;
  readonly studyCode: string;
  readonly seed: string;
  readonly screened: number;
  readonly screenFailures: number;
  readonly enrolled: number;
  /** Candidates left in screening because the study could not take them (e.g. a full escalation cohort). */
  readonly notEnrolled: { screeningNumber: string; reason: string }[];
  readonly visits: number;
  readonly missedVisits: number;
  readonly forms: number;
  readonly logEntries: number;
  readonly adverseEvents: number;
}

async function installDemoLabRanges(
  deps: ServiceDeps,
  params: { actor: Actor; studyId: string; sites: readonly SiteRow[] },
) {
  for (const site of params.sites) {
    if ((await listSiteLabRanges(deps.db, site.id)).length > 0) {
      continue;
    }
    await setSiteLabRanges(deps, params.actor, {
      studyId: params.studyId,
      siteId: site.id,
      ranges: DEMO_LAB_REFERENCE_RANGES.map((r) => ({
        test: r.test,
        unit: r.unit,
        lln: r.lln ?? null,
        uln: r.uln ?? null,
        sex: r.sex ?? null,
        ageMin: r.ageMin ?? null,
        ageMax: r.ageMax ?? null,
        source: r.source ?? null,
      })),
    });
  }
}

interface Tally {
  screenFailures: number;
  enrolled: number;
  notEnrolled: { screeningNumber: string; reason: string }[];
  visits: number;
  missedVisits: number;
  forms: number;
  logEntries: number;
  adverseEvents: number;
}

async function runParticipant(
  deps: ServiceDeps,
  params: {
    actor: Actor;
    studyId: string;
    protocol: Protocol;
    site: SiteRow;
    demo: DemoParticipant;
    tally: Tally;
  },
): Promise<void> {
  const { actor, studyId, demo, tally } = params;
  const candidate = await registerCandidate(deps, actor, {
    studyId,
    siteId: params.site.id,
    synthetic: true,
  });
  const base = { studyId, participantId: candidate.id };
  const screening = await saveScreening(deps, actor, { ...base, data: demo.screening, expectedRevision: 0 });
  if (demo.screenFailure || screening.eligibility?.verdict !== 'eligible') {
    await markScreenFailure(deps, actor, {
      ...base,
      note: `Synthetic screen failure: ${demo.failedCriteria.join(', ') || 'not eligible'}`,
      expectedRowVersion: candidate.rowVersion,
    });
    tally.screenFailures++;
    return;
  }
  let enrolled;
  try {
    enrolled = await confirmEligibilityAndEnroll(deps, actor, {
      ...base,
      recordRevision: screening.revision,
    });
  } catch (error) {
    if (error instanceof AppError && error.code === 'BUSINESS_RULE_VIOLATED') {
      tally.notEnrolled.push({ screeningNumber: candidate.screeningNumber, reason: error.message });
      return;
    }
    throw error;
  }
  tally.enrolled++;
  // Dose-escalation participants join a cohort instead of being randomized.
  if (params.protocol.design.randomization !== undefined && enrolled.cohort === null) {
    await randomizeParticipant(deps, actor, base);
  }
  const counts = await fillDemoCasebook(deps, actor, { participantId: candidate.id, demo });
  await recordDemoOutcome(deps, actor, { ...base, demo });
  tally.visits += counts.visits;
  tally.missedVisits += counts.missed;
  tally.forms += counts.forms;
  tally.logEntries += counts.logEntries;
  tally.adverseEvents += counts.adverseEvents;
}

/** A death or withdrawal before today ends the participant's participation (as a site would record it). */
async function recordDemoOutcome(
  deps: ServiceDeps,
  actor: Actor,
  params: { studyId: string; participantId: string; demo: DemoParticipant },
): Promise<void> {
  const outcome = params.demo.outcome;
  if ((outcome.kind !== 'died' && outcome.kind !== 'withdrew') || outcome.date > todayOf(deps)) {
    return;
  }
  const row = await findParticipant(deps.db, params.participantId);
  if (row === undefined) {
    return;
  }
  await endParticipation(deps, actor, {
    studyId: params.studyId,
    participantId: params.participantId,
    date: outcome.date,
    reason: outcome.kind === 'died' ? 'died' : 'withdrawn',
    note:
      outcome.kind === 'died'
        ? 'Synthetic demo data: death (disease progression).'
        : 'Synthetic demo data: withdrew consent.',
    expectedRowVersion: row.row_version,
  });
}

/**
 * Fills a study with synthetic participants driven through the real services (screening, eligibility,
 * enrolment, randomization, visits, forms), so every rule and audit entry applies. Every participant is
 * flagged synthetic; the same seed gives the same data.
 */
export async function generateDemoData(
  deps: ServiceDeps,
  params: { studyId: string; participants: number; seed: string },
): Promise<DemoSummary> {
  const study = await findStudyById(deps.db, params.studyId);
  if (study === undefined) {
    throw notFound('study');
  }
  const { protocol } = await getCurrentProtocol(deps, params.studyId);
  if (protocol === null) {
    throw notFound('protocol');
  }
  const sites = await listSites(deps.db, params.studyId);
  const generated = generateDemoParticipants(protocol, {
    count: params.participants,
    rng: createSeededRng(`${params.seed}|${study.code}`),
    today: todayOf(deps),
    sites: sites.map((s) => s.code),
  });
  if (generated.kind === 'invalid') {
    throw new AppError('VALIDATION_FAILED', 'the demo generator refused the options', {
      issues: generated.problems.map((p) => ({ path: p.path, rule: p.rule, message: p.message })),
    });
  }
  const actor = await demoActor(deps);
  await installDemoLabRanges(deps, { actor, studyId: params.studyId, sites });
  const tally: Tally = {
    screenFailures: 0,
    enrolled: 0,
    notEnrolled: [],
    visits: 0,
    missedVisits: 0,
    forms: 0,
    logEntries: 0,
    adverseEvents: 0,
  };
  for (const demo of generated.participants) {
    const site = sites.find((s) => s.code === demo.siteCode) ?? sites[0];
    if (site === undefined) {
      throw new Error(`study ${study.code} has no sites`);
    }
    await runParticipant(deps, { actor, studyId: params.studyId, protocol, site, demo, tally });
  }
  return {
    studyId: params.studyId,
    studyCode: study.code,
    seed: params.seed,
    screened: generated.participants.length,
    ...tally,
  };
}

/** Whether a study already has participants (start-up loads demo data only into empty studies). */
export async function studyHasParticipants(deps: ServiceDeps, studyId: string): Promise<boolean> {
  return (await listParticipants(deps.db, { studyId, siteIds: 'all' })).length > 0;
}

/**
 * `npm start`: a small synthetic demo in every study that has no participants yet (never touches a study with
 * real or earlier data). Returns one summary per study filled.
 */
export async function loadDemoIntoEmptyStudies(
  deps: ServiceDeps,
  params: { participants: number; seed: string; onStudy?: (summary: DemoSummary) => void },
): Promise<DemoSummary[]> {
  const summaries: DemoSummary[] = [];
  for (const study of await listStudies(deps.db)) {
    if (await studyHasParticipants(deps, study.id)) {
      continue;
    }
    const { protocol } = await getCurrentProtocol(deps, study.id);
    if (protocol === null) {
      continue;
    }
    const summary = await generateDemoData(deps, {
      studyId: study.id,
      participants: params.participants,
      seed: params.seed,
    });
    params.onStudy?.(summary);
    summaries.push(summary);
  }
  return summaries;
}
