// Design part of the draft: allocation, model, purpose, masking, enrollment, arms, interventions and the
// per-arm administration plans (which the record cannot give as data: always TODO).
import { PROTOCOL_MASKED_ROLE_COUNT } from '@celltrial/core';
import type { CtgovArmGroup, CtgovIntervention, CtgovStudy } from './ctgov-study.js';
import {
  mapAllocation,
  mapArmType,
  mapEnrollmentType,
  mapInterventionType,
  mapMaskedRole,
  mapMaskingLevel,
  mapModel,
  mapPurpose,
} from './ctgov-vocabulary.js';
import { IdAllocator } from './draft-ids.js';
import type {
  DraftAdministration,
  DraftArm,
  DraftDesign,
  DraftIntervention,
  DraftMarks,
  DraftMasking,
  DraftPath,
} from './draft-protocol.js';
import { dummyRole, statedCellSource, statedPerKgCellDose, statedRoutes } from './intervention-facts.js';

/** A coded registry value mapped to the format: the word, else the raw code (TODO), else null (TODO). */
function coded<T extends string>(
  code: string | undefined,
  map: (code: string | undefined) => T | undefined,
  where: { path: DraftPath; marks: DraftMarks; what: string },
): T | string | null {
  const value = map(code);
  if (value !== undefined) {
    return value;
  }
  if (code === undefined) {
    where.marks.todo(where.path, `${where.what}: not stated in the record`);
    return null;
  }
  where.marks.todo(where.path, `${where.what}: registry value '${code}' is not in the format; pick one`);
  return code;
}

function masking(study: CtgovStudy, marks: DraftMarks): DraftMasking {
  const { design } = study;
  const level = coded(design.masking, mapMaskingLevel, {
    path: ['design', 'masking', 'level'],
    marks,
    what: 'masking',
  });
  const roles = design.whoMasked.map((role) => mapMaskedRole(role));
  const known = roles.filter((role) => role !== undefined);
  const levelWord = mapMaskingLevel(design.masking);
  const expected = levelWord === undefined ? undefined : PROTOCOL_MASKED_ROLE_COUNT[levelWord];
  const draft: DraftMasking = { level, masked: known };
  if (expected === undefined || known.length !== roles.length || known.length !== expected) {
    draft.masked = null;
    const listed = design.whoMasked.length === 0 ? 'none' : design.whoMasked.join(', ');
    marks.todo(['design', 'masking', 'masked'], `who is masked: the record names ${listed}`);
  }
  if (design.maskingDescription !== undefined) {
    draft.description = design.maskingDescription;
  }
  return draft;
}

function enrollment(study: CtgovStudy, marks: DraftMarks): number | null {
  const count = study.design.enrollmentCount;
  if (count !== undefined && Number.isInteger(count) && count > 0) {
    return count;
  }
  marks.todo(
    ['design', 'plannedEnrollment'],
    count === undefined
      ? 'planned enrollment: not stated in the record'
      : `the record gives enrollment ${count}`,
  );
  return null;
}

function arms(study: CtgovStudy, ids: IdAllocator, marks: DraftMarks): DraftArm[] {
  if (study.arms.length === 0) {
    marks.todo(['design', 'arms'], 'the record lists no arms: define at least one');
  }
  return study.arms.map((arm, index) => {
    const draft: DraftArm = {
      id: ids.next(arm.label),
      name: arm.label,
      type: coded(arm.type, mapArmType, { path: ['design', 'arms', index, 'type'], marks, what: 'arm type' }),
    };
    if (arm.description !== undefined) {
      draft.description = arm.description;
    }
    return draft;
  });
}

/** Maps the design section; `armIds` receives the arm ids in record order. */
export function mapDesign(study: CtgovStudy, marks: DraftMarks, armIds: IdAllocator): DraftDesign {
  const { design } = study;
  const draft: DraftDesign = {
    allocation: coded(design.allocation, mapAllocation, {
      path: ['design', 'allocation'],
      marks,
      what: 'allocation',
    }),
    model: coded(design.interventionModel, mapModel, {
      path: ['design', 'model'],
      marks,
      what: 'intervention model',
    }),
    purpose: coded(design.primaryPurpose, mapPurpose, {
      path: ['design', 'purpose'],
      marks,
      what: 'primary purpose',
    }),
    masking: masking(study, marks),
    plannedEnrollment: enrollment(study, marks),
    enrollmentType: mapEnrollmentType(design.enrollmentType),
    description: design.interventionModelDescription,
    arms: arms(study, armIds, marks),
  };
  if (design.studyType !== undefined && design.studyType !== 'INTERVENTIONAL') {
    const model =
      design.observationalModel === undefined ? '' : ` (observational model ${design.observationalModel})`;
    marks.note(
      ['design'],
      `study type ${design.studyType}${model}: the format describes interventional trials`,
    );
  }
  if (draft.allocation === 'randomized') {
    draft.randomization = null;
    marks.todo(
      ['design', 'randomization'],
      'ratio (arm id → weight), method (permuted-blocks or minimization) and strata: not in the record',
    );
  }
  return draft;
}

function interventionText(item: CtgovIntervention): string {
  return [item.name, ...item.otherNames, item.description ?? ''].join('\n');
}

function route(text: string, index: number, marks: DraftMarks): string | null {
  const routes = statedRoutes(text);
  const [only] = routes;
  if (routes.length === 1 && only !== undefined) {
    marks.note(['interventions', index, 'route'], 'as stated in the intervention or arm text');
    return only;
  }
  marks.todo(
    ['interventions', index, 'route'],
    routes.length === 0
      ? 'route of administration: not stated in the intervention or arm text'
      : `route of administration: the texts name ${routes.join(', ')}`,
  );
  return null;
}

function intervention(
  item: CtgovIntervention,
  index: number,
  context: InterventionContext,
): DraftIntervention {
  const { marks } = context;
  const path = ['interventions', index];
  // The arm text counts too when the arm gives this intervention only ("1x10^6 MSCs per kg" in the arm).
  const text = [interventionText(item), ...context.soleArmTexts(item)].join('\n');
  const type = mapInterventionType(item.type);
  if (type === undefined) {
    marks.note([...path, 'type'], `registry type ${item.type ?? 'not stated'}`);
  }
  const dummy = dummyRole(item.name);
  const draft: DraftIntervention = {
    id: context.ids.next(item.name),
    name: item.name,
    type: type ?? 'other',
    role: dummy ?? 'investigational',
    route: route(text, index, marks),
  };
  if (dummy === undefined && context.comparatorOnly(item)) {
    marks.note([...path, 'role'], 'guessed: only comparator arms use it (placebo, sham or background?)');
  }
  const source = item.type === 'BIOLOGICAL' ? statedCellSource(text) : undefined;
  if (source !== undefined) {
    draft.source = source;
  }
  if (draft.role === 'investigational') {
    const perKg = statedPerKgCellDose(text);
    if (perKg === undefined) {
      draft.dose = null;
      marks.todo(
        [...path, 'dose'],
        'dose as data (fixed, per-kg or by-level): not stated as data in the record',
      );
    } else {
      draft.dose = { kind: 'per-kg', amountPerKg: perKg, unit: 'cells', weight: null };
      marks.note([...path, 'dose', 'amountPerKg'], 'as stated in the intervention or arm text');
      marks.todo([...path, 'dose', 'weight'], 'which body weight: dosing-visit, screening or baseline');
    }
  }
  if (item.otherNames.length > 0) {
    draft.otherNames = item.otherNames;
  }
  if (item.description !== undefined) {
    draft.description = item.description;
  }
  return draft;
}

interface InterventionContext {
  marks: DraftMarks;
  ids: IdAllocator;
  comparatorOnly: (item: CtgovIntervention) => boolean;
  soleArmTexts: (item: CtgovIntervention) => string[];
}

/** The arms an intervention is linked to, from either side of the record's links. */
function linkedArms(study: CtgovStudy, item: CtgovIntervention): CtgovArmGroup[] {
  return study.arms.filter(
    (arm) =>
      item.armGroupLabels.includes(arm.label) ||
      arm.interventionNames.some((name) => name === item.name || name.endsWith(`: ${item.name}`)),
  );
}

/** Maps the interventions: type, a guessed role, and route, cell source and per-kg dose when stated. */
export function mapInterventions(study: CtgovStudy, marks: DraftMarks): DraftIntervention[] {
  if (study.interventions.length === 0) {
    marks.todo(['interventions'], 'the record lists no intervention: define at least one');
  }
  const comparatorOnly = (item: CtgovIntervention): boolean => {
    const arms = linkedArms(study, item);
    return arms.length > 0 && arms.every((arm) => arm.type !== undefined && arm.type !== 'EXPERIMENTAL');
  };
  const soleArmTexts = (item: CtgovIntervention): string[] =>
    linkedArms(study, item)
      .filter(
        (arm) => study.interventions.filter((other) => linkedArms(study, other).includes(arm)).length === 1,
      )
      .map((arm) => arm.description ?? '');
  const ids = new IdAllocator('intervention');
  return study.interventions.map((item, index) =>
    intervention(item, index, { marks, ids, comparatorOnly, soleArmTexts }),
  );
}

/** What the administration mapping needs: the record, and the arms and interventions already mapped. */
export interface AdministrationInput {
  study: CtgovStudy;
  design: DraftDesign;
  interventions: readonly DraftIntervention[];
}

/** One TODO administration plan per arm, naming the interventions the record links to the arm. */
export function mapAdministrations(input: AdministrationInput, marks: DraftMarks): DraftAdministration[] {
  const { study, design, interventions } = input;
  return design.arms.map((arm, index) => {
    const source = study.arms[index];
    const linked =
      source === undefined
        ? []
        : study.interventions
            .map((item, i) => ({ item, id: interventions[i]?.id }))
            .filter(({ item }) => linkedArms(study, item).includes(source))
            .map(({ id }) => id);
    const uses =
      linked.length === 0
        ? 'the record links no intervention to this arm'
        : `the record links ${linked.join(', ')}`;
    marks.todo(['administrations', index, 'doses'], `planned doses as { visit, intervention }: ${uses}`);
    return { arm: arm.id, doses: null };
  });
}
