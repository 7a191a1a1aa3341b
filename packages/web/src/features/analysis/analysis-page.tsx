import type { AnalysisMeasure, AnalysisResponse, RunInSubjectView } from '@celltrial/contracts';
import { Alert, Anchor, Badge, Group, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { LoadingBlock } from '../../ui/loading-block.js';
import { PageHeader } from '../../ui/page-header.js';
import { QueryError } from '../../ui/query-error.js';
import { useStudyId } from '../studies/use-study-id.js';
import { AeTablePanel } from './ae-table-panel.js';
import { analysisDownloads } from './analysis-api.js';
import { MEASURE_LABELS, groupColors, measuresPresent } from './analysis-labels.js';
import { meanTrajectoryPlot, spaghettiPlot, waterfallPlot } from './analysis-plots.js';
import { EndpointResultCard, Messages } from './endpoint-results.js';
import { PlotFigure } from './plot-figure.js';
import { EncalsPanel, SurvivalPanel } from './survival-panel.js';
import { useAnalysis } from './use-analysis.js';

function DataStatus({ analysis }: { analysis: AnalysisResponse }) {
  const s = analysis.dataset.status;
  return (
    <Stack gap="xs">
      {s.source === 'locked' ? (
        <Alert color="green" title="Locked data" role="status">
          Study locked {s.lockedAt}
          {s.lockReason === null ? '' : ` (${s.lockReason})`}; data cut {s.dataCutDate}.
        </Alert>
      ) : (
        <Alert color="orange" title="Current data, not locked" role="status">
          The numbers can change while data entry and cleaning go on. Data cut {s.dataCutDate} (today); last
          visit in the data {s.lastDataDate ?? '—'}.
        </Alert>
      )}
      {analysis.dataset.syntheticParticipants > 0 && (
        <Alert color="red" title="Synthetic data" role="status">
          {analysis.dataset.syntheticParticipants} of {analysis.dataset.participants.length} participants are
          generated demo data, not real patients.
        </Alert>
      )}
    </Stack>
  );
}

function Legend({ analysis }: { analysis: AnalysisResponse }) {
  const { domain, range } = groupColors(analysis);
  return (
    <Group gap="xs" mb={4}>
      {domain
        .filter((d) => d !== 'unallocated')
        .map((d, i) => (
          <Badge key={d} variant="dot" color={range[i]}>
            {d}
          </Badge>
        ))}
    </Group>
  );
}

function runInSubjects(analysis: AnalysisResponse, measure: AnalysisMeasure): RunInSubjectView[] {
  const e = analysis.endpoints.find((x) => x.measure === measure && x.result.kind === 'run-in-treatment');
  return e?.result.kind === 'run-in-treatment' ? e.result.subjects : [];
}

function Figures({ analysis }: { analysis: AnalysisResponse }) {
  const measures = measuresPresent(analysis);
  const [chosen, setChosen] = useState<AnalysisMeasure | null>(null);
  const measure = chosen !== null && measures.includes(chosen) ? chosen : measures[0];
  if (measure === undefined) {
    return (
      <Text size="sm" c="dimmed">
        No outcome values in the data yet: nothing to plot.
      </Text>
    );
  }
  const runIn = runInSubjects(analysis, measure);
  return (
    <Stack gap="sm">
      {measures.length > 1 && (
        <SegmentedControl
          aria-label="Measure"
          value={measure}
          onChange={(v) => setChosen(v)}
          data={measures.map((m) => ({ value: m, label: MEASURE_LABELS[m] }))}
        />
      )}
      <SimpleGrid cols={{ base: 1, xl: 2 }}>
        <PlotFigure
          title={`${MEASURE_LABELS[measure]}: individual trajectories`}
          fileName={`${measure}-trajectories`}
          render={() => spaghettiPlot(analysis, measure, runIn)}
          deps={[analysis, measure]}
          legend={<Legend analysis={analysis} />}
          caption={
            analysis.dataset.splitVisit === null
              ? 'One line per participant.'
              : 'One line per participant; dashed: fitted run-in slope, solid black: fitted treatment slope; month 0 = first dose.'
          }
        />
        <PlotFigure
          title={`${MEASURE_LABELS[measure]}: mean by visit with 95 % CI`}
          fileName={`${measure}-mean`}
          render={() => meanTrajectoryPlot(analysis, measure)}
          deps={[analysis, measure]}
          legend={<Legend analysis={analysis} />}
        />
        {runIn.length > 0 && (
          <PlotFigure
            title="Slope change per participant (treatment − run-in)"
            fileName={`${measure}-slope-change-waterfall`}
            render={() => waterfallPlot(runIn)}
            deps={[runIn]}
            caption="Green: slower decline after the first dose; red: faster. Uncontrolled: see the regression-to-the-mean note."
          />
        )}
      </SimpleGrid>
    </Stack>
  );
}

/** The Analysis section: data status, plots, endpoint results, survival, ENCALS, AE table and downloads. */
export function AnalysisPage() {
  const studyId = useStudyId();
  const query = useAnalysis(studyId);
  const links = analysisDownloads(studyId);
  const header = (
    <PageHeader
      title="Analysis"
      description="Protocol endpoints computed from the casebook data with celltrial's statistics (verified against R)."
      actions={
        <Group gap="sm">
          <Anchor href={links.datasetCsv} size="sm">
            Dataset (CSV)
          </Anchor>
          <Anchor href={links.reportHtml} target="_blank" size="sm">
            Report (HTML)
          </Anchor>
          <Anchor href={links.reportPdf} size="sm">
            Report (PDF)
          </Anchor>
        </Group>
      }
    />
  );
  if (query.isPending) {
    return (
      <>
        {header}
        <LoadingBlock label="Computing the analyses (mixed models can take a few seconds)…" />
      </>
    );
  }
  if (query.isError) {
    return (
      <>
        {header}
        <QueryError
          title="The analysis could not be computed"
          error={query.error}
          onRetry={() => void query.refetch()}
        />
      </>
    );
  }
  const analysis = query.data;
  return (
    <Stack gap="md">
      {header}
      <DataStatus analysis={analysis} />
      <Text size="sm">
        {analysis.dataset.blinded
          ? 'Blinded view: no arm is shown and every analysis pools the arms.'
          : 'Unblinded view: results by arm.'}{' '}
        {analysis.dataset.participants.length} participants, {analysis.dataset.observations.length}{' '}
        observations. Software {analysis.software.version}
        {analysis.software.commit === null ? '' : ` (${analysis.software.commit.slice(0, 10)})`}.
      </Text>
      <Messages messages={analysis.dataset.messages.filter((m) => !/not locked|SYNTHETIC/.test(m.text))} />
      <Title order={2} fz="h4">
        Figures
      </Title>
      <Figures analysis={analysis} />
      <Title order={2} fz="h4">
        Endpoints
      </Title>
      {analysis.endpoints.map((e) => (
        <EndpointResultCard key={e.endpointId} analysis={analysis} endpoint={e} />
      ))}
      <SurvivalPanel analysis={analysis} />
      <EncalsPanel analysis={analysis} />
      <AeTablePanel studyId={studyId} />
    </Stack>
  );
}
