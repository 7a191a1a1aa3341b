import type { FormDerivation } from './derivation-types.js';
import { deriveAlsfrsR } from './derive-alsfrs-r.js';
import { deriveEdss } from './derive-edss.js';
import { deriveLabs } from './derive-labs.js';
import { deriveSpirometry } from './derive-spirometry.js';
import { deriveVitalSigns } from './derive-vital-signs.js';

/**
 * The derivation registry: pure functions keyed by form definition id. They call the scale and lab modules; each
 * derived value carries the versioned algorithm id of the code that produced it.
 */
export const FORM_DERIVATIONS: Readonly<Record<string, FormDerivation>> = {
  'alsfrs-r': deriveAlsfrsR,
  spirometry: deriveSpirometry,
  'vital-signs': deriveVitalSigns,
  labs: deriveLabs,
  edss: deriveEdss,
};

/** The derivation registered for a definition id, if any. */
export function findFormDerivation(definitionId: string): FormDerivation | undefined {
  return Object.hasOwn(FORM_DERIVATIONS, definitionId) ? FORM_DERIVATIONS[definitionId] : undefined;
}
