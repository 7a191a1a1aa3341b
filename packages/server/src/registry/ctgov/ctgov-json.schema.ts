// Small, lenient zod schemas for the parts of an API v2 study record the importer reads (registry.md §1.3).
// The record is untrusted input: a field of the wrong type reads as absent (`.catch`), a malformed list
// item is dropped, unknown keys are ignored and enum values stay open strings.
import { z } from 'zod';

const optionalText = z.string().optional().catch(undefined);
const optionalBoolean = z.boolean().optional().catch(undefined);

/** A list whose malformed items are dropped instead of failing the whole record. */
function lenientList<T extends z.ZodType>(item: T): z.ZodType<z.output<T>[]> {
  return z
    .array(z.unknown())
    .catch([])
    .optional()
    .transform((items) =>
      (items ?? []).flatMap((value) => {
        const parsed = item.safeParse(value);
        return parsed.success ? [parsed.data] : [];
      }),
    );
}

const textList = lenientList(z.string());

/** A module (object) that may be missing or malformed. */
function lenientModule<T extends z.ZodType>(schema: T): z.ZodType<z.output<T> | undefined> {
  return schema.optional().catch(undefined);
}

const AgencySchema = z.looseObject({ name: z.string(), class: optionalText });

const IdentificationSchema = z.looseObject({
  nctId: z.string(),
  nctIdAliases: textList,
  orgStudyIdInfo: lenientModule(z.looseObject({ id: optionalText })),
  secondaryIdInfos: lenientList(z.looseObject({ id: z.string(), type: optionalText, domain: optionalText })),
  briefTitle: optionalText,
  officialTitle: optionalText,
  acronym: optionalText,
});

const DesignSchema = z.looseObject({
  studyType: optionalText,
  phases: textList,
  designInfo: lenientModule(
    z.looseObject({
      allocation: optionalText,
      interventionModel: optionalText,
      interventionModelDescription: optionalText,
      primaryPurpose: optionalText,
      observationalModel: optionalText,
      maskingInfo: lenientModule(
        z.looseObject({ masking: optionalText, whoMasked: textList, maskingDescription: optionalText }),
      ),
    }),
  ),
  enrollmentInfo: lenientModule(
    z.looseObject({ count: z.number().optional().catch(undefined), type: optionalText }),
  ),
});

const ArmsSchema = z.looseObject({
  armGroups: lenientList(
    z.looseObject({
      label: z.string(),
      type: optionalText,
      description: optionalText,
      interventionNames: textList,
    }),
  ),
  interventions: lenientList(
    z.looseObject({
      name: z.string(),
      type: optionalText,
      description: optionalText,
      armGroupLabels: textList,
      otherNames: textList,
    }),
  ),
});

const OutcomeSchema = z.looseObject({
  measure: z.string(),
  timeFrame: optionalText,
  description: optionalText,
});

const ProtocolSectionSchema = z.looseObject({
  identificationModule: IdentificationSchema,
  statusModule: lenientModule(z.looseObject({ overallStatus: optionalText })),
  sponsorCollaboratorsModule: lenientModule(
    z.looseObject({
      leadSponsor: lenientModule(AgencySchema),
      collaborators: lenientList(AgencySchema),
    }),
  ),
  conditionsModule: lenientModule(z.looseObject({ conditions: textList, keywords: textList })),
  designModule: lenientModule(DesignSchema),
  armsInterventionsModule: lenientModule(ArmsSchema),
  outcomesModule: lenientModule(
    z.looseObject({
      primaryOutcomes: lenientList(OutcomeSchema),
      secondaryOutcomes: lenientList(OutcomeSchema),
      otherOutcomes: lenientList(OutcomeSchema),
    }),
  ),
  eligibilityModule: lenientModule(
    z.looseObject({
      eligibilityCriteria: optionalText,
      healthyVolunteers: optionalBoolean,
      sex: optionalText,
      minimumAge: optionalText,
      maximumAge: optionalText,
    }),
  ),
  contactsLocationsModule: lenientModule(
    z.looseObject({
      locations: lenientList(
        z.looseObject({
          facility: optionalText,
          city: optionalText,
          state: optionalText,
          country: optionalText,
        }),
      ),
    }),
  ),
  referencesModule: lenientModule(
    z.looseObject({
      references: lenientList(
        z.looseObject({ pmid: optionalText, type: optionalText, citation: optionalText }),
      ),
    }),
  ),
});

/** The parts of an API v2 `Study` the importer reads; only `protocolSection.identificationModule.nctId` is required. */
export const CtgovV2StudySchema = z.looseObject({ protocolSection: ProtocolSectionSchema });

export type CtgovV2Study = z.output<typeof CtgovV2StudySchema>;
