// Test-only: the seed protocols of protocols/*.yaml, parsed the way the server loads them, and the API
// payloads built from them. Never imported by the app (it reads files).
import { parseProtocolYaml, type CurrentProtocolResponse, type ScheduleResponse } from '@celltrial/contracts';
import { computeSchedule, type Protocol } from '@celltrial/core';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const PROTOCOLS_DIR = path.resolve(import.meta.dirname, '../../../../../../protocols');

export const SEED_PROTOCOL_IDS = [
  'nct03268603',
  'nct04745299',
  'nct04821479',
  'nct06360861',
  'nct06598202',
] as const;
export type SeedProtocolId = (typeof SEED_PROTOCOL_IDS)[number];

/** A seed protocol, validated by the same parser the server uses. */
export function loadSeedProtocol(id: SeedProtocolId): Protocol {
  const file = `${id}.yaml`;
  const result = parseProtocolYaml(readFileSync(path.join(PROTOCOLS_DIR, file), 'utf8'), file);
  if (result.kind !== 'ok') {
    throw new Error(`${file} does not validate: ${JSON.stringify(result.problems.slice(0, 3))}`);
  }
  return result.protocol;
}

/** The body of GET /api/studies/:studyId/protocol for a seed protocol. */
export function currentProtocolBody(
  studyId: string,
  protocol: Protocol,
  current: Partial<CurrentProtocolResponse['current']> = {},
): CurrentProtocolResponse {
  return {
    studyId,
    current: {
      version: 1,
      sha256: 'a3f1c2d4e5b6a7980123456789abcdef0123456789abcdef0123456789abcdef',
      sourceName: `${protocol.id}.yaml`,
      amendmentReason: null,
      loadedAt: '2026-03-02T09:15:00.000Z',
      ...current,
    },
    protocol,
  };
}

/** The body of GET /api/studies/:studyId/schedule, computed the way the server computes it. */
export function scheduleBody(protocol: Protocol, query: { anchor: string; arm?: string }): ScheduleResponse {
  const result = computeSchedule(protocol, {
    anchorDate: query.anchor,
    ...(query.arm === undefined ? {} : { arm: query.arm }),
  });
  if (result.kind !== 'ok') {
    throw new Error(`no schedule: ${JSON.stringify(result.problems)}`);
  }
  return { arm: result.arm, startEvent: result.startEvent, entries: result.entries };
}
