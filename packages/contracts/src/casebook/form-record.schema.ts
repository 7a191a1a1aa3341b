import { z } from 'zod';
import { IsoDateTimeSchema, ReasonSchema, UuidSchema } from '../common.schema.js';

/** An issue the form engine found: which item, which rule, why (and the edit check that raised it). */
export const FormIssueSchema = z.object({
  item: z.string(),
  rule: z.string(),
  message: z.string(),
  check: z.string().optional(),
});

export const DataQueryMessageSchema = z.object({
  action: z.enum(['open', 'answer', 'close', 'cancel', 'reopen', 'auto-close']),
  body: z.string(),
  author: z.string().nullable(),
  at: IsoDateTimeSchema,
});

export const DATA_QUERY_STATUSES = ['open', 'answered', 'closed', 'cancelled'] as const;

export const DataQuerySchema = z
  .object({
    id: UuidSchema,
    studyId: UuidSchema,
    siteId: UuidSchema,
    participantId: UuidSchema,
    participantNumber: z.string(),
    formRecordId: UuidSchema,
    formKey: z.string(),
    visitKey: z.string().nullable(),
    itemId: z.string(),
    status: z.enum(DATA_QUERY_STATUSES),
    origin: z.enum(['edit-check', 'manual']),
    checkId: z.string().nullable(),
    itemValue: z.unknown(),
    openedAt: IsoDateTimeSchema,
    openedBy: z.string().nullable(),
    messages: z.array(DataQueryMessageSchema),
  })
  .meta({ id: 'DataQuery' });
export type DataQueryView = z.infer<typeof DataQuerySchema>;

export const SignatureSchema = z.object({
  id: UuidSchema,
  scope: z.enum(['form', 'casebook']),
  meaning: z.string(),
  signedBy: z.string(),
  signedAt: IsoDateTimeSchema,
  formVersion: z.number().int().nullable(),
});
export type SignatureView = z.infer<typeof SignatureSchema>;

export const LOCK_SCOPES = ['form', 'visit', 'casebook', 'study'] as const;

export const DataLockSchema = z
  .object({
    id: UuidSchema,
    scope: z.enum(LOCK_SCOPES),
    participantId: UuidSchema.nullable(),
    visitId: UuidSchema.nullable(),
    formRecordId: UuidSchema.nullable(),
    reason: z.string().nullable(),
    lockedBy: z.string(),
    lockedAt: IsoDateTimeSchema,
    unlockedAt: IsoDateTimeSchema.nullable(),
    unlockReason: z.string().nullable(),
  })
  .meta({ id: 'DataLock' });
export type DataLockView = z.infer<typeof DataLockSchema>;

export const ItemVerificationSchema = z.object({
  itemId: z.string(),
  formVersion: z.number().int(),
  verifiedBy: z.string(),
  verifiedAt: IsoDateTimeSchema,
});

export const FormRecordSchema = z
  .object({
    id: UuidSchema,
    participantId: UuidSchema,
    visitId: UuidSchema.nullable(),
    visitKey: z.string().nullable(),
    formKey: z.string(),
    entryNumber: z.number().int(),
    definitionVersion: z.string(),
    status: z.enum(['incomplete', 'complete']),
    version: z.number().int(),
    values: z.record(z.string(), z.unknown()),
    derived: z.record(z.string(), z.object({ value: z.unknown(), algorithm: z.string() })),
    warnings: z.array(FormIssueSchema),
    missing: z.array(z.string()),
    updatedAt: IsoDateTimeSchema,
    updatedBy: z.string().nullable(),
    queries: z.array(DataQuerySchema),
    verifications: z.array(ItemVerificationSchema),
    signature: SignatureSchema.nullable(),
    lock: DataLockSchema.nullable(),
    synthetic: z.boolean(),
  })
  .meta({ id: 'FormRecord' });
export type FormRecordView = z.infer<typeof FormRecordSchema>;

export const SaveFormRequestSchema = z
  .strictObject({
    values: z.record(z.string(), z.unknown()),
    /** The version the user edited; 0 to create the form. A stale version is refused (409), nothing overwritten. */
    expectedVersion: z.number().int().min(0),
    reasonForChange: ReasonSchema.optional(),
  })
  .meta({ id: 'SaveFormRequest' });

export const SaveFormResponseSchema = FormRecordSchema.extend({
  raisedQueries: z.number().int(),
  closedQueries: z.number().int(),
}).meta({ id: 'SaveFormResponse' });

export const VisitFormParamsSchema = z.strictObject({
  studyId: UuidSchema,
  participantId: UuidSchema,
  visitId: UuidSchema,
  formKey: z.string().min(1).max(100),
});
export const LogFormParamsSchema = z.strictObject({
  studyId: UuidSchema,
  participantId: UuidSchema,
  formKey: z.string().min(1).max(100),
});
export const FormRecordParamsSchema = z.strictObject({
  studyId: UuidSchema,
  participantId: UuidSchema,
  formRecordId: UuidSchema,
});

export const ItemRevisionSchema = z.object({
  itemId: z.string(),
  formVersion: z.number().int(),
  value: z.unknown(),
  reason: z.string().nullable(),
  changedBy: z.string().nullable(),
  changedAt: IsoDateTimeSchema,
});
export const FormHistoryResponseSchema = z.object({ revisions: z.array(ItemRevisionSchema) });

export const FormContextQuerySchema = z.strictObject({ visitId: UuidSchema.optional() });

/**
 * What the server's form engine knows about the participant at a visit (sex, age, height, ethnicity, symptom onset,
 * the site's laboratory ranges, the CTCAE version), so the browser's live scores match the saved ones. GLI lookup
 * tables are not sent (large); GLI values appear after the save.
 */
export const FormContextResponseSchema = z
  .object({ visitId: UuidSchema.nullable(), context: z.record(z.string(), z.unknown()) })
  .meta({ id: 'FormContext' });
