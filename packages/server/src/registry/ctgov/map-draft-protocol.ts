// Registry study → draft protocol. What a registry record cannot say (study-day convention, epochs, visits
// with windows, forms, dose schedule, safety grading) is left empty or null with a TODO mark.
import type { CtgovStudy } from './ctgov-study.js';
import { IdAllocator } from './draft-ids.js';
import type { CtgovDraft, DraftProtocol } from './draft-protocol.js';
import { DraftMarks } from './draft-protocol.js';
import { mapAdministrations, mapDesign, mapInterventions } from './map-design.js';
import { mapEligibility, mapEndpoints } from './map-eligibility.js';
import { mapIdentity } from './map-identity.js';

function markSchedule(marks: DraftMarks): void {
  marks.todo(['studyDay', 'anchor'], 'the event that is study day 0/1 (e.g. first-dose, randomization)');
  marks.todo(['studyDay', 'numbering'], 'day-0 or day-1');
  marks.todo(['epochs'], 'epochs (screening, run-in, treatment, follow-up…): not in the record');
  marks.todo(['procedures'], 'procedures done at visits (e.g. bone marrow aspiration), each with its form');
  marks.todo(['forms'], 'the case report forms the visits collect');
  marks.todo(['visits'], 'visits with anchor, offsetDays, window, forms and procedures: not in the record');
  marks.todo(['safety', 'ctcaeVersion'], 'CTCAE version used for AE grading (v4.0 or v5.0)');
  marks.todo(['safety', 'aeGradeThreshold'], 'lab grade (1–5) at or above which an AE is proposed');
}

/** Maps a study record to a draft protocol with its TODO and note marks. */
export function mapCtgovStudy(study: CtgovStudy): CtgovDraft {
  const marks = new DraftMarks();
  const identity = mapIdentity(study, marks);
  const design = mapDesign(study, marks, new IdAllocator('arm'));
  const interventions = mapInterventions(study, marks);
  const administrations = mapAdministrations({ study, design, interventions }, marks);
  const eligibility = mapEligibility(study, marks);
  const endpoints = mapEndpoints(study, marks);
  markSchedule(marks);
  const protocol: DraftProtocol = {
    ...identity,
    design,
    interventions,
    administrations,
    studyDay: { anchor: null, numbering: null },
    epochs: [],
    procedures: [],
    forms: [],
    visits: [],
    eligibility,
    endpoints,
    safety: { ctcaeVersion: null, aeGradeThreshold: null },
  };
  return { nctId: study.nctId, source: study.source, protocol, todos: marks.todos, notes: marks.notes };
}
