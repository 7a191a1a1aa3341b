import type { AnalysisDataset, AnalysisResponse } from '@celltrial/contracts';
import { getCurrentProtocol } from '../protocol.service.js';
import { actorIsUnblinded } from '../participant-access.js';
import type { Actor, ServiceDeps } from '../service-context.js';
import { loadStudyAnalysisRows, type StudyAnalysisRows } from './analysis-rows.js';
import { buildAnalysisDataset } from './build-dataset.js';
import { meanTrajectories } from './change-analysis.js';
import { analyseEncals } from './encals-analysis.js';
import { analyseEndpoints } from './endpoint-analyses.js';
import { softwareVersion } from './software-version.js';
import { analyseSurvival } from './survival-analysis.js';

export interface AnalysisServiceDeps extends ServiceDeps {
  /** The server's version (used when the root package.json cannot be read). */
  readonly version: string;
}

interface LoadedDataset {
  readonly dataset: AnalysisDataset;
  readonly rows: StudyAnalysisRows;
  readonly protocol: Awaited<ReturnType<typeof getCurrentProtocol>>['protocol'];
}

async function loadDataset(deps: ServiceDeps, actor: Actor, studyId: string): Promise<LoadedDataset> {
  const { protocol } = await getCurrentProtocol(deps, studyId);
  const rows = await loadStudyAnalysisRows(deps.db, studyId);
  const dataset = buildAnalysisDataset({
    studyId,
    protocol,
    rows,
    blinded: !actorIsUnblinded(actor, studyId),
    now: deps.clock.now(),
  });
  return { dataset, rows, protocol };
}

/** The analysis dataset only (for the CSV download). Arms only for callers holding allocation:read. */
export async function getAnalysisDataset(
  deps: ServiceDeps,
  actor: Actor,
  params: { studyId: string },
): Promise<AnalysisDataset> {
  return (await loadDataset(deps, actor, params.studyId)).dataset;
}

const isAls = (conditions: readonly string[]): boolean =>
  conditions.some((c) => /\bALS\b|amyotrophic/i.test(c));

/** Every endpoint analysis of the study, with the dataset, mean trajectories, survival and ENCALS predictions. */
export async function getStudyAnalysis(
  deps: AnalysisServiceDeps,
  actor: Actor,
  params: { studyId: string },
): Promise<AnalysisResponse> {
  const { dataset, rows, protocol } = await loadDataset(deps, actor, params.studyId);
  const hasSurvival = protocol.forms.some((f) => f.id === 'survival-status');
  const als = isAls(protocol.conditions) && dataset.observations.some((o) => o.measure === 'alsfrs-r');
  const ids = new Map(rows.participants.map((p) => [p.subjectNumber ?? p.screeningNumber, p.id]));
  return {
    dataset,
    software: softwareVersion(deps.version),
    endpoints: analyseEndpoints(protocol.endpoints, dataset),
    meanTrajectories: meanTrajectories(dataset.observations, dataset.blinded),
    survival: hasSurvival ? analyseSurvival(dataset) : null,
    encals: als ? analyseEncals({ dataset, rows, ids }) : null,
  };
}
