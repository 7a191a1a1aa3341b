import type { AnalysisResponse } from '@celltrial/contracts';
import { Alert, Paper, Stack, Text, Title } from '@mantine/core';
import { fmt, groupLabel, numberAtRisk, pValue } from './analysis-labels.js';
import { kmPlot } from './analysis-plots.js';
import { DataTable } from './data-table.js';
import { Messages } from './endpoint-results.js';
import { PlotFigure } from './plot-figure.js';

const AT_RISK_TIMES = [0, 3, 6, 9, 12, 18, 24];

/** Kaplan–Meier curves with numbers at risk, medians, log-rank and Cox. */
export function SurvivalPanel({ analysis }: { analysis: AnalysisResponse }) {
  const s = analysis.survival;
  if (s === null) {
    return null;
  }
  return (
    <Stack gap="sm">
      <Title order={2} fz="h4">
        Survival (death, tracheostomy or permanent ventilation)
      </Title>
      <Text size="xs" c="dimmed">
        {s.methodsText}
      </Text>
      <Messages messages={s.messages} />
      {s.groups.length > 0 && (
        <PlotFigure
          title="Kaplan–Meier curves"
          fileName="kaplan-meier"
          render={() => kmPlot(analysis)}
          deps={[analysis]}
        />
      )}
      <Paper p="md">
        <Stack gap="xs">
          <DataTable
            label="Numbers at risk"
            fileName="numbers-at-risk"
            columns={[
              { header: 'Group', cell: (g) => groupLabel(analysis, g.group) },
              ...AT_RISK_TIMES.map((t) => ({
                header: `${t} mo`,
                cell: (g: (typeof s.groups)[number]) => String(numberAtRisk(g, t)),
              })),
            ]}
            rows={s.groups}
          />
          <DataTable
            label="Kaplan–Meier medians"
            fileName="km-medians"
            columns={[
              { header: 'Group', cell: (g) => groupLabel(analysis, g.group) },
              { header: 'n', cell: (g) => String(g.n) },
              { header: 'Events', cell: (g) => String(g.events) },
              {
                header: 'Median (months)',
                cell: (g) => (g.median.estimate === null ? 'not reached' : fmt(g.median.estimate)),
                raw: (g) => g.median.estimate,
              },
              { header: '95 % CI', cell: (g) => `${fmt(g.median.lower)} to ${fmt(g.median.upper)}` },
            ]}
            rows={s.groups}
          />
          {s.logRank !== null && (
            <Text size="sm">
              Log-rank χ² = {fmt(s.logRank.chisq)}, df = {s.logRank.df}, p = {pValue(s.logRank.p)}
            </Text>
          )}
          {s.cox !== null && (
            <DataTable
              label="Cox model"
              fileName="cox"
              columns={[
                { header: `Term (vs ${groupLabel(analysis, s.cox.reference)})`, cell: (t) => t.name },
                { header: 'HR', cell: (t) => fmt(t.hr), raw: (t) => t.hr },
                { header: '95 % CI', cell: (t) => `${fmt(t.hrLower95)} to ${fmt(t.hrUpper95)}` },
                { header: 'p', cell: (t) => pValue(t.p), raw: (t) => t.p },
              ]}
              rows={s.cox.terms}
            />
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}

/** ENCALS predicted survival at baseline, labelled as a model prediction. */
export function EncalsPanel({ analysis }: { analysis: AnalysisResponse }) {
  const e = analysis.encals;
  if (e === null) {
    return null;
  }
  return (
    <Stack gap="sm">
      <Title order={2} fz="h4">
        ENCALS predicted survival at baseline
      </Title>
      <Alert color="grape" title="Prediction, not an observed outcome">
        <Text size="sm">{e.methodsText}</Text>
      </Alert>
      <Messages messages={e.messages.slice(1)} />
      <DataTable
        label="ENCALS predictions"
        fileName="encals-predictions"
        empty="No participant has the baseline characteristics the model needs."
        columns={[
          {
            header: 'Subject',
            cell: (p) => `${p.subject}${p.synthetic ? ' (synthetic)' : ''}`,
            raw: (p) => p.subject,
          },
          { header: 'Baseline', cell: (p) => p.baselineDate },
          {
            header: 'Months since onset',
            cell: (p) => fmt(p.monthsSinceOnsetAtBaseline),
            raw: (p) => p.monthsSinceOnsetAtBaseline,
          },
          {
            header: 'Predicted median (months from onset)',
            cell: (p) => fmt(p.predictedMedianMonthsFromOnset),
            raw: (p) => p.predictedMedianMonthsFromOnset,
          },
          ...[0, 1, 2, 3].map((i) => ({
            header: `Predicted S(${e.participants[0]?.predictedSurvival[i]?.monthsFromOnset ?? '?'} mo)`,
            cell: (p: (typeof e.participants)[number]) => fmt(p.predictedSurvival[i]?.survival, 2),
            raw: (p: (typeof e.participants)[number]) => p.predictedSurvival[i]?.survival ?? null,
          })),
          { header: 'Assumptions', cell: (p) => p.assumptions.join('; ') },
        ]}
        rows={e.participants}
      />
    </Stack>
  );
}
