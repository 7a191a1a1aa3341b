import type {
  AnalysisDataset,
  AnalysisMessage,
  EndpointAnalysis,
  EndpointResult,
} from '@celltrial/contracts';
import type { ProtocolEndpoint } from '@celltrial/core';
import { analyseChange, analyseSlopes } from './change-analysis.js';
import { MEASURE_SOURCES, isAnalysisMeasure } from './dataset-sources.js';
import { METHOD_TEXTS } from './method-texts.js';
import { analyseRunIn } from './run-in-analysis.js';
import { analyseCafs, referenceArm } from './survival-analysis.js';

type Computed = { result: EndpointResult; messages: AnalysisMessage[]; methodsText: string };

const none = (methodsText: string, level: AnalysisMessage['level'], text: string): Computed => ({
  result: { kind: 'none' },
  messages: [{ level, text }],
  methodsText,
});

/** The horizon of a time frame such as "6 months after the first administration". */
export function horizonMonths(endpoint: ProtocolEndpoint): number | null {
  const match = /(\d+(?:\.\d+)?)\s*months?/i.exec(endpoint.timeFrame.text);
  return match?.[1] === undefined ? null : Number(match[1]);
}

function analyseMeasure(endpoint: ProtocolEndpoint, dataset: AnalysisDataset): Computed {
  const measure = endpoint.measure;
  if (!isAnalysisMeasure(measure)) {
    return none(METHOD_TEXTS.notAnalysed, 'info', `measure '${measure}' is not in the analysis dataset`);
  }
  const observations = dataset.observations.filter((o) => o.measure === measure);
  const method = endpoint.analysis.method;
  const slopeText = dataset.splitVisit === null ? METHOD_TEXTS.slopes : METHOD_TEXTS.runIn;
  const methodsText = method === 'slope-comparison' ? slopeText : METHOD_TEXTS.change;
  if (observations.length === 0) {
    return none(methodsText, 'error', `no ${MEASURE_SOURCES[measure].label} values in the data yet`);
  }
  const common = { observations, blinded: dataset.blinded, reference: referenceArm(dataset) };
  if (method === 'slope-comparison') {
    if (dataset.splitVisit !== null) {
      const split = new Set(dataset.participants.filter((p) => p.origin === 'split').map((p) => p.subject));
      return {
        ...analyseRunIn({
          observations: observations.filter((o) => split.has(o.subject)),
          splitVisit: dataset.splitVisit,
        }),
        methodsText,
      };
    }
    return { ...analyseSlopes(common), methodsText };
  }
  if (method === 'change-from-baseline') {
    return { ...analyseChange(common), methodsText };
  }
  return none(methodsText, 'info', `analysis method '${method}' is not computed for ${measure}`);
}

function computeEndpoint(endpoint: ProtocolEndpoint, dataset: AnalysisDataset): Computed {
  if (endpoint.measure === 'adverse-events' || endpoint.measure === 'dose-limiting-toxicity') {
    return none(METHOD_TEXTS.safety, 'info', 'safety endpoint: see the adverse-event table');
  }
  if (endpoint.measure === 'cafs') {
    if (endpoint.analysis.method !== 'joint-rank') {
      return none(
        METHOD_TEXTS.cafs,
        'info',
        `CAFS with method '${endpoint.analysis.method}' is not computed`,
      );
    }
    return { ...analyseCafs({ dataset, horizon: horizonMonths(endpoint) }), methodsText: METHOD_TEXTS.cafs };
  }
  return analyseMeasure(endpoint, dataset);
}

/** Computes what each protocol endpoint's analysis method names, with explicit messages for what cannot be. */
export function analyseEndpoints(
  endpoints: readonly ProtocolEndpoint[],
  dataset: AnalysisDataset,
): EndpointAnalysis[] {
  return endpoints.map((endpoint) => {
    const computed = computeEndpoint(endpoint, dataset);
    return {
      endpointId: endpoint.id,
      title: endpoint.title,
      endpointType: endpoint.type,
      measure: endpoint.measure,
      method: endpoint.analysis.method,
      methodsText: computed.methodsText,
      messages: computed.messages,
      result: computed.result,
    };
  });
}
