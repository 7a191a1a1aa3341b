import { createHash } from 'node:crypto';
import { parseProtocolYaml, type ProtocolFileProblem } from '@celltrial/contracts';
import { summarizeProtocol, type Protocol } from '@celltrial/core';
import {
  findCurrentProtocolVersion,
  findStudyByCode,
  insertProtocolVersion,
  insertSite,
  insertStudy,
  listSites,
  updateStudyFacts,
  type ProtocolVersionRow,
} from '@celltrial/db';
import { AppError, notFound } from '../errors/app-error.js';
import { auditedWrite, type AuditedTransaction } from './audited-write.js';
import type { Actor, ServiceDeps } from './service-context.js';

export interface LoadProtocolInput {
  readonly text: string;
  readonly sourceName: string;
  /** Required when the study already has a different protocol version: loading it is an amendment. */
  readonly amendmentReason?: string | undefined;
}

export type LoadProtocolOutcome =
  | { readonly kind: 'created'; readonly studyId: string; readonly code: string; readonly version: 1 }
  | { readonly kind: 'unchanged'; readonly studyId: string; readonly code: string; readonly version: number }
  | { readonly kind: 'amended'; readonly studyId: string; readonly code: string; readonly version: number };

/** SHA-256 of the validated protocol's JSON: comments and formatting of the file do not count as changes. */
export function protocolContentHash(protocol: Protocol): string {
  return createHash('sha256').update(JSON.stringify(protocol)).digest('hex');
}

/** Parses and validates a protocol file; throws PROTOCOL_INVALID listing every problem. */
export function parseProtocolOrThrow(text: string, sourceName: string): Protocol {
  const parsed = parseProtocolYaml(text, sourceName);
  if (parsed.kind === 'invalid') {
    throw new AppError('PROTOCOL_INVALID', `${parsed.problems.length} problem(s) in ${sourceName}`, {
      problems: parsed.problems satisfies ProtocolFileProblem[],
    });
  }
  return parsed.protocol;
}

async function addMissingSites(
  tx: AuditedTransaction,
  params: { studyId: string; protocol: Protocol },
): Promise<void> {
  const existing = new Set((await listSites(tx.trx, params.studyId)).map((s) => s.code));
  for (const site of params.protocol.sites) {
    if (existing.has(site.code)) {
      continue;
    }
    const row = await insertSite(tx.trx, {
      studyId: params.studyId,
      code: site.code,
      name: site.name,
      country: site.country,
    });
    await tx.audit({
      action: 'site.create',
      entityType: 'site',
      entityId: row.id,
      studyId: params.studyId,
      siteId: row.id,
      after: site,
    });
  }
}

/**
 * Loads a protocol file: creates the study (with its sites and version 1), leaves it alone when the
 * content is unchanged, or — with a reason — records an amendment as the next version. Data captured
 * earlier keeps the version it was captured under; sites are added, never removed.
 */
export async function loadProtocol(
  deps: ServiceDeps,
  actor: Actor,
  input: LoadProtocolInput,
): Promise<LoadProtocolOutcome> {
  const protocol = parseProtocolOrThrow(input.text, input.sourceName);
  const summary = summarizeProtocol(protocol);
  const hash = protocolContentHash(protocol);
  const study = await findStudyByCode(deps.db, protocol.id);
  const version = (n: number) => ({
    content: protocol,
    contentSha256: hash,
    sourceName: input.sourceName,
    sourceText: input.text,
    version: n,
  });

  if (study === undefined) {
    return auditedWrite(deps, actor, async (tx) => {
      const row = await insertStudy(tx.trx, {
        code: protocol.id,
        title: summary.title,
        phase: summary.phase,
        status: protocol.registryStatus ?? 'draft',
        registryIds: summary.registryIds,
        conditions: summary.conditions,
      });
      await tx.audit({
        action: 'study.create',
        entityType: 'study',
        entityId: row.id,
        studyId: row.id,
        after: { code: row.code, title: row.title },
      });
      await addMissingSites(tx, { studyId: row.id, protocol });
      const v = await insertProtocolVersion(tx.trx, {
        ...version(1),
        studyId: row.id,
        amendmentReason: null,
      });
      await tx.audit({
        action: 'protocol.load',
        entityType: 'protocol_version',
        entityId: v.id,
        studyId: row.id,
        after: { version: 1, sha256: hash, source: input.sourceName },
      });
      return { kind: 'created' as const, studyId: row.id, code: row.code, version: 1 as const };
    });
  }

  const current = await findCurrentProtocolVersion(deps.db, study.id);
  if (current?.content_sha256 === hash) {
    return { kind: 'unchanged', studyId: study.id, code: study.code, version: current.version };
  }
  const reason = input.amendmentReason?.trim() ?? '';
  if (reason.length < 3) {
    throw new AppError(
      'BUSINESS_RULE_VIOLATED',
      `${protocol.id} differs from loaded version ${current?.version ?? 0}: loading it is an amendment and needs a reason`,
      { rule: 'amendment-requires-reason', currentVersion: current?.version ?? null },
    );
  }
  const next = (current?.version ?? 0) + 1;
  return auditedWrite(deps, actor, async (tx) => {
    await updateStudyFacts(tx.trx, {
      studyId: study.id,
      title: summary.title,
      phase: summary.phase,
      registryIds: summary.registryIds,
      conditions: summary.conditions,
    });
    await addMissingSites(tx, { studyId: study.id, protocol });
    const v = await insertProtocolVersion(tx.trx, {
      ...version(next),
      studyId: study.id,
      amendmentReason: reason,
    });
    await tx.audit({
      action: 'protocol.amend',
      entityType: 'protocol_version',
      entityId: v.id,
      studyId: study.id,
      before: current === undefined ? null : { version: current.version, sha256: current.content_sha256 },
      after: { version: next, sha256: hash, source: input.sourceName },
      reason,
    });
    return { kind: 'amended' as const, studyId: study.id, code: study.code, version: next };
  });
}

export interface CurrentProtocol {
  readonly version: number;
  readonly protocol: Protocol;
  readonly row: ProtocolVersionRow;
}

/** The protocol version a study runs under now. */
export async function getCurrentProtocol(deps: ServiceDeps, studyId: string): Promise<CurrentProtocol> {
  const row = await findCurrentProtocolVersion(deps.db, studyId);
  if (row === undefined) {
    throw notFound('protocol');
  }
  return { version: row.version, protocol: row.content as Protocol, row };
}
