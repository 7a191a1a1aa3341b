import { z } from 'zod';
import { UuidSchema } from '../common.schema.js';

/**
 * AE incidence tables (core `adverseEventTable`): participants with at least one event per group, a participant
 * counted once per row. Columns: by arm for users who may see allocations; by dose level for open-label
 * escalation cohorts; one 'All participants' group for blinded users (never by arm). `format=csv` answers
 * text/csv (same rows, percentages to one decimal).
 */

export const AE_TABLE_BY = ['soc-term', 'max-grade', 'relatedness'] as const;
export const AE_TABLE_FILTERS = ['all', 'serious', 'related', 'serious-related'] as const;

export const AeTableQuerySchema = z.strictObject({
  by: z.enum(AE_TABLE_BY).default('soc-term'),
  filter: z.enum(AE_TABLE_FILTERS).default('all'),
  format: z.enum(['json', 'csv']).default('json'),
  siteId: UuidSchema.optional(),
});

export const AeTableColumnSchema = z.object({
  kind: z.enum(['group', 'total']),
  key: z.string(),
  label: z.string(),
  n: z.number().int(),
});

export const AeTableCellSchema = z.object({
  count: z.number().int(),
  /** count / n × 100, unrounded (0 when n is 0). */
  percent: z.number(),
});

export const AeTableRowSchema = z.object({
  level: z.enum(['any', 'soc', 'term']),
  label: z.string(),
  soc: z.string().nullable(),
  term: z.string().nullable(),
  /** null for the row itself; '1'…'5' (max-grade) or 'related' / 'not-related' for its category rows. */
  category: z.string().nullable(),
  cells: z.array(AeTableCellSchema),
});

export const AeTableResponseSchema = z
  .object({
    by: z.enum(AE_TABLE_BY),
    filter: z.enum(AE_TABLE_FILTERS),
    /** How columns were formed for this user: by arm, by dose level (escalation), or one group. */
    grouping: z.enum(['arm', 'dose-level', 'mixed', 'all']),
    columns: z.array(AeTableColumnSchema),
    rows: z.array(AeTableRowSchema),
    /** Participants counted (enrolled or later, in the sites the user can see). */
    participants: z.number().int(),
    events: z.number().int(),
    /** AEs without a CTCAE term are tabulated under their verbatim term in 'Not coded'. */
    notes: z.array(z.string()),
  })
  .meta({ id: 'AeTable' });
export type AeTableView = z.infer<typeof AeTableResponseSchema>;
