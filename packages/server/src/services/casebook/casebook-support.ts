import { canonicalJson, type Protocol } from '@celltrial/core';
import {
  findProtocolVersion,
  listActiveLocks,
  type DataLockRow,
  type Executor,
  type ParticipantRow,
} from '@celltrial/db';
import { AppError } from '../../errors/app-error.js';
import type { ServiceDeps } from '../service-context.js';

/** The protocol version a participant was registered under (their casebook follows it). */
export async function protocolOfParticipant(db: Executor, participant: ParticipantRow): Promise<Protocol> {
  const version = await findProtocolVersion(db, {
    studyId: participant.study_id,
    version: participant.protocol_version,
  });
  if (version === undefined) {
    throw new Error(
      `participant ${participant.id} refers to missing protocol version ${participant.protocol_version}`,
    );
  }
  return version.content as Protocol;
}

/** Today's calendar date (UTC) from the injected clock. */
export function todayOf(deps: ServiceDeps): string {
  return deps.clock.now().toISOString().slice(0, 10);
}

/** The name the protocol gives a form (falls back to the key). */
export function formNameOf(protocol: Protocol, formKey: string): string {
  return protocol.forms.find((f) => f.id === formKey)?.name ?? formKey;
}

/** What a piece of data sits in, for lock checks. */
export interface LockTarget {
  readonly participantId: string;
  readonly visitId: string | null;
  readonly formRecordId: string | null;
}

/** The active lock that covers the target (study, casebook, visit or form), if any. */
export function lockCovering(locks: readonly DataLockRow[], target: LockTarget): DataLockRow | undefined {
  return locks.find(
    (l) =>
      l.scope === 'study' ||
      (l.scope === 'casebook' && l.participant_id === target.participantId) ||
      (l.scope === 'visit' && target.visitId !== null && l.visit_id === target.visitId) ||
      (l.scope === 'form' && target.formRecordId !== null && l.form_record_id === target.formRecordId),
  );
}

/** Refuses a change to locked data: a data manager must unlock it (with a reason) first. */
export async function refuseIfLocked(db: Executor, params: LockTarget & { studyId: string }): Promise<void> {
  const lock = lockCovering(await listActiveLocks(db, params.studyId), params);
  if (lock !== undefined) {
    throw new AppError(
      'DATA_LOCKED',
      `the ${lock.scope} is locked${lock.reason === null ? '' : ` (${lock.reason})`}; a data manager must unlock it with a reason before any change`,
      { lock: { id: lock.id, scope: lock.scope } },
    );
  }
}

/** Structural JSON equality for item values (order of object keys ignored). */
export function sameValue(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/** Item ids whose value differs between two value maps (added, changed or cleared). */
export function changedItems(
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>,
): string[] {
  const ids = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...ids].filter((id) => !sameValue(before[id], after[id])).sort();
}
