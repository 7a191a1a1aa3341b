import type { AnalysisDataset, AnalysisMessage, EncalsAnalysisView } from '@celltrial/contracts';
import { ENCALS_LABEL, daysBetweenIsoDates, encalsPredict } from '@celltrial/core';
import type { StudyAnalysisRows } from './analysis-rows.js';
import { monthsBetween } from './dataset-sources.js';
import { num } from './stats-views.js';

export const ENCALS_METHODS_TEXT =
  'ENCALS survival prediction model (Westeneng et al., Lancet Neurol 2018;17:423; docs/methods/encals.md): the ' +
  'predicted probability of remaining free of death, tracheostomy or NIV > 23 h/day, by months since symptom ' +
  'onset, from baseline characteristics. A model PREDICTION at baseline, not an observed outcome; coefficients ' +
  'from public code, to be verified against the paper before clinical use.';

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

interface Background {
  birthDate?: string | undefined;
  onsetDate?: string | undefined;
  diagnosisDate?: string | undefined;
  onsetRegion?: string | undefined;
  elEscorial?: string | undefined;
}

/** Demographics form first, the screening record's diagnosis as the fallback. */
function backgroundOf(rows: StudyAnalysisRows, participantId: string): Background {
  const demo =
    rows.forms.find((f) => f.participantId === participantId && f.formKey === 'demographics')?.values ?? {};
  const screening = rows.screening.get(participantId) ?? {};
  const diagnosis = (screening['diagnosis'] ?? {}) as Record<string, unknown>;
  return {
    birthDate: text(demo['birthDate']) ?? text(screening['birthDate']),
    onsetDate: text(demo['symptomOnsetDate']) ?? text(diagnosis['symptomOnsetDate']),
    diagnosisDate: text(demo['diagnosisDate']) ?? text(diagnosis['diagnosisDate']),
    onsetRegion: text(demo['onsetRegion']),
    elEscorial: text(diagnosis['elEscorial']),
  };
}

/** ENCALS prediction at each ALS participant's baseline (first ALSFRS-R and FVC values), labelled as prediction. */
export function analyseEncals(params: {
  dataset: AnalysisDataset;
  rows: StudyAnalysisRows;
  /** Subject label → participant id. */
  ids: ReadonlyMap<string, string>;
}): EncalsAnalysisView {
  const { dataset } = params;
  const messages: AnalysisMessage[] = [{ level: 'warning', text: ENCALS_LABEL }];
  const participants: EncalsAnalysisView['participants'] = [];
  for (const p of dataset.participants) {
    const obs = dataset.observations.filter((o) => o.subject === p.subject);
    const alsfrs = obs.find((o) => o.measure === 'alsfrs-r');
    const fvc = obs.find((o) => o.measure === 'fvc');
    const b = backgroundOf(params.rows, params.ids.get(p.subject) ?? '');
    const missing = [
      ...(alsfrs === undefined ? ['baseline ALSFRS-R'] : []),
      ...(fvc === undefined ? ['FVC % predicted'] : []),
      ...(b.birthDate === undefined ? ['birth date'] : []),
      ...(b.onsetDate === undefined ? ['symptom onset date'] : []),
      ...(b.diagnosisDate === undefined ? ['diagnosis date'] : []),
      ...(b.onsetRegion === undefined ? ['region of onset'] : []),
      ...(b.elEscorial === undefined ? ['El Escorial category'] : []),
    ];
    if (alsfrs === undefined || fvc === undefined || missing.length > 0) {
      messages.push({
        level: 'warning',
        text: `subject ${p.subject}: no ENCALS prediction — missing ${missing.join(', ')}`,
      });
      continue;
    }
    const onset = b.onsetDate ?? '';
    const sinceOnset = monthsBetween(onset, alsfrs.date);
    const assumptions = [
      'FTD is not recorded in the casebook: assumed absent',
      'C9orf72 status not recorded: model without C9orf72',
    ];
    if (fvc.date !== alsfrs.date) {
      assumptions.push(`FVC from ${fvc.date}, ALSFRS-R from ${alsfrs.date}`);
    }
    const predicted = encalsPredict({
      ageOnset: daysBetweenIsoDates(b.birthDate ?? '', onset) / 365.25,
      diagnosticDelay: monthsBetween(onset, b.diagnosisDate ?? ''),
      deltaFrs: sinceOnset > 0 ? (48 - alsfrs.value) / sinceOnset : Number.NaN,
      fvcPercent: fvc.value,
      bulbarOnset: b.onsetRegion === 'bulbar',
      definiteElEscorial: b.elEscorial === 'definite',
      ftd: false,
      c9orf72: null,
    });
    if (predicted.kind === 'invalid') {
      messages.push({
        level: 'warning',
        text: `subject ${p.subject}: no ENCALS prediction — ${predicted.problems.map((x) => x.message).join('; ')}`,
      });
      continue;
    }
    const { prediction } = predicted;
    participants.push({
      subject: p.subject,
      synthetic: p.synthetic,
      baselineDate: alsfrs.date,
      monthsSinceOnsetAtBaseline: sinceOnset,
      linearPredictor: prediction.linearPredictor,
      predictedMedianMonthsFromOnset: num(prediction.medianMonthsFromOnset),
      predictedSurvival: prediction.survivalAt.map((s) => ({ ...s })),
      assumptions,
    });
  }
  return { label: ENCALS_LABEL, participants, methodsText: ENCALS_METHODS_TEXT, messages };
}
