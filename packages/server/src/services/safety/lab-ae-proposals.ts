import { ctcaeAlgorithm, type Protocol } from '@celltrial/core';
import {
  decideAeProposal,
  findVisit,
  insertAeProposal,
  listFormAeProposals,
  type FormRecordRow,
  type ParticipantRow,
} from '@celltrial/db';
import type { AuditedTransaction } from '../audited-write.js';
import { protocolOfParticipant } from '../casebook/casebook-support.js';

/** One graded test of a saved 'labs' form that reaches the protocol's AE threshold. */
export interface LabCandidate {
  readonly test: string;
  readonly value: number;
  readonly unit: string;
  readonly grade: number;
  readonly ctcaeTerm: string;
  readonly reason: string;
}

type Derived = Record<string, { value: unknown; algorithm: string } | undefined>;

/**
 * The tests of a lab form whose derived CTCAE grade (`<code>.ctcaeGrade`, graded with the protocol's CTCAE version
 * by the form engine) is ≥ `safety.aeGradeThreshold`. A grade computed with another CTCAE version is not used.
 */
export function labCandidates(params: {
  values: Record<string, unknown>;
  derived: Derived;
  safety: Protocol['safety'];
}): LabCandidate[] {
  const { values, derived, safety } = params;
  const algorithm = ctcaeAlgorithm(safety.ctcaeVersion);
  const out: LabCandidate[] = [];
  for (const [key, entry] of Object.entries(derived)) {
    if (!key.endsWith('.ctcaeGrade') || entry === undefined) {
      continue;
    }
    const test = key.slice(0, -'.ctcaeGrade'.length);
    const grade = entry.value;
    const term = derived[`${test}.ctcaeTerm`]?.value;
    const entered = values[test] as { value?: unknown; unit?: unknown } | undefined;
    if (
      entry.algorithm !== algorithm ||
      typeof grade !== 'number' ||
      typeof term !== 'string' ||
      typeof entered?.value !== 'number' ||
      typeof entered.unit !== 'string' ||
      grade < safety.aeGradeThreshold
    ) {
      continue;
    }
    out.push({
      test,
      value: entered.value,
      unit: entered.unit,
      grade,
      ctcaeTerm: term,
      reason: `${term} grade ${grade} ≥ protocol AE threshold ${safety.aeGradeThreshold} (${test} ${entered.value} ${entered.unit}, CTCAE ${safety.ctcaeVersion})`,
    });
  }
  return out.sort((a, b) => a.test.localeCompare(b.test));
}

/**
 * Runs after a 'labs' form save, inside its transaction: proposes an AE for each test graded at or above the
 * protocol's threshold. A test already proposed from this form with the same value, unit and grade (whatever
 * became of that proposal) is not proposed again; an open proposal whose value was changed is dismissed as
 * superseded. Each proposal and dismissal is audited.
 */
export async function proposeLabAdverseEvents(
  tx: AuditedTransaction,
  params: { participant: ParticipantRow; form: FormRecordRow },
): Promise<{ proposed: number; superseded: number }> {
  const { participant, form } = params;
  if (form.form_key !== 'labs') {
    return { proposed: 0, superseded: 0 };
  }
  const protocol = await protocolOfParticipant(tx.trx, participant);
  const values = form.item_values as Record<string, unknown>;
  const candidates = labCandidates({ values, derived: form.derived as Derived, safety: protocol.safety });
  const existing = await listFormAeProposals(tx.trx, form.id);
  const same = (a: { test: string; value: number; unit: string; grade: number }, c: LabCandidate) =>
    a.test === c.test && a.value === c.value && a.unit === c.unit && a.grade === c.grade;
  let superseded = 0;
  for (const open of existing.filter((p) => p.status === 'proposed')) {
    if (!candidates.some((c) => same(open, c))) {
      const reason = `superseded: form version ${form.version} changed ${open.test} (was ${open.value} ${open.unit}, grade ${open.grade})`;
      await decideAeProposal(tx.trx, {
        id: open.id,
        status: 'dismissed',
        reason,
        userId: null,
        adverseEventId: null,
      });
      await tx.audit({
        action: 'ae-proposal.supersede',
        entityType: 'ae_proposal',
        entityId: open.id,
        studyId: participant.study_id,
        siteId: participant.site_id,
        after: { status: 'dismissed' },
        reason,
      });
      superseded++;
    }
  }
  const visit = form.visit_id === null ? undefined : await findVisit(tx.trx, form.visit_id);
  let proposed = 0;
  for (const c of candidates.filter((c) => !existing.some((p) => same(p, c)))) {
    const row = await insertAeProposal(tx.trx, {
      studyId: participant.study_id,
      siteId: participant.site_id,
      participantId: participant.id,
      formRecordId: form.id,
      formVersion: form.version,
      test: c.test,
      value: c.value,
      unit: c.unit,
      grade: c.grade,
      ctcaeTerm: c.ctcaeTerm,
      ctcaeVersion: protocol.safety.ctcaeVersion,
      reason: c.reason,
    });
    await tx.audit({
      action: 'ae-proposal.create',
      entityType: 'ae_proposal',
      entityId: row.id,
      studyId: participant.study_id,
      siteId: participant.site_id,
      after: {
        formRecordId: form.id,
        formVersion: form.version,
        visitKey: visit?.visit_key ?? null,
        test: c.test,
        value: c.value,
        unit: c.unit,
        grade: c.grade,
        ctcaeTerm: c.ctcaeTerm,
        reason: c.reason,
      },
    });
    proposed++;
  }
  return { proposed, superseded };
}
