import type {
  AnalysisMessage,
  AnalysisResponse,
  EndpointAnalysis,
  LmmResultView,
} from '@celltrial/contracts';
import { Alert, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { fmt, groupLabel, pValue } from './analysis-labels.js';
import { DataTable } from './data-table.js';

const COLORS: Record<AnalysisMessage['level'], string> = { info: 'blue', warning: 'yellow', error: 'red' };

export function Messages({ messages }: { messages: readonly AnalysisMessage[] }) {
  return (
    <Stack gap={4}>
      {messages.map((m, i) => (
        <Alert
          key={i}
          color={COLORS[m.level]}
          p="xs"
          title={undefined}
          role={m.level === 'error' ? 'alert' : undefined}
        >
          <Text size="sm">{m.text}</Text>
        </Alert>
      ))}
    </Stack>
  );
}

function LmmTable({ lmm, fileName }: { lmm: LmmResultView | null; fileName: string }) {
  if (lmm === null) {
    return null;
  }
  return (
    <Stack gap={4}>
      <Text size="sm">
        Mixed model <code>{lmm.formula}</code> ({lmm.method.toUpperCase()}, {lmm.nObs} observations,{' '}
        {lmm.nSubjects} participants{lmm.boundary ? ', boundary (singular) fit' : ''}); residual SD{' '}
        {fmt(lmm.sdResidual)}
      </Text>
      <DataTable
        label="Mixed model fixed effects"
        fileName={`${fileName}-lmm`}
        columns={[
          { header: 'Term', cell: (f) => f.name },
          { header: 'Estimate', cell: (f) => fmt(f.estimate, 4), raw: (f) => f.estimate },
          { header: 'SE', cell: (f) => fmt(f.se, 4), raw: (f) => f.se },
          { header: 't', cell: (f) => fmt(f.t), raw: (f) => f.t },
        ]}
        rows={lmm.fixed}
      />
    </Stack>
  );
}

function ResultTables({ analysis, e }: { analysis: AnalysisResponse; e: EndpointAnalysis }) {
  const r = e.result;
  const file = `endpoint-${e.endpointId}`;
  const group = (g: string | null) => groupLabel(analysis, g);
  switch (r.kind) {
    case 'run-in-treatment': {
      const s = r.summary;
      return (
        <Stack gap="xs">
          <Alert color="yellow" p="xs">
            <Text size="sm">{r.regressionToTheMeanNote}</Text>
          </Alert>
          <DataTable
            label={`${e.title}: summary`}
            fileName={`${file}-summary`}
            columns={[
              { header: 'n', cell: () => String(s.nSubjects) },
              { header: 'Mean run-in slope', cell: () => fmt(s.meanSlopeRunIn), raw: () => s.meanSlopeRunIn },
              {
                header: 'Mean treatment slope',
                cell: () => fmt(s.meanSlopeTreatment),
                raw: () => s.meanSlopeTreatment,
              },
              { header: 'Mean change', cell: () => fmt(s.meanChange), raw: () => s.meanChange },
              { header: '95 % CI', cell: () => `${fmt(s.tTest.ci95[0])} to ${fmt(s.tTest.ci95[1])}` },
              {
                header: 'Paired t (df)',
                cell: () => `${fmt(s.tTest.t)} (${s.tTest.df})`,
                raw: () => s.tTest.t,
              },
              { header: 'p (t-test)', cell: () => pValue(s.tTest.p), raw: () => s.tTest.p },
              { header: 'Wilcoxon V', cell: () => fmt(s.wilcoxon.v), raw: () => s.wilcoxon.v },
              { header: 'p (Wilcoxon)', cell: () => pValue(s.wilcoxon.p), raw: () => s.wilcoxon.p },
              { header: '≥ 25 % improvement', cell: () => `${s.nImproved25} / ${s.nEvaluable25}` },
            ]}
            rows={[s]}
          />
          <LmmTable lmm={r.piecewise} fileName={file} />
          <DataTable
            label={`${e.title}: per participant`}
            fileName={`${file}-participants`}
            columns={[
              {
                header: 'Subject',
                cell: (x) => `${x.subject}${x.synthetic ? ' (synthetic)' : ''}`,
                raw: (x) => x.subject,
              },
              ...(analysis.dataset.blinded
                ? []
                : [{ header: 'Arm', cell: (x: (typeof r.subjects)[number]) => group(x.arm) }]),
              { header: 'Run-in slope', cell: (x) => fmt(x.slopeRunIn), raw: (x) => x.slopeRunIn },
              { header: 'n run-in', cell: (x) => String(x.nRunIn) },
              { header: 'Treatment slope', cell: (x) => fmt(x.slopeTreatment), raw: (x) => x.slopeTreatment },
              { header: 'n treatment', cell: (x) => String(x.nTreatment) },
              { header: 'Change', cell: (x) => fmt(x.change), raw: (x) => x.change },
              {
                header: 'Relative',
                cell: (x) => (x.relativeImprovement === null ? '—' : `${fmt(x.relativeImprovement * 100)} %`),
                raw: (x) => x.relativeImprovement,
              },
            ]}
            rows={r.subjects}
          />
        </Stack>
      );
    }
    case 'slopes':
      return (
        <Stack gap="xs">
          <DataTable
            label={`${e.title}: slopes by group`}
            fileName={`${file}-groups`}
            columns={[
              { header: 'Group', cell: (g) => group(g.group) },
              { header: 'n', cell: (g) => String(g.n) },
              { header: 'Mean slope', cell: (g) => fmt(g.meanSlope), raw: (g) => g.meanSlope },
              { header: 'SD', cell: (g) => fmt(g.sdSlope), raw: (g) => g.sdSlope },
            ]}
            rows={r.groups}
          />
          <LmmTable lmm={r.lmm} fileName={file} />
        </Stack>
      );
    case 'change-from-baseline':
      return (
        <Stack gap="xs">
          <DataTable
            label={`${e.title}: change by visit`}
            fileName={`${file}-by-visit`}
            columns={[
              { header: 'Group', cell: (v) => group(v.group) },
              { header: 'Visit', cell: (v) => v.visitKey },
              { header: 'Months', cell: (v) => fmt(v.meanMonths), raw: (v) => v.meanMonths },
              { header: 'n', cell: (v) => String(v.n) },
              { header: 'Mean change', cell: (v) => fmt(v.meanChange), raw: (v) => v.meanChange },
              { header: 'SD', cell: (v) => fmt(v.sdChange), raw: (v) => v.sdChange },
              { header: '95 % CI', cell: (v) => `${fmt(v.lower95)} to ${fmt(v.upper95)}` },
            ]}
            rows={r.byVisit}
          />
          <LmmTable lmm={r.lmm} fileName={file} />
        </Stack>
      );
    case 'cafs':
      return (
        <Stack gap="xs">
          <Text size="sm">
            Horizon {r.horizonMonths} months; reference arm {group(r.reference)}.
          </Text>
          <DataTable
            label={`${e.title}: arms`}
            fileName={`${file}-arms`}
            columns={[
              { header: 'Arm', cell: (a) => group(a.arm) },
              { header: 'n', cell: (a) => String(a.n) },
              { header: 'Mean rank', cell: (a) => fmt(a.meanRank), raw: (a) => a.meanRank },
              { header: 'Mean CAFS', cell: (a) => fmt(a.meanCafs), raw: (a) => a.meanCafs },
            ]}
            rows={r.arms}
          />
          <DataTable
            label={`${e.title}: comparisons`}
            fileName={`${file}-tests`}
            columns={[
              { header: 'Comparison', cell: (c) => `${group(c.arm)} vs ${group(c.reference)}` },
              { header: 'W', cell: (c) => fmt(c.w), raw: (c) => c.w },
              { header: 'z', cell: (c) => fmt(c.z), raw: (c) => c.z },
              { header: 'p', cell: (c) => pValue(c.p), raw: (c) => c.p },
            ]}
            rows={r.comparisons}
          />
        </Stack>
      );
    case 'none':
      return null;
  }
}

/** One protocol endpoint: what it is, how it is computed, its messages and its result tables. */
export function EndpointResultCard({
  analysis,
  endpoint,
}: {
  analysis: AnalysisResponse;
  endpoint: EndpointAnalysis;
}) {
  return (
    <Paper p="md" component="section" aria-label={`Endpoint ${endpoint.title}`}>
      <Group gap="xs" mb={4}>
        <Badge variant="light">{endpoint.endpointType}</Badge>
        <Badge variant="outline">{endpoint.method}</Badge>
        <Title order={3} fz="h5">
          {endpoint.title}
        </Title>
      </Group>
      <Text size="xs" c="dimmed" mb="xs">
        {endpoint.methodsText}
      </Text>
      <Stack gap="xs">
        <Messages messages={endpoint.messages} />
        <ResultTables analysis={analysis} e={endpoint} />
      </Stack>
    </Paper>
  );
}
