import type { Command } from 'commander';
import { formatProtocolProblem } from '@celltrial/contracts';
import {
  computeSchedule,
  PROTOCOL_DATED_EVENTS,
  type Protocol,
  type ProtocolDatedEvent,
  type ProtocolScheduleOptions,
  type ProtocolScheduleResult,
} from '@celltrial/core';
import { CliError } from '../../io/cli-error.js';
import { printJson } from '../../io/read-input.js';
import { defaultProtocolsDir, loadProtocolFile, resolveProtocolFile } from './protocol-files.js';
import { formatScheduleTable } from './schedule-table.js';

export interface ScheduleCommandOptions {
  anchor: string;
  arm?: string;
  event?: string[];
  protocols?: string;
}

/** Parses repeated `--event NAME=YYYY-MM-DD` options into known event dates. */
export function parseEventDates(values: readonly string[]): Partial<Record<ProtocolDatedEvent, string>> {
  const dates: Partial<Record<ProtocolDatedEvent, string>> = {};
  for (const value of values) {
    const [name, date, ...rest] = value.split('=');
    if (name === undefined || date === undefined || rest.length > 0) {
      throw new CliError(`--event expects NAME=YYYY-MM-DD, got '${value}'`);
    }
    if (!(PROTOCOL_DATED_EVENTS as readonly string[]).includes(name)) {
      throw new CliError(`--event: '${name}' is not one of ${PROTOCOL_DATED_EVENTS.join(', ')}`);
    }
    dates[name as ProtocolDatedEvent] = date;
  }
  return dates;
}

/** Loads the protocol named by id, registry id or path, and computes one participant's calendar. */
export async function runProtocolSchedule(
  id: string,
  options: ScheduleCommandOptions,
): Promise<{ protocol: Protocol; result: Extract<ProtocolScheduleResult, { kind: 'ok' }> }> {
  const file = await resolveProtocolFile(id, options.protocols ?? defaultProtocolsDir());
  const loaded = await loadProtocolFile(file);
  if (loaded.kind === 'invalid') {
    throw new CliError(
      `${file} is not a valid protocol:\n${loaded.problems.map(formatProtocolProblem).join('\n')}`,
    );
  }
  const scheduleOptions: ProtocolScheduleOptions = {
    anchorDate: options.anchor,
    knownDates: parseEventDates(options.event ?? []),
    ...(options.arm === undefined ? {} : { arm: options.arm }),
  };
  const result = computeSchedule(loaded.protocol, scheduleOptions);
  if (result.kind === 'invalid') {
    const flags: Record<string, string> = { anchorDate: '--anchor', knownDates: '--event', arm: '--arm' };
    throw new CliError(
      result.problems
        .map((problem) => `${flags[String(problem.path[0])] ?? problem.path.join('.')}: ${problem.message}`)
        .join('; '),
    );
  }
  return { protocol: loaded.protocol, result };
}

/** Registers `celltrial protocol schedule ID --anchor YYYY-MM-DD [--arm ARM] [--event NAME=DATE]… [--json]`. */
export function registerProtocolScheduleCommand(protocol: Command): void {
  protocol
    .command('schedule')
    .description("One participant's planned calendar: visits, study days, target dates, windows, activities")
    .argument('<id>', 'protocol id, registry id (e.g. NCT04821479) or protocol file path')
    .requiredOption(
      '--anchor <date>',
      "YYYY-MM-DD of the first visit's anchor (e.g. consent); default for unknown anchors",
    )
    .option('--arm <arm>', 'arm id (default: all arms, which must share one calendar)')
    .option(
      '--event <name=date>',
      `known event date (${PROTOCOL_DATED_EVENTS.join(', ')}); repeatable`,
      (value: string, previous: string[]) => [...previous, value],
      [],
    )
    .option('--protocols <dir>', "protocols directory (default: the repository's protocols/)")
    .option('--json', 'print the calendar as a JSON array')
    .action(async (id: string, options: ScheduleCommandOptions & { json?: boolean }) => {
      const { protocol: loaded, result } = await runProtocolSchedule(id, options);
      if (options.json === true) {
        printJson(result.entries);
        return;
      }
      const arm = result.arm ?? `all ${loaded.design.arms.length} arms (identical calendars)`;
      const header = [
        `${loaded.registryIds[0] ?? loaded.id} — ${loaded.title}`,
        `arm: ${arm}; ${result.startEvent} = ${options.anchor}; study day ${loaded.studyDay.numbering === 'day-0' ? 0 : 1} = ${typeof loaded.studyDay.anchor === 'string' ? loaded.studyDay.anchor : JSON.stringify(loaded.studyDay.anchor)}`,
        '',
      ];
      process.stdout.write(`${[...header, ...formatScheduleTable(result.entries)].join('\n')}\n`);
    });
}
