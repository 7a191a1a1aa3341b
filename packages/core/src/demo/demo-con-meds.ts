// The concomitant-medication log of a synthetic participant: every medication of the screening record (same
// names and dates) plus symptomatic treatments started during follow-up. Nothing starts after the outcome date or
// after `asOfDate`.
import { addDaysToIsoDate, daysBetweenIsoDates } from '../protocol/iso-date.js';
import {
  DEMO_IN_STUDY_MEDICATIONS,
  DEMO_PRESCRIPTIONS,
  DEMO_UNKNOWN_PRESCRIPTION,
} from './demo-medications.js';
import { chance, demoRng, uniform } from './demo-random.js';
import type { DemoParticipant } from './demo-types.js';

export interface DemoConMed {
  readonly medication: string;
  readonly indication: string;
  readonly dose: number;
  readonly doseUnit: string;
  readonly route: string;
  readonly frequency: string;
  readonly startDate: string;
  readonly ongoing: boolean;
  /** Last day taken; present exactly when not ongoing. */
  readonly endDate?: string;
}

/** Last day anything can happen: the outcome date, the planned end or `asOfDate`, whichever is first. */
export function followUpEnd(participant: DemoParticipant): string {
  const candidates = [participant.asOfDate, participant.plannedEndDate];
  if (participant.outcome.kind !== 'ongoing') {
    candidates.push(participant.outcome.date);
  }
  if (participant.screenFailure) {
    candidates.push(participant.screeningDate);
  }
  return candidates.reduce((first, date) => (date < first ? date : first));
}

/** The con-meds log, sorted by start date. */
export function generateDemoConMeds(participant: DemoParticipant): DemoConMed[] {
  const rng = demoRng(participant.seed, 'con-meds');
  const end = followUpEnd(participant);
  const log: DemoConMed[] = [];
  for (const medication of participant.history.medications) {
    const prescription = DEMO_PRESCRIPTIONS[medication.name] ?? DEMO_UNKNOWN_PRESCRIPTION;
    // A planned medication starts in the first month after enrolment.
    const startDate =
      medication.startDate ??
      addDaysToIsoDate(participant.plannedEnrollmentDate, Math.floor(uniform(rng, 0, 30)));
    if (startDate > end) {
      continue;
    }
    const endDate = medication.stopDate;
    log.push({
      medication: medication.name,
      ...prescription,
      startDate,
      ongoing: endDate === undefined,
      ...(endDate === undefined ? {} : { endDate }),
    });
  }
  if (!participant.screenFailure) {
    const span = Math.max(0, daysBetweenIsoDates(participant.screeningDate, end));
    for (const [name, share] of DEMO_IN_STUDY_MEDICATIONS[participant.disease]) {
      const prescription = DEMO_PRESCRIPTIONS[name];
      if (
        prescription === undefined ||
        log.some((entry) => entry.medication === name) ||
        !chance(rng, share)
      ) {
        continue;
      }
      const startDate = addDaysToIsoDate(participant.screeningDate, 1 + Math.floor(uniform(rng, 0, span)));
      const endDate = addDaysToIsoDate(startDate, Math.floor(uniform(rng, 7, 120)));
      const stopped = chance(rng, 0.4) && endDate <= end;
      if (startDate > end) {
        continue;
      }
      log.push({
        medication: name,
        ...prescription,
        startDate,
        ongoing: !stopped,
        ...(stopped ? { endDate } : {}),
      });
    }
  }
  return log.sort((a, b) => a.startDate.localeCompare(b.startDate));
}
