// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorBody, stubFetch, type StubRoutes } from '../../../testing/fetch-stub.js';
import { SAMPLE_STUDY } from '../../../testing/fixtures.js';
import { renderWithApp } from '../../../testing/render-app.js';
import { currentProtocolBody, loadSeedProtocol, scheduleBody } from '../testing/seed-protocols.js';
import { SchedulePage } from './schedule-page.js';

const ID = SAMPLE_STUDY.id;
const HADASSAH = loadSeedProtocol('nct04821479');
const ALSUMMIT = loadSeedProtocol('nct04745299');
const SCHEDULE = `GET /api/studies/${ID}/schedule`;

function renderSchedule(search = '') {
  return renderWithApp(
    <Routes>
      <Route path="/studies/:studyId/schedule" element={<SchedulePage />} />
    </Routes>,
    { path: `/studies/${ID}/schedule${search}` },
  );
}

function protocolRoute(protocol = HADASSAH): StubRoutes {
  return { [`GET /api/studies/${ID}/protocol`]: { status: 200, body: currentProtocolBody(ID, protocol) } };
}

/** Texts of the cells of the grid row whose header starts with `label`. */
function gridRow(label: string): string[] {
  const grid = screen.getByRole('table', { name: 'Schedule of activities' });
  const header = within(grid).getByRole('rowheader', { name: new RegExp(`^${label}`) });
  const row = header.closest('tr');
  return row
    ? within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent ?? '')
    : [];
}

/** Rendering the grid in jsdom takes a while on a slow machine: wait longer than the default second. */
function findTable(name: string) {
  return screen.findByRole('table', { name }, { timeout: 10_000 });
}

/** Texts of the cells of the calendar row of a visit. */
function calendarRow(visit: string): string[] {
  const calendar = screen.getByRole('table', { name: 'Participant calendar' });
  const row = within(calendar)
    .getAllByRole('row')
    .find((candidate) => candidate.firstElementChild?.textContent === visit);
  return row
    ? within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent ?? '')
    : [];
}

function scheduleCalls(fetchMock: ReturnType<typeof stubFetch>): string[] {
  return fetchMock.mock.calls
    .map(([input]) => (typeof input === 'string' ? input : ''))
    .filter((url) => url.includes('/schedule?'));
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('SchedulePage', () => {
  it('draws the NCT04821479 grid: visits by epoch with day and window, four injections marked', async () => {
    stubFetch({
      ...protocolRoute(),
      [`${SCHEDULE}?anchor=2026-01-05`]: {
        status: 200,
        body: scheduleBody(HADASSAH, { anchor: '2026-01-05' }),
      },
    });
    renderSchedule('?start=2026-01-05');
    const grid = await findTable('Schedule of activities');
    const headers = within(grid).getAllByRole('columnheader');
    expect(headers.map((header) => header.textContent)).toEqual([
      'Activity',
      'Screening',
      'Run-in (6 months)',
      'Bone marrow aspiration',
      'Treatment (4 intrathecal injections)',
      'Follow-up to 3 months after the last injection',
      'Screening (inclusion)Day \u2212182\u22120/+14 d',
      'Run-in month 3Day \u221291\u00b114 d',
      'Bone marrow aspirationDay \u221230\u00b17 d',
      'Visit 1 — first intrathecal MSC injectionDay 0\u22120/+14 d',
      'Interim follow-up after injection 1Day 45\u00b17 d',
      'Second intrathecal MSC injectionDay 91\u00b114 d',
      'Interim follow-up after injection 2Day 136\u00b17 d',
      'Third intrathecal MSC injectionDay 182\u00b114 d',
      'Interim follow-up after injection 3Day 227\u00b17 d',
      'Fourth intrathecal MSC injectionDay 273\u00b114 d',
      'Follow-up 6 weeks after the last injectionDay 318\u00b17 d',
      'End of study — 3 months after the last injectionDay 364\u00b114 d',
      'Unscheduled visitAs needed',
    ]);
    expect(within(grid).getAllByRole('columnheader')[4]?.getAttribute('colspan')).toBe('7');
    expect(gridRow('Mesenchymal stem cells')).toEqual([
      '',
      '',
      '',
      '✓',
      '',
      '✓',
      '',
      '✓',
      '',
      '✓',
      '',
      '',
      '',
    ]);
    expect(gridRow('Bone marrow aspiration \\(150 ml')).toEqual([
      '',
      '',
      '✓',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
    ]);
    expect(gridRow('Eligibility checklist')[0]).toBe('✓');
    expect(screen.queryByRole('combobox', { name: 'Arm' })).toBeNull();
  });

  it('shows the participant calendar for the chosen start date, and recomputes when it changes', async () => {
    const fetchMock = stubFetch({
      ...protocolRoute(),
      [`${SCHEDULE}?anchor=2026-01-05`]: {
        status: 200,
        body: scheduleBody(HADASSAH, { anchor: '2026-01-05' }),
      },
      [`${SCHEDULE}?anchor=2026-02-02`]: {
        status: 200,
        body: scheduleBody(HADASSAH, { anchor: '2026-02-02' }),
      },
    });
    renderSchedule('?start=2026-01-05');
    const calendar = await findTable('Participant calendar');
    const rows = within(calendar).getAllByRole('row');
    // Header, 12 visits, and a heading row for each of the 5 epochs.
    expect(rows).toHaveLength(18);
    expect(rows.map((row) => row.textContent)).toContain('Run-in (6 months)');
    const first = calendarRow('Screening (inclusion)');
    expect(first.slice(0, 4)).toEqual([
      'Screening (inclusion)',
      '\u2212182',
      'Mon 2026-01-05',
      '2026-01-05 – 2026-01-19\u22120/+14 d',
    ]);
    // Injection 1: screening + 152 + 30 days = 2026-07-06; the dose is listed before the forms.
    const injection = calendarRow('Visit 1 — first intrathecal MSC injection');
    expect(injection[2]).toBe('Mon 2026-07-06');
    expect(injection[4]).toMatch(/^Dose: Mesenchymal stem cells \(MSC\)Physical examination · /);
    expect(screen.getByText('12 planned visits, 2026-01-05 to 2027-07-05')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Start date'), { target: { value: '2026-02-02' } });
    expect(
      await screen.findByText('12 planned visits, 2026-02-02 to 2027-08-02', {}, { timeout: 10_000 }),
    ).toBeTruthy();
    expect(scheduleCalls(fetchMock)).toEqual([
      `/api/studies/${ID}/schedule?anchor=2026-01-05`,
      `/api/studies/${ID}/schedule?anchor=2026-02-02`,
    ]);
  });

  it("starts the calendar today by the browser's clock", async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2026, 2, 14, 23, 30)); // local time: still 14 March
    const fetchMock = stubFetch({
      ...protocolRoute(),
      [`${SCHEDULE}?anchor=2026-03-14`]: {
        status: 200,
        body: scheduleBody(HADASSAH, { anchor: '2026-03-14' }),
      },
    });
    renderSchedule();
    await findTable('Participant calendar');
    expect(screen.getByLabelText<HTMLInputElement>('Start date').value).toBe('2026-03-14');
    expect(scheduleCalls(fetchMock)).toEqual([`/api/studies/${ID}/schedule?anchor=2026-03-14`]);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Today' }).disabled).toBe(true);
  });

  it('shows all arms of NCT04745299 with per-arm dosing, and one arm on request', async () => {
    const fetchMock = stubFetch({
      ...protocolRoute(ALSUMMIT),
      [`${SCHEDULE}?anchor=2026-01-05`]: {
        status: 200,
        body: scheduleBody(ALSUMMIT, { anchor: '2026-01-05' }),
      },
      [`${SCHEDULE}?anchor=2026-01-05&arm=single-cycle`]: {
        status: 200,
        body: scheduleBody(ALSUMMIT, { anchor: '2026-01-05', arm: 'single-cycle' }),
      },
    });
    renderSchedule('?start=2026-01-05');
    await findTable('Participant calendar');
    const select = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Arm' });
    expect(select.value).toBe('');
    // Columns: P-V0, L-V1, inj-1, inj-2, month 2, booster 1, month 6, booster 2, month 9, booster 3, month 12, unscheduled.
    expect(gridRow('Single cycle administration group')).toEqual([
      '',
      '',
      '✓',
      '✓',
      '',
      'P',
      '',
      'P',
      '',
      'P',
      '',
      '',
    ]);
    expect(gridRow('Control group')).toEqual(['', '', 'P', 'P', '', 'P', '', 'P', '', 'P', '', '']);
    expect(screen.getAllByText('Dose (product depends on the arm)')).toHaveLength(5);
    expect(screen.getByText(/^✓ due at the visit · dosing per arm/).textContent).toBe(
      '✓ due at the visit · dosing per arm: ✓ study product, P placebo (arms are dosed at the same visits, so they stay masked) · Day 0 = first dose · window = days allowed before/after the target day · unscheduled visits happen as needed',
    );

    fireEvent.change(select, { target: { value: 'single-cycle' } });
    await screen.findByText(/· Single cycle administration group$/, {}, { timeout: 10_000 });
    expect(gridRow('Lenzumestrocel')).toEqual(['', '', '✓', '✓', '', '', '', '', '', '', '', '']);
    expect(gridRow('Placebo comparator')).toEqual(['', '', '', '', '', '✓', '', '✓', '', '✓', '', '']);
    expect(scheduleCalls(fetchMock)).toContain(
      `/api/studies/${ID}/schedule?anchor=2026-01-05&arm=single-cycle`,
    );
  });

  it("shows the server's reason when the calendar cannot be computed", async () => {
    stubFetch({
      ...protocolRoute(),
      [`${SCHEDULE}?anchor=2026-01-05`]: {
        status: 422,
        body: errorBody(
          'BUSINESS_RULE_VIOLATED',
          "arms 'a' and 'b' have different calendars; choose one of: a, b",
          {
            rule: 'schedule',
            problems: [],
          },
        ),
      },
    });
    renderSchedule('?start=2026-01-05');
    const alert = await screen.findByRole('alert', {}, { timeout: 10_000 });
    expect(alert.textContent).toContain('Could not compute the calendar');
    expect(alert.textContent).toContain('BUSINESS_RULE_VIOLATED');
    expect(alert.textContent).toContain("Arms 'a' and 'b' have different calendars");
    expect(screen.getByRole('table', { name: 'Schedule of activities' })).toBeTruthy();
  });

  it('asks for a date instead of calling the server while the field is empty', async () => {
    const fetchMock = stubFetch(protocolRoute());
    renderSchedule('?start=');
    expect(
      await screen.findByText('Choose a start date to see the calendar.', {}, { timeout: 10_000 }),
    ).toBeTruthy();
    expect(scheduleCalls(fetchMock)).toEqual([]);
  });
});
