/**
 * `npm run bench`: every benchmark, each writing its section of docs/benchmarks.md.
 * BENCH_ONLY=startup|lmm runs one.
 */
import { runLmmBench } from './lmm-bench.js';
import { runStartupBench } from './startup-bench.js';

const only = process.env['BENCH_ONLY'];
if (only === undefined || only === 'startup') {
  await runStartupBench();
}
if (only === undefined || only === 'lmm') {
  await runLmmBench();
}
