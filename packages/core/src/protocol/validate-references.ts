// Rules about identity: duplicate ids and references to things that are not defined.
import { closestFormDefinitionId, findFormDefinition } from '../forms/library/form-library.js';
import type { ProblemList } from './protocol-rules.js';
import type { Protocol, ProtocolProblem } from './protocol-types.js';

function checkDuplicates(protocol: Protocol, problems: ProblemList): void {
  const { design } = protocol;
  problems.duplicates(protocol.sites, ['sites'], 'code');
  problems.duplicates(design.parts, ['design', 'parts'], 'id');
  problems.duplicates(design.arms, ['design', 'arms'], 'id');
  problems.duplicates(design.randomization?.strata, ['design', 'randomization', 'strata'], 'id');
  problems.duplicates(design.escalation?.cohorts, ['design', 'escalation', 'cohorts'], 'id');
  problems.duplicates(protocol.interventions, ['interventions'], 'id');
  protocol.interventions.forEach((intervention, index) => {
    problems.duplicates(intervention.doseLevels, ['interventions', index, 'doseLevels'], 'id');
    problems.duplicates(
      intervention.doseModification?.rules,
      ['interventions', index, 'doseModification', 'rules'],
      'id',
    );
  });
  problems.duplicates(protocol.administrations, ['administrations'], 'arm');
  problems.duplicates(protocol.epochs, ['epochs'], 'id');
  problems.duplicates(protocol.procedures, ['procedures'], 'id');
  problems.duplicates(protocol.forms, ['forms'], 'id');
  // Forms and procedures share one namespace: both appear as activities in the schedule.
  const procedureIds = new Set(protocol.procedures.map((procedure) => procedure.id));
  protocol.forms.forEach((form, index) => {
    if (procedureIds.has(form.id)) {
      problems.add(['forms', index, 'id'], 'duplicate-id', `'${form.id}' is both a procedure and a form`);
    }
  });
  problems.duplicates(protocol.visits, ['visits'], 'id');
  problems.duplicates(protocol.eligibility.criteria, ['eligibility', 'criteria'], 'id');
  problems.duplicates(protocol.endpoints, ['endpoints'], 'id');
}

function checkVisitReferences(protocol: Protocol, problems: ProblemList): void {
  const epochs = new Set(protocol.epochs.map((epoch) => epoch.id));
  const forms = new Set(protocol.forms.map((form) => form.id));
  const procedures = new Set(protocol.procedures.map((procedure) => procedure.id));
  const arms = new Set(protocol.design.arms.map((arm) => arm.id));
  protocol.procedures.forEach((procedure, index) => {
    if (procedure.form !== undefined && !forms.has(procedure.form)) {
      problems.add(
        ['procedures', index, 'form'],
        'unknown-form',
        `form '${procedure.form}' is not defined in forms`,
      );
    }
  });
  protocol.visits.forEach((visit, index) => {
    if (!epochs.has(visit.epoch)) {
      problems.add(
        ['visits', index, 'epoch'],
        'unknown-epoch',
        `epoch '${visit.epoch}' is not defined in epochs`,
      );
    }
    (visit.forms ?? []).forEach((form, formIndex) => {
      if (!forms.has(form)) {
        problems.add(
          ['visits', index, 'forms', formIndex],
          'unknown-form',
          `form '${form}' is not defined in forms`,
        );
      }
    });
    (visit.procedures ?? []).forEach((procedure, procedureIndex) => {
      if (!procedures.has(procedure)) {
        problems.add(
          ['visits', index, 'procedures', procedureIndex],
          'unknown-procedure',
          `procedure '${procedure}' is not defined in procedures`,
        );
      }
    });
    (visit.arms ?? []).forEach((arm, armIndex) => {
      if (!arms.has(arm)) {
        problems.add(
          ['visits', index, 'arms', armIndex],
          'unknown-arm',
          `arm '${arm}' is not defined in design.arms`,
        );
      }
    });
  });
  protocol.endpoints.forEach((endpoint, index) => {
    (endpoint.timeFrame.visits ?? []).forEach((visit, visitIndex) => {
      if (!protocol.visits.some((candidate) => candidate.id === visit)) {
        problems.add(
          ['endpoints', index, 'timeFrame', 'visits', visitIndex],
          'unknown-visit',
          `visit '${visit}' is not defined in visits`,
        );
      }
    });
  });
}

function checkPartReferences(protocol: Protocol, problems: ProblemList): void {
  const parts = new Set((protocol.design.parts ?? []).map((part) => part.id));
  const check = (part: string | undefined, section: 'randomization' | 'escalation'): void => {
    if (part !== undefined && !parts.has(part)) {
      problems.add(
        ['design', section, 'part'],
        'unknown-part',
        `part '${part}' is not defined in design.parts`,
      );
    }
  };
  check(protocol.design.randomization?.part, 'randomization');
  check(protocol.design.escalation?.part, 'escalation');
}

/**
 * Rule `unknown-form-definition`: every `forms[].id` must name a definition of the form library (core/forms), so
 * the casebook can render and check it. The message suggests the closest library id by edit distance.
 */
export function findUnknownFormDefinitions(protocol: Protocol): ProtocolProblem[] {
  return protocol.forms.flatMap((form, index) => {
    if (findFormDefinition(form.id) !== undefined) {
      return [];
    }
    const closest = closestFormDefinitionId(form.id);
    const hint = closest === undefined ? '' : ` (did you mean '${closest}'?)`;
    return [
      {
        path: ['forms', index, 'id'],
        rule: 'unknown-form-definition',
        message: `form '${form.id}' has no definition in the form library${hint}`,
      },
    ];
  });
}

/** Duplicate ids and references to undefined epochs, forms, procedures, arms, visits and parts. */
export function checkReferences(protocol: Protocol, problems: ProblemList): void {
  checkDuplicates(protocol, problems);
  checkVisitReferences(protocol, problems);
  checkPartReferences(protocol, problems);
  for (const p of findUnknownFormDefinitions(protocol)) {
    problems.add(p.path, 'unknown-form-definition', p.message);
  }
}
