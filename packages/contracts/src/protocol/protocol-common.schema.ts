// Building blocks shared by the protocol schemas: ids, references, counts and day numbers.
import { PROTOCOL_ID_PATTERN } from '@celltrial/core';
import { z } from 'zod';

/** A kebab-case id defined inside the protocol (`inj-1`, `alsfrs-r`, `single-cycle`). */
export const ProtocolIdSchema = z
  .string()
  .regex(PROTOCOL_ID_PATTERN, 'ids are kebab-case: lower-case letters, digits and single hyphens');

/** A reference to an id defined elsewhere in the same protocol (checked by the semantic validator). */
export const ProtocolRefSchema = ProtocolIdSchema;

export const NonEmptyTextSchema = z.string().trim().min(1, 'must not be empty');

/** A whole number of days (may be negative: before the anchor). */
export const DaysSchema = z.number().int('days are whole numbers');
export const NonNegativeDaysSchema = DaysSchema.min(0, 'must be 0 or more days');
export const PositiveDaysSchema = DaysSchema.min(1, 'must be at least 1 day');
export const PositiveIntSchema = z.number().int().min(1);
export const PositiveAmountSchema = z.number().positive();
