// Medications of synthetic participants: the screening history (what the screening record lists) and how each is
// prescribed (for the con-meds log). Doses are the usual adult labelled doses. Supplements and herbal products are
// never generated: several protocols exclude them and the con-meds log must match the screening record.
import { MEDICATION_CLASSES } from '../eligibility/rule-vocabulary.js';
import type { ScreeningMedication } from '../eligibility/screening-record.js';
import { addDaysToIsoDate, daysBetweenIsoDates } from '../protocol/iso-date.js';
import type { Rng } from '../random/rng.js';
import type { DemoEligibilityHints, DemoMedicationMode } from './demo-eligibility-hints.js';
import { chance, logNormal, uniform } from './demo-random.js';
import type { DemoDisease } from './demo-types.js';

export interface DemoPrescription {
  readonly indication: string;
  readonly dose: number;
  readonly doseUnit: string;
  /** Route code of the con-meds form (oral, intravenous, …). */
  readonly route: string;
  /** Frequency code of the con-meds form: daily, bid, tid, prn, other, … */
  readonly frequency: string;
}

/** How each generated medication is prescribed. */
export const DEMO_PRESCRIPTIONS: Readonly<Record<string, DemoPrescription>> = {
  riluzole: { indication: 'ALS', dose: 50, doseUnit: 'mg', route: 'oral', frequency: 'bid' },
  edaravone: {
    indication: 'ALS',
    dose: 105,
    doseUnit: 'mg',
    route: 'oral',
    frequency: 'other',
  },
  rituximab: {
    indication: 'Multiple sclerosis',
    dose: 1000,
    doseUnit: 'mg',
    route: 'intravenous',
    frequency: 'other',
  },
  baclofen: {
    indication: 'Spasticity',
    dose: 10,
    doseUnit: 'mg',
    route: 'oral',
    frequency: 'tid',
  },
  omeprazole: {
    indication: 'Gastro-oesophageal reflux',
    dose: 20,
    doseUnit: 'mg',
    route: 'oral',
    frequency: 'daily',
  },
  sertraline: { indication: 'Depression', dose: 50, doseUnit: 'mg', route: 'oral', frequency: 'daily' },
  atorvastatin: {
    indication: 'Hypercholesterolaemia',
    dose: 20,
    doseUnit: 'mg',
    route: 'oral',
    frequency: 'daily',
  },
  amlodipine: { indication: 'Hypertension', dose: 5, doseUnit: 'mg', route: 'oral', frequency: 'daily' },
  fampridine: {
    indication: 'Walking impairment',
    dose: 10,
    doseUnit: 'mg',
    route: 'oral',
    frequency: 'bid',
  },
  oxybutynin: {
    indication: 'Overactive bladder',
    dose: 5,
    doseUnit: 'mg',
    route: 'oral',
    frequency: 'bid',
  },
  glycopyrronium: {
    indication: 'Sialorrhoea',
    dose: 1,
    doseUnit: 'mg',
    route: 'oral',
    frequency: 'tid',
  },
  paracetamol: { indication: 'Pain', dose: 1000, doseUnit: 'mg', route: 'oral', frequency: 'prn' },
  macrogol: { indication: 'Constipation', dose: 13.8, doseUnit: 'g', route: 'oral', frequency: 'daily' },
  gabapentin: {
    indication: 'Neuropathic pain',
    dose: 300,
    doseUnit: 'mg',
    route: 'oral',
    frequency: 'tid',
  },
  amitriptyline: { indication: 'Insomnia', dose: 10, doseUnit: 'mg', route: 'oral', frequency: 'daily' },
};

/** Prescription of a medication a rule asks for that the table does not know (e.g. a class). */
export const DEMO_UNKNOWN_PRESCRIPTION: DemoPrescription = {
  indication: 'Per protocol',
  dose: 1,
  doseUnit: 'unit',
  route: 'oral',
  frequency: 'daily',
};

/** Background medications taken at screening, with their prevalence. ASSUMED. */
const BACKGROUND: Readonly<Record<DemoDisease, readonly (readonly [string, number])[]>> = {
  ALS: [
    ['baclofen', 0.25],
    ['omeprazole', 0.15],
    ['sertraline', 0.1],
    ['atorvastatin', 0.15],
    ['amlodipine', 0.1],
  ],
  MS: [
    ['baclofen', 0.35],
    ['fampridine', 0.2],
    ['oxybutynin', 0.15],
    ['sertraline', 0.15],
  ],
};

/**
 * Disease-modifying treatment: prevalence and the median delay from diagnosis to its start (log-normal). ASSUMED
 * (riluzole is very widely used and usually started soon after the diagnosis).
 */
const DISEASE_TREATMENT: Readonly<Record<DemoDisease, readonly (readonly [string, number, number])[]>> = {
  ALS: [
    ['riluzole', 0.8, 30],
    ['edaravone', 0.2, 120],
  ],
  MS: [['rituximab', 0.3, 365]],
};

interface MedicationDates {
  readonly screeningDate: string;
  readonly diagnosisDate: string;
}

/** A medication taken since a day in [earliest, latest] (a class name becomes a product tagged with the class). */
function current(rng: Rng, name: string, window: { earliest: string; latest: string }): ScreeningMedication {
  const span = Math.max(0, daysBetweenIsoDates(window.earliest, window.latest));
  const startDate = addDaysToIsoDate(window.earliest, Math.floor(uniform(rng, 0, span + 1)));
  if (Object.hasOwn(MEDICATION_CLASSES, name)) {
    return { name: `${name} product`, classes: [name], startDate };
  }
  return { name, startDate };
}

function addRequired(
  rng: Rng,
  list: ScreeningMedication[],
  entry: { readonly name: string; readonly mode: DemoMedicationMode; readonly dates: MedicationDates },
): void {
  if (list.some((medication) => medication.name === entry.name || medication.classes?.includes(entry.name))) {
    return;
  }
  if (entry.mode === 'planned') {
    list.push({ name: entry.name, planned: true });
    return;
  }
  // Started after the diagnosis and, when the diagnosis allows it, at least 45 days before screening.
  const { screeningDate, diagnosisDate } = entry.dates;
  const stableFrom = addDaysToIsoDate(screeningDate, -45);
  const back = addDaysToIsoDate(screeningDate, -Math.floor(uniform(rng, 90, 720)));
  const earliest = back > diagnosisDate ? back : diagnosisDate;
  const window =
    earliest <= stableFrom
      ? { earliest, latest: stableFrom }
      : { earliest: diagnosisDate, latest: screeningDate };
  list.push(current(rng, entry.name, window));
}

/** The medications the screening record lists. */
export function drawScreeningMedications(
  rng: Rng,
  context: {
    readonly disease: DemoDisease;
    readonly hints: DemoEligibilityHints;
    readonly dates: MedicationDates;
  },
): ScreeningMedication[] {
  const { disease, hints, dates } = context;
  const list: ScreeningMedication[] = [];
  for (const [name, prevalence, medianDays] of DISEASE_TREATMENT[disease]) {
    if (!hints.forbiddenMedications.has(name) && chance(rng, prevalence)) {
      const startDate = addDaysToIsoDate(dates.diagnosisDate, Math.round(logNormal(rng, medianDays, 0.6)));
      if (startDate <= dates.screeningDate) {
        list.push({ name, startDate });
      }
    }
  }
  for (const [name, mode] of hints.requiredMedications) {
    addRequired(rng, list, { name, mode, dates });
  }
  for (const [name, mode] of hints.suggestedMedications) {
    if (chance(rng, 0.75)) {
      addRequired(rng, list, { name, mode, dates });
    }
  }
  for (const [name, prevalence] of BACKGROUND[disease]) {
    if (!hints.forbiddenMedications.has(name) && chance(rng, prevalence)) {
      const earliest = addDaysToIsoDate(dates.screeningDate, -Math.floor(uniform(rng, 60, 2000)));
      list.push(current(rng, name, { earliest, latest: addDaysToIsoDate(dates.screeningDate, -30) }));
    }
  }
  return list;
}

/** Medications started during follow-up (symptomatic treatment), with their chance. ASSUMED. */
export const DEMO_IN_STUDY_MEDICATIONS: Readonly<
  Record<DemoDisease, readonly (readonly [string, number])[]>
> = {
  ALS: [
    ['paracetamol', 0.3],
    ['glycopyrronium', 0.15],
    ['macrogol', 0.15],
    ['amitriptyline', 0.1],
  ],
  MS: [
    ['paracetamol', 0.3],
    ['macrogol', 0.1],
    ['gabapentin', 0.15],
  ],
};
