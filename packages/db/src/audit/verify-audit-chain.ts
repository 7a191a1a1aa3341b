import { sql } from 'kysely';
import type { Executor } from '../executor.js';

export type AuditChainVerdict =
  | { readonly ok: true; readonly checked: number; readonly headHash: string | null }
  | {
      readonly ok: false;
      readonly checked: number;
      readonly firstBad: { readonly seq: number; readonly problem: string };
    };

const GENESIS = '0'.repeat(64);
const PAGE = 5000;

interface ChainRow {
  seq: number;
  prev_hash: string;
  hash: string;
  recomputed: string;
}

/**
 * Re-derives every row's hash from its columns and checks the links. Finds edited rows (content
 * no longer matches the hash), deleted rows (gap in sequence or broken link) and reordered rows.
 */
export async function verifyAuditChain(db: Executor): Promise<AuditChainVerdict> {
  let expectedSeq = 1;
  let previousHash = GENESIS;
  let checked = 0;
  for (;;) {
    const { rows } = await sql<ChainRow>`
      select seq, prev_hash, hash,
             encode(sha256(convert_to(prev_hash || audit_event_canonical(a), 'UTF8')), 'hex') as recomputed
      from audit_event a
      where seq >= ${expectedSeq}
      order by seq
      limit ${PAGE}`.execute(db);
    for (const row of rows) {
      const seq = Number(row.seq);
      if (seq !== expectedSeq) {
        return bad(checked, expectedSeq, `row ${expectedSeq} is missing (next row is ${seq}): deleted`);
      }
      if (row.prev_hash !== previousHash) {
        return bad(
          checked,
          seq,
          'its link to the previous row is broken: a row before it was deleted, inserted or reordered',
        );
      }
      if (row.recomputed !== row.hash) {
        return bad(checked, seq, 'its content does not match its hash: the row was edited');
      }
      previousHash = row.hash;
      expectedSeq = seq + 1;
      checked++;
    }
    if (rows.length < PAGE) {
      return { ok: true, checked, headHash: checked === 0 ? null : previousHash };
    }
  }
}

function bad(checked: number, seq: number, problem: string): AuditChainVerdict {
  return { ok: false, checked, firstBad: { seq, problem } };
}
