import type { Selectable } from 'kysely';
import type { AllocationTable, NotificationTable, UnblindingEventTable } from '../database-types.js';
import type { Executor } from '../executor.js';

export type AllocationRow = Selectable<AllocationTable>;
export type UnblindingEventRow = Selectable<UnblindingEventTable>;
export type NotificationRow = Selectable<NotificationTable>;

/** The study's randomization seed; never leaves the server. */
export async function findStudySeed(db: Executor, studyId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('study_secret')
    .select('randomization_seed')
    .where('study_id', '=', studyId)
    .executeTakeFirst();
  return row?.randomization_seed;
}

export async function insertStudySeed(
  db: Executor,
  params: { studyId: string; seed: string },
): Promise<void> {
  await db
    .insertInto('study_secret')
    .values({ study_id: params.studyId, randomization_seed: params.seed })
    .execute();
}

export async function findAllocationByParticipant(
  db: Executor,
  participantId: string,
): Promise<AllocationRow | undefined> {
  return db
    .selectFrom('allocation')
    .selectAll()
    .where('participant_id', '=', participantId)
    .executeTakeFirst();
}

export async function listAllocations(db: Executor, studyId: string): Promise<AllocationRow[]> {
  return db
    .selectFrom('allocation')
    .selectAll()
    .where('study_id', '=', studyId)
    .orderBy('allocated_at')
    .orderBy('id')
    .execute();
}

export async function countAllocationsInStratum(
  db: Executor,
  params: { studyId: string; stratumKey: string },
): Promise<number> {
  const row = await db
    .selectFrom('allocation')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('study_id', '=', params.studyId)
    .where('stratum_key', '=', params.stratumKey)
    .executeTakeFirstOrThrow();
  return row.n;
}

export interface NewAllocation {
  readonly studyId: string;
  readonly participantId: string;
  readonly stratumKey: string;
  readonly stratumSequence: number;
  readonly armId: string;
  readonly kitCode: string;
  readonly method: string;
  readonly details: unknown;
  readonly allocatedBy: string | null;
}

export async function insertAllocation(db: Executor, a: NewAllocation): Promise<AllocationRow> {
  return db
    .insertInto('allocation')
    .values({
      study_id: a.studyId,
      participant_id: a.participantId,
      stratum_key: a.stratumKey,
      stratum_sequence: a.stratumSequence,
      arm_id: a.armId,
      kit_code: a.kitCode,
      method: a.method,
      details: a.details === undefined ? null : JSON.stringify(a.details),
      allocated_by: a.allocatedBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function insertUnblindingEvent(
  db: Executor,
  e: { studyId: string; participantId: string; requestedBy: string; reason: string },
): Promise<UnblindingEventRow> {
  return db
    .insertInto('unblinding_event')
    .values({
      study_id: e.studyId,
      participant_id: e.participantId,
      requested_by: e.requestedBy,
      reason: e.reason,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listUnblindingEvents(
  db: Executor,
  participantId: string,
): Promise<UnblindingEventRow[]> {
  return db
    .selectFrom('unblinding_event')
    .selectAll()
    .where('participant_id', '=', participantId)
    .orderBy('created_at')
    .execute();
}

export async function insertNotification(
  db: Executor,
  n: {
    studyId: string | null;
    recipientRole: string | null;
    recipientUserId: string | null;
    kind: string;
    message: string;
    payload: unknown;
  },
): Promise<NotificationRow> {
  return db
    .insertInto('notification')
    .values({
      study_id: n.studyId,
      recipient_role: n.recipientRole,
      recipient_user_id: n.recipientUserId,
      kind: n.kind,
      message: n.message,
      payload: n.payload === undefined ? null : JSON.stringify(n.payload),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listNotifications(
  db: Executor,
  params: { studyId: string; roles: readonly string[]; userId: string },
): Promise<NotificationRow[]> {
  return db
    .selectFrom('notification')
    .selectAll()
    .where('study_id', '=', params.studyId)
    .where((eb) =>
      eb.or([
        eb('recipient_user_id', '=', params.userId),
        ...(params.roles.length === 0 ? [] : [eb('recipient_role', 'in', params.roles)]),
      ]),
    )
    .orderBy('created_at', 'desc')
    .limit(200)
    .execute();
}
