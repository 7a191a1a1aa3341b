import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseProtocolYaml } from '@celltrial/contracts';
import type { Protocol } from '@celltrial/core';

/** A seed protocol from protocols/, parsed (throws when it does not validate). */
export function seedProtocol(file: string): Protocol {
  const path = fileURLToPath(new URL(`../../../../protocols/${file}`, import.meta.url));
  const parsed = parseProtocolYaml(readFileSync(path, 'utf8'), file);
  if (parsed.kind === 'invalid') {
    throw new Error(`${file} does not validate: ${parsed.problems.map((p) => p.message).join('; ')}`);
  }
  return parsed.protocol;
}

/**
 * NCT04745299 (randomized 1:2:2, permuted blocks, stratified by site) with two manual criteria, so API
 * tests control eligibility through `manualChecks` independently of the encoded rules. JSON is valid YAML.
 */
export function randomizedTestProtocolText(): string {
  return manualCriteriaProtocolText('nct04745299.yaml');
}

/** A seed protocol with its criteria replaced by the two manual test criteria (inc-1, exc-1). */
export function manualCriteriaProtocolText(file: string): string {
  const protocol = seedProtocol(file);
  const test: Protocol = {
    ...protocol,
    eligibility: {
      ...protocol.eligibility,
      criteria: [
        { id: 'inc-1', kind: 'inclusion', text: 'Meets the diagnostic criteria (test).', manual: true },
        {
          id: 'exc-1',
          kind: 'exclusion',
          text: 'Has a condition the investigator judges unsafe (test).',
          manual: true,
        },
      ],
    },
  };
  return JSON.stringify(test, null, 2);
}
