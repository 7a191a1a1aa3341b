// Identity section of a protocol: sponsor, sites and literature references.
import type { ProtocolReference, ProtocolSite, ProtocolSponsor } from '@celltrial/core';
import {
  PROTOCOL_REFERENCE_TYPES,
  PROTOCOL_SITE_CODE_PATTERN,
  PROTOCOL_SPONSOR_CLASSES,
} from '@celltrial/core';
import { z } from 'zod';
import { NonEmptyTextSchema } from './protocol-common.schema.js';

export const ProtocolSponsorSchema = z.strictObject({
  name: NonEmptyTextSchema.describe('Lead sponsor as named in the registry record'),
  class: z.enum(PROTOCOL_SPONSOR_CLASSES).optional(),
}) satisfies z.ZodType<ProtocolSponsor>;

export const ProtocolSiteSchema = z.strictObject({
  code: z
    .string()
    .regex(PROTOCOL_SITE_CODE_PATTERN, 'site codes are 2–10 upper-case letters or digits')
    .describe('Short site code; prefixes subject numbers'),
  name: NonEmptyTextSchema,
  city: NonEmptyTextSchema.optional(),
  country: NonEmptyTextSchema,
}) satisfies z.ZodType<ProtocolSite>;

export const ProtocolReferenceSchema = z.strictObject({
  citation: NonEmptyTextSchema,
  type: z.enum(PROTOCOL_REFERENCE_TYPES).optional(),
  pmid: z.string().regex(/^\d+$/, 'a PubMed id is digits only').optional(),
  doi: z
    .string()
    .regex(/^10\.\S+\/\S+$/, 'a DOI starts with 10.')
    .optional(),
}) satisfies z.ZodType<ProtocolReference>;
