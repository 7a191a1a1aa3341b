// Registry enum codes (API v2, registry.md §1.4) → the protocol format's vocabulary. Registry enums are open:
// a code this table does not know returns undefined, and the mapper keeps the raw value with a TODO.
import type {
  ProtocolAllocation,
  ProtocolArmType,
  ProtocolEligibleSex,
  ProtocolInterventionModel,
  ProtocolInterventionType,
  ProtocolMaskedRole,
  ProtocolMaskingLevel,
  ProtocolPhase,
  ProtocolPurpose,
  ProtocolReferenceType,
  ProtocolRegistryStatus,
  ProtocolSponsorClass,
} from '@celltrial/core';
import {
  PROTOCOL_ALLOCATIONS,
  PROTOCOL_ARM_TYPES,
  PROTOCOL_ELIGIBLE_SEXES,
  PROTOCOL_INTERVENTION_MODELS,
  PROTOCOL_INTERVENTION_TYPES,
  PROTOCOL_MASKED_ROLES,
  PROTOCOL_MASKING_LEVELS,
  PROTOCOL_PRIMARY_PURPOSES,
  PROTOCOL_REFERENCE_TYPES,
  PROTOCOL_REGISTRY_STATUSES,
} from '@celltrial/core';

/** A registry code in the format's spelling: ACTIVE_NOT_RECRUITING → active-not-recruiting. */
function kebab(code: string): string {
  return code
    .trim()
    .toLowerCase()
    .replace(/[_\s]+/g, '-');
}

/** The format's word for a registry code when the spellings match (after kebab-casing) or an alias does. */
function lookup<T extends string>(
  code: string | undefined,
  vocabulary: readonly T[],
  aliases: Readonly<Record<string, T>> = {},
): T | undefined {
  if (code === undefined) {
    return undefined;
  }
  const alias = aliases[code.trim().toUpperCase()];
  if (alias !== undefined) {
    return alias;
  }
  const word = kebab(code);
  return vocabulary.find((value) => value === word);
}

/** overallStatus → registryStatus (expanded-access statuses have no equivalent). */
export function mapStatus(code: string | undefined): ProtocolRegistryStatus | undefined {
  return lookup(code, PROTOCOL_REGISTRY_STATUSES);
}

const PHASES: Readonly<Record<string, ProtocolPhase>> = {
  NA: 'not-applicable',
  EARLY_PHASE1: 'early-phase-1',
  PHASE1: 'phase-1',
  PHASE2: 'phase-2',
  PHASE3: 'phase-3',
  PHASE4: 'phase-4',
};

/** One registry phase code → the format's phase. */
export function mapPhase(code: string): ProtocolPhase | undefined {
  return PHASES[code.trim().toUpperCase()];
}

const SPONSOR_CLASSES: Readonly<Record<string, ProtocolSponsorClass>> = {
  INDUSTRY: 'industry',
  NIH: 'government',
  FED: 'government',
  OTHER_GOV: 'government',
  NETWORK: 'network',
  OTHER: 'other',
  INDIV: 'other',
  AMBIG: 'unknown',
  UNKNOWN: 'unknown',
};

/**
 * AgencyClass → sponsor class. The registry puts universities and hospitals under OTHER, so 'academic' is
 * never inferred.
 */
export function mapSponsorClass(code: string | undefined): ProtocolSponsorClass | undefined {
  return code === undefined ? undefined : SPONSOR_CLASSES[code.trim().toUpperCase()];
}

export function mapAllocation(code: string | undefined): ProtocolAllocation | undefined {
  return lookup(code, PROTOCOL_ALLOCATIONS, { NA: 'not-applicable' });
}

export function mapModel(code: string | undefined): ProtocolInterventionModel | undefined {
  return lookup(code, PROTOCOL_INTERVENTION_MODELS);
}

/** primaryPurpose → purpose; the registry's finer purposes (DIAGNOSTIC, SCREENING…) have no own word. */
export function mapPurpose(code: string | undefined): ProtocolPurpose | undefined {
  return lookup(code, PROTOCOL_PRIMARY_PURPOSES);
}

export function mapMaskingLevel(code: string | undefined): ProtocolMaskingLevel | undefined {
  return lookup(code, PROTOCOL_MASKING_LEVELS);
}

export function mapMaskedRole(code: string): ProtocolMaskedRole | undefined {
  return lookup(code, PROTOCOL_MASKED_ROLES);
}

export function mapArmType(code: string | undefined): ProtocolArmType | undefined {
  return lookup(code, PROTOCOL_ARM_TYPES);
}

/** Intervention type; GENETIC, BEHAVIORAL, DIETARY_SUPPLEMENT… are not in the format (→ undefined). */
export function mapInterventionType(code: string | undefined): ProtocolInterventionType | undefined {
  return lookup(code, PROTOCOL_INTERVENTION_TYPES);
}

export function mapSex(code: string | undefined): ProtocolEligibleSex | undefined {
  return lookup(code, PROTOCOL_ELIGIBLE_SEXES);
}

export function mapReferenceType(code: string | undefined): ProtocolReferenceType | undefined {
  return lookup(code, PROTOCOL_REFERENCE_TYPES);
}

/** enrollmentInfo.type → enrollmentType. */
export function mapEnrollmentType(code: string | undefined): 'actual' | 'estimated' | undefined {
  const value = code?.trim().toUpperCase();
  if (value === 'ACTUAL') {
    return 'actual';
  }
  return value === 'ESTIMATED' ? 'estimated' : undefined;
}
