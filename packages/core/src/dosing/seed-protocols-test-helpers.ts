/// <reference types="node" />
/**
 * Test helpers (never used by production code): the seed protocols of protocols/*.yaml, read at test time. Core
 * cannot use the contracts parser (core depends on nothing), so the YAML is parsed with the same `yaml` library
 * and taken as a Protocol; the contracts tests (seed-protocols.test.ts) check that every seed file validates.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { Protocol, ProtocolIntervention } from '../protocol/protocol-types.js';

/** A seed protocol by file name without extension (e.g. 'nct03268603'). */
export function loadSeedProtocol(id: string): Protocol {
  const file = new URL(`../../../../protocols/${id}.yaml`, import.meta.url);
  return parse(readFileSync(file, 'utf8')) as Protocol;
}

/** One intervention of a seed protocol; throws when it is missing (the test is then wrong). */
export function seedIntervention(protocolId: string, interventionId: string): ProtocolIntervention {
  const found = loadSeedProtocol(protocolId).interventions.find(
    (candidate) => candidate.id === interventionId,
  );
  if (found === undefined) {
    throw new Error(`${protocolId} has no intervention '${interventionId}'`);
  }
  return found;
}
