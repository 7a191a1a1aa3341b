/**
 * Short methods texts for results and the report, summarising docs/methods/ (each names its page). Kept in code so
 * that a deployed server needs no docs folder; change them with the method pages.
 */
export const METHOD_TEXTS = {
  runIn:
    'Per participant, OLS slopes of the measure on months over the run-in (months ≤ 0) and the treatment period ' +
    '(months ≥ 0; month 0 = the first-dose visit, which belongs to both), at least 2 time points each. Change = ' +
    'treatment − run-in slope (positive = slower decline); paired t-test and Wilcoxon signed-rank test (normal ' +
    'approximation with continuity correction, as R), share with ≥ 25 % relative improvement; broken-stick mixed ' +
    'model (REML) for the model-based mean slope change (docs/methods/progression-slopes.md, ' +
    'docs/methods/linear-mixed-models.md).',
  slopes:
    'Per-participant OLS slopes on months (≥ 2 time points), summarised per arm (pooled when blinded), and the ' +
    'linear mixed model response ~ months × arm + (1 + months | subject) by REML, as lme4 ' +
    '(docs/methods/progression-slopes.md, docs/methods/linear-mixed-models.md).',
  change:
    "Change from each participant's first value, mean with a 95 % t-interval per visit and arm (pooled when " +
    'blinded), and the linear mixed model response ~ months × arm + (1 + months | subject) by REML ' +
    '(docs/methods/linear-mixed-models.md).',
  cafs:
    'Combined Assessment of Function and Survival (Berry et al. 2013): pairwise comparison on survival within the ' +
    'common follow-up, else on ALSFRS-R change; summed scores ranked, mean rank per arm, Wilcoxon rank-sum test of ' +
    'each arm against the comparator; events after the horizon censored at it (docs/methods/cafs.md).',
  safety:
    'Adverse events are tabulated on the Safety page (CTCAE grade, relatedness; docs/methods/adverse-events.md).',
  notAnalysed: 'This measure is not in the analysis dataset; no statistic is computed for it here.',
} as const;
