import { randomBytes } from 'node:crypto';
import type { ParticipantView } from '@celltrial/contracts';
import {
  allocateNext,
  buildStratumKey,
  kitCode,
  minimize,
  randomizationPlanFromProtocol,
  type Protocol,
  type RandomizationPlan,
} from '@celltrial/core';
import {
  countAllocationsInStratum,
  findAllocationByParticipant,
  findProtocolVersion,
  findStudySeed,
  insertAllocation,
  insertStudySeed,
  latestScreeningRecord,
  listAllocations,
  listSites,
  lockParticipant,
  sql,
  type Executor,
  type ParticipantRow,
} from '@celltrial/db';
import { AppError } from '../errors/app-error.js';
import { auditedWrite, type AuditedTransaction } from './audited-write.js';
import { loadParticipantInScope } from './participant-access.js';
import { viewsFor } from './participant.service.js';
import type { Actor, ServiceDeps } from './service-context.js';

export interface RandomizeOutcome {
  /** False when the participant was already randomized: the existing allocation is returned, never a new one. */
  readonly created: boolean;
  readonly participant: ParticipantView;
}

interface Chosen {
  readonly armId: string;
  readonly stratumKey: string;
  readonly sequence: number;
  readonly kitCode: string;
  readonly method: string;
  /** Kept with the allocation, never shown to blinded roles (it reveals the arm). */
  readonly details: unknown;
}

async function studySeed(tx: AuditedTransaction, studyId: string): Promise<string> {
  const existing = await findStudySeed(tx.trx, studyId);
  if (existing !== undefined) {
    return existing;
  }
  const seed = randomBytes(32).toString('hex');
  await insertStudySeed(tx.trx, { studyId, seed });
  await tx.audit({
    action: 'randomization.seed-created',
    entityType: 'study',
    entityId: studyId,
    studyId,
    after: { bits: 256 },
  });
  return seed;
}

async function factorValues(
  db: Executor,
  participant: ParticipantRow,
  siteCode: string,
): Promise<Record<string, string>> {
  const record = (await latestScreeningRecord(db, participant.id))?.data as
    { strata?: Record<string, unknown> } | undefined;
  const values: Record<string, string> = { site: siteCode };
  for (const [key, value] of Object.entries(record?.strata ?? {})) {
    if (typeof value === 'string') {
      values[key] = value;
    }
  }
  return values;
}

function invalidPlan(problems: ReadonlyArray<{ message: string }>): AppError {
  return new AppError(
    'BUSINESS_RULE_VIOLATED',
    `randomization cannot proceed: ${problems.map((p) => p.message).join('; ')}`,
    {
      rule: 'randomization-plan',
      problems,
    },
  );
}

/** Unique kit code: retries the next candidate in the (astronomically rare) case of a clash. */
async function uniqueKitCode(
  db: Executor,
  params: { studyId: string; seed: string; scope: string; sequence: number; first: string },
): Promise<string> {
  let code = params.first;
  for (let attempt = 1; ; attempt++) {
    const clash = await db
      .selectFrom('allocation')
      .select('id')
      .where('study_id', '=', params.studyId)
      .where('kit_code', '=', code)
      .executeTakeFirst();
    if (clash === undefined) {
      return code;
    }
    code = kitCode({ seed: params.seed, scope: params.scope, sequence: params.sequence, attempt });
  }
}

async function choose(
  db: Executor,
  params: {
    plan: RandomizationPlan;
    participant: ParticipantRow;
    values: Record<string, string>;
    seed: string;
  },
): Promise<Chosen> {
  const { plan, participant, values } = params;
  if (plan.kind === 'permuted-blocks') {
    const key = buildStratumKey({ factors: plan.stratification, values });
    if (key.kind === 'invalid') {
      throw invalidPlan(key.problems);
    }
    const inStratum = await countAllocationsInStratum(db, {
      studyId: participant.study_id,
      stratumKey: key.value,
    });
    const slot = allocateNext(plan.scheme, { stratumKey: key.value, allocatedInStratum: inStratum });
    return {
      armId: slot.arm,
      stratumKey: key.value,
      sequence: slot.sequence,
      kitCode: slot.kitCode,
      method: 'permuted-blocks',
      details: { block: slot.block, blockSize: slot.blockSize },
    };
  }
  const previous = (await listAllocations(db, participant.study_id)).map((a) => ({
    arm: a.arm_id,
    levels: (a.details as { levels: Record<string, string> }).levels,
  }));
  const decision = minimize(plan.scheme, { previous, levels: values });
  if (decision.kind === 'invalid') {
    throw invalidPlan(decision.problems);
  }
  const d = decision.value;
  return {
    armId: d.arm,
    stratumKey: 'minimization',
    sequence: d.sequence,
    kitCode: d.kitCode,
    method: 'minimization',
    details: { levels: values, decision: d },
  };
}

/**
 * Randomizes an enrolled participant in one audited transaction. The participant row is locked, so two
 * racing requests yield one allocation: the second returns the first's. Allocations within a study are
 * serialised so stratum sequence numbers never collide (and the database refuses duplicates besides).
 */
export async function randomizeParticipant(
  deps: ServiceDeps,
  actor: Actor,
  params: { studyId: string; participantId: string },
): Promise<RandomizeOutcome> {
  const { participant, site } = await loadParticipantInScope(deps, actor, {
    ...params,
    permission: 'subject:randomize',
  });
  const version = await findProtocolVersion(deps.db, {
    studyId: participant.study_id,
    version: participant.protocol_version,
  });
  const protocol = version?.content as Protocol | undefined;
  const randomization = protocol?.design.randomization;
  if (randomization === undefined) {
    throw new AppError('BUSINESS_RULE_VIOLATED', 'this study does not randomize participants', {
      rule: 'study-randomized',
    });
  }
  const created = await auditedWrite(deps, actor, async (tx) => {
    const locked = await lockParticipant(tx.trx, participant.id);
    const existing = await findAllocationByParticipant(tx.trx, participant.id);
    if (existing !== undefined) {
      await tx.audit({
        action: 'randomization.repeat-request',
        entityType: 'allocation',
        entityId: existing.id,
        studyId: participant.study_id,
        siteId: participant.site_id,
        after: { kitCode: existing.kit_code },
      });
      return false;
    }
    if (locked?.status !== 'enrolled') {
      throw new AppError(
        'BUSINESS_RULE_VIOLATED',
        `only enrolled participants are randomized; this one is ${locked?.status ?? 'missing'}`,
        { rule: 'status-enrolled' },
      );
    }
    if (locked.cohort !== null) {
      throw new AppError(
        'BUSINESS_RULE_VIOLATED',
        'participants of the dose-escalation part are not randomized',
        { rule: 'not-in-escalation' },
      );
    }
    await sql`select pg_advisory_xact_lock(hashtext(${`randomization:${participant.study_id}`}))`.execute(
      tx.trx,
    );
    const seed = await studySeed(tx, participant.study_id);
    const siteCodes = (await listSites(tx.trx, participant.study_id)).map((s) => s.code);
    const plan = randomizationPlanFromProtocol(randomization, { seed, siteCodes });
    if (plan.kind === 'invalid') {
      throw invalidPlan(plan.problems);
    }
    const values = await factorValues(tx.trx, locked, site.code);
    const chosen = await choose(tx.trx, { plan: plan.value, participant: locked, values, seed });
    const code = await uniqueKitCode(tx.trx, {
      studyId: participant.study_id,
      seed,
      scope: chosen.stratumKey,
      sequence: chosen.sequence,
      first: chosen.kitCode,
    });
    const row = await insertAllocation(tx.trx, {
      studyId: participant.study_id,
      participantId: participant.id,
      stratumKey: chosen.stratumKey,
      stratumSequence: chosen.sequence,
      armId: chosen.armId,
      kitCode: code,
      method: chosen.method,
      details: chosen.details,
      allocatedBy: actor.userId,
    });
    // The audit row names the neutral kit code and slot only; the arm lives in the append-only allocation table.
    await tx.audit({
      action: 'participant.randomize',
      entityType: 'allocation',
      entityId: row.id,
      studyId: participant.study_id,
      siteId: participant.site_id,
      after: {
        participantId: participant.id,
        kitCode: code,
        stratumKey: chosen.stratumKey,
        sequence: chosen.sequence,
        method: chosen.method,
      },
    });
    return true;
  });
  const fresh = await loadParticipantInScope(deps, actor, { ...params, permission: 'subject:read' });
  return { created, participant: (await viewsFor(deps, actor, [fresh.participant]))[0] as ParticipantView };
}
