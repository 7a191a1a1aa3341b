import type { Command } from 'commander';
import {
  conditionalPower,
  currentTrendDrift,
  inflationFactor,
  lanDeMetsBounds,
  normalQuantile,
} from '@celltrial/core';
import type { SpendingFunction } from '@celltrial/core';
import { CliError } from '../../io/cli-error.js';
import { printJson } from '../../io/read-input.js';
import { parseNumberList, parseNumberOption } from './csv-table.js';

interface BoundsOptions {
  times: number[];
  alpha: number;
  sides: string;
  spending: string;
  power: number;
}

interface ConditionalOptions {
  t: number;
  z: number;
  zFinal: number;
  drift?: number;
}

function parseSpending(value: string): SpendingFunction {
  const [name, parameter] = value.split(':');
  const p = Number(parameter);
  if (name === 'obf' && parameter === undefined) {
    return { kind: 'obrien-fleming' };
  }
  if (name === 'pocock' && parameter === undefined) {
    return { kind: 'pocock' };
  }
  if (name === 'power' && Number.isFinite(p) && p > 0) {
    return { kind: 'power', rho: p };
  }
  if (name === 'hsd' && Number.isFinite(p) && p !== 0) {
    return { kind: 'hsd', gamma: p };
  }
  throw new CliError(
    `--spending must be obf, pocock, power:RHO (RHO > 0) or hsd:GAMMA (GAMMA != 0), got '${value}'`,
  );
}

/** `celltrial analyze boundaries` and `celltrial analyze conditional-power`: interim-analysis monitoring. */
export function registerInterimCommands(analyze: Command): void {
  analyze
    .command('boundaries')
    .description(
      'Lan-DeMets alpha-spending boundaries (z) for interim looks at the given information fractions, with the ' +
        'alpha spent, nominal p-values and the sample-size inflation versus a fixed design',
    )
    .requiredOption(
      '--times <fractions>',
      'information fractions of the looks, increasing, e.g. 0.333,0.667,1',
      parseNumberList('--times'),
    )
    .option(
      '--alpha <alpha>',
      'overall alpha (two-sided total when --sides 2)',
      parseNumberOption('--alpha'),
      0.05,
    )
    .option('--sides <1|2>', '2 = symmetric two-sided bounds, 1 = upper (efficacy) bounds only', '2')
    .option('--spending <fn>', 'obf | pocock | power:RHO | hsd:GAMMA', 'obf')
    .option('--power <power>', 'power for the inflation factor', parseNumberOption('--power'), 0.9)
    .action((options: BoundsOptions) => {
      printJson(boundaries(options));
    });
  analyze
    .command('conditional-power')
    .description('Conditional power at information fraction t given the interim z (Lan & Wittes B-value)')
    .requiredOption(
      '--t <fraction>',
      'information fraction of the interim look (0 < t < 1)',
      parseNumberOption('--t'),
    )
    .requiredOption('--z <z>', 'observed interim z statistic', parseNumberOption('--z'))
    .requiredOption(
      '--z-final <z>',
      'critical value at the final analysis (e.g. 1.993 for 3-look OBF)',
      parseNumberOption('--z-final'),
    )
    .option(
      '--drift <theta>',
      'assumed drift E[Z(1)] (e.g. the design alternative); trend and H0 are always reported',
      parseNumberOption('--drift'),
    )
    .action((options: ConditionalOptions) => {
      printJson(conditional(options));
    });
}

function boundaries(o: BoundsOptions): unknown {
  if (o.sides !== '1' && o.sides !== '2') {
    throw new CliError(`--sides must be 1 or 2, got '${o.sides}'`);
  }
  const sides = o.sides === '1' ? 1 : 2;
  const ok = o.times.every((t, i) => t > 0 && t <= 1 && (i === 0 || t > (o.times[i - 1] ?? 0)));
  if (!ok) {
    throw new CliError('--times must be increasing information fractions in (0, 1]');
  }
  if (!(o.alpha > 0 && o.alpha < 1) || !(o.power > 0 && o.power < 1)) {
    throw new CliError('--alpha and --power must be between 0 and 1');
  }
  const perSide = sides === 2 ? o.alpha / 2 : o.alpha;
  const spending = parseSpending(o.spending);
  const bounds = lanDeMetsBounds({ times: o.times, alpha: perSide, spending, sides });
  return {
    sides,
    alpha: o.alpha,
    spending: o.spending,
    looks: o.times.map((t, k) => ({
      t,
      z: bounds.upper[k],
      nominalP: bounds.nominalP[k],
      cumulativeAlpha: bounds.cumulativeAlpha[k],
    })),
    inflation:
      o.times[o.times.length - 1] === 1
        ? inflationFactor({ times: o.times, bounds, alpha: perSide, power: o.power })
        : null,
    fixedDesignZ: normalQuantile(1 - perSide),
  };
}

function conditional(o: ConditionalOptions): unknown {
  if (!(o.t > 0 && o.t < 1)) {
    throw new CliError('--t must be between 0 and 1 (exclusive)');
  }
  const trend = currentTrendDrift(o.t, o.z);
  return {
    t: o.t,
    z: o.z,
    zFinal: o.zFinal,
    bValue: o.z * Math.sqrt(o.t),
    currentTrend: {
      drift: trend,
      conditionalPower: conditionalPower({ t: o.t, z: o.z, zFinal: o.zFinal, drift: trend }),
    },
    null: { drift: 0, conditionalPower: conditionalPower({ t: o.t, z: o.z, zFinal: o.zFinal, drift: 0 }) },
    assumed:
      o.drift === undefined
        ? null
        : {
            drift: o.drift,
            conditionalPower: conditionalPower({ t: o.t, z: o.z, zFinal: o.zFinal, drift: o.drift }),
          },
  };
}
