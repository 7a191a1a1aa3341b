import type { ParticipantView } from '@celltrial/contracts';
import type { Protocol } from '@celltrial/core';
import type { Executor, ParticipantRow } from '@celltrial/db';
import type { Actor } from './service-context.js';
import { actorIsUnblinded } from './participant-access.js';

interface Related {
  readonly siteCodes: Map<string, string>;
  readonly assessments: Map<
    string,
    {
      verdict: string;
      evaluated_at: Date;
      record_revision: number;
      confirmed_at: Date | null;
      confirmed_by: string | null;
    }
  >;
  readonly allocations: Map<string, { kit_code: string; allocated_at: Date; arm_id: string }>;
  /** Participant id → user ids who performed an emergency unblinding of it. */
  readonly unblindedBy: Map<string, Set<string>>;
}

async function loadRelated(db: Executor, rows: readonly ParticipantRow[]): Promise<Related> {
  const ids = rows.map((r) => r.id);
  const siteIds = [...new Set(rows.map((r) => r.site_id))];
  if (ids.length === 0) {
    return { siteCodes: new Map(), assessments: new Map(), allocations: new Map(), unblindedBy: new Map() };
  }
  const [sites, assessments, allocations, unblindings] = await Promise.all([
    db.selectFrom('site').select(['id', 'code']).where('id', 'in', siteIds).execute(),
    db
      .selectFrom('eligibility_assessment')
      .select([
        'participant_id',
        'verdict',
        'evaluated_at',
        'record_revision',
        'confirmed_at',
        'confirmed_by',
      ])
      .where('participant_id', 'in', ids)
      .orderBy('evaluated_at')
      .orderBy('record_revision')
      .execute(),
    db
      .selectFrom('allocation')
      .select(['participant_id', 'kit_code', 'allocated_at', 'arm_id'])
      .where('participant_id', 'in', ids)
      .execute(),
    db
      .selectFrom('unblinding_event')
      .select(['participant_id', 'requested_by'])
      .where('participant_id', 'in', ids)
      .execute(),
  ]);
  const unblindedBy = new Map<string, Set<string>>();
  for (const u of unblindings) {
    unblindedBy.set(u.participant_id, (unblindedBy.get(u.participant_id) ?? new Set()).add(u.requested_by));
  }
  return {
    siteCodes: new Map(sites.map((s) => [s.id, s.code])),
    // later rows overwrite earlier ones: the map keeps the latest assessment
    assessments: new Map(assessments.map((a) => [a.participant_id, a])),
    allocations: new Map(allocations.map((a) => [a.participant_id, a])),
    unblindedBy,
  };
}

/**
 * Participants as the actor may see them. The arm is included only for unblinded roles, or for the
 * one participant an investigator unblinded in an emergency; everyone else sees the neutral kit code.
 */
export async function toParticipantViews(
  db: Executor,
  params: { actor: Actor; rows: readonly ParticipantRow[]; protocol: Protocol | null },
): Promise<ParticipantView[]> {
  const related = await loadRelated(db, params.rows);
  const unblindedRole =
    params.rows.length > 0 && actorIsUnblinded(params.actor, params.rows[0]?.study_id ?? '');
  const armName = (id: string): string => params.protocol?.design.arms.find((a) => a.id === id)?.name ?? id;
  return params.rows.map((row) => {
    const assessment = related.assessments.get(row.id);
    const allocation = related.allocations.get(row.id);
    const unblinders = related.unblindedBy.get(row.id);
    const mayUnblind =
      unblindedRole || (params.actor.userId !== null && unblinders?.has(params.actor.userId) === true);
    const failure = row.screen_failure as { criteria?: string[]; note?: string } | null;
    return {
      id: row.id,
      studyId: row.study_id,
      siteId: row.site_id,
      siteCode: related.siteCodes.get(row.site_id) ?? '',
      screeningNumber: row.screening_number,
      subjectNumber: row.subject_number,
      status: row.status as ParticipantView['status'],
      protocolVersion: row.protocol_version,
      createdAt: row.created_at.toISOString(),
      enrolledAt: row.enrolled_at?.toISOString() ?? null,
      screenFailure: failure === null ? null : { criteria: failure.criteria ?? [], note: failure.note ?? '' },
      cohort: row.cohort,
      rowVersion: row.row_version,
      eligibility:
        assessment === undefined
          ? null
          : {
              verdict: assessment.verdict as 'eligible' | 'ineligible' | 'incomplete',
              evaluatedAt: assessment.evaluated_at.toISOString(),
              recordRevision: assessment.record_revision,
              confirmedAt: assessment.confirmed_at?.toISOString() ?? null,
              confirmedBy: assessment.confirmed_by,
            },
      allocation:
        allocation === undefined
          ? null
          : {
              kitCode: allocation.kit_code,
              allocatedAt: allocation.allocated_at.toISOString(),
              ...(mayUnblind ? { arm: { id: allocation.arm_id, name: armName(allocation.arm_id) } } : {}),
            },
      emergencyUnblinded: unblinders !== undefined,
      synthetic: row.synthetic,
      endOfParticipation:
        row.ended_on === null || row.end_reason === null
          ? null
          : {
              date: row.ended_on,
              reason: row.end_reason as 'completed' | 'withdrawn' | 'died' | 'lost-to-follow-up',
              note: row.end_note,
            },
    };
  });
}
