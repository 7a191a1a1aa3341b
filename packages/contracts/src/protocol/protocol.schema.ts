// The whole protocol file: `protocols/<id>.yaml`. Unknown keys are errors at every level.
import type { Protocol } from '@celltrial/core';
import { PROTOCOL_PHASES, PROTOCOL_REGISTRY_STATUSES } from '@celltrial/core';
import { z } from 'zod';
import { NonEmptyTextSchema, ProtocolIdSchema } from './protocol-common.schema.js';
import { ProtocolDesignSchema } from './protocol-design.schema.js';
import {
  ProtocolEligibilitySchema,
  ProtocolEndpointSchema,
  ProtocolSafetySchema,
} from './protocol-endpoint.schema.js';
import {
  ProtocolReferenceSchema,
  ProtocolSiteSchema,
  ProtocolSponsorSchema,
} from './protocol-identity.schema.js';
import {
  ProtocolArmAdministrationSchema,
  ProtocolInterventionSchema,
} from './protocol-intervention.schema.js';
import {
  ProtocolEpochSchema,
  ProtocolFormSchema,
  ProtocolProcedureSchema,
  ProtocolStudyDaySchema,
  ProtocolVisitSchema,
} from './protocol-visit.schema.js';

export const ProtocolSchema = z
  .strictObject({
    formatVersion: z.literal(1).describe('Version of the protocol file format'),
    id: ProtocolIdSchema.describe('Protocol slug, e.g. nct04821479'),
    title: NonEmptyTextSchema,
    officialTitle: NonEmptyTextSchema.optional(),
    registryIds: z.array(NonEmptyTextSchema).describe('Registry ids, e.g. NCT04821479'),
    orgStudyIds: z.array(NonEmptyTextSchema).optional(),
    secondaryIds: z.array(NonEmptyTextSchema).optional(),
    registryStatus: z.enum(PROTOCOL_REGISTRY_STATUSES).optional(),
    phases: z.array(z.enum(PROTOCOL_PHASES)).min(1),
    sponsor: ProtocolSponsorSchema,
    collaborators: z.array(NonEmptyTextSchema).optional(),
    conditions: z.array(NonEmptyTextSchema).min(1),
    keywords: z.array(NonEmptyTextSchema).optional(),
    sites: z.array(ProtocolSiteSchema),
    references: z.array(ProtocolReferenceSchema).optional(),
    design: ProtocolDesignSchema,
    interventions: z.array(ProtocolInterventionSchema).min(1),
    administrations: z.array(ProtocolArmAdministrationSchema),
    studyDay: ProtocolStudyDaySchema,
    epochs: z.array(ProtocolEpochSchema).min(1),
    procedures: z.array(ProtocolProcedureSchema),
    forms: z.array(ProtocolFormSchema),
    visits: z.array(ProtocolVisitSchema).min(1),
    eligibility: ProtocolEligibilitySchema,
    endpoints: z.array(ProtocolEndpointSchema).min(1),
    safety: ProtocolSafetySchema,
  })
  .meta({
    title: 'celltrial protocol file',
    description: 'A study protocol as code; see docs/protocol-format.md',
  }) satisfies z.ZodType<Protocol>;

/** The JSON Schema (draft 2020-12) of a protocol file, for editors and `celltrial protocol schema`. */
export function protocolJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ProtocolSchema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' });
}
