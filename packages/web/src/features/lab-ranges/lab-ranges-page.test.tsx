// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorBody, stubFetch, type StubRoutes } from '../../testing/fetch-stub.js';
import { renderWithApp } from '../../testing/render-app.js';
import { sessionAs } from '../casebook/testing/casebook-fixtures.js';
import { LabRangesPage } from './lab-ranges-page.js';
import {
  ALT,
  HB_FEMALE,
  HB_MALE,
  LAB_RANGES_URL,
  SITE_PNUYH,
  STUDY_ID,
  rangeView,
  rangesBody,
} from './testing/lab-range-fixtures.js';

const SLOW = { timeout: 10_000 };

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function routes(role: Parameters<typeof sessionAs>[0], overrides: StubRoutes = {}): StubRoutes {
  return {
    'GET /api/auth/session': { status: 200, body: sessionAs(role) },
    [`GET /api/studies/${STUDY_ID}/sites`]: { status: 200, body: { sites: [SITE_PNUYH] } },
    [`GET ${LAB_RANGES_URL}`]: { status: 200, body: rangesBody() },
    ...overrides,
  };
}

function renderPage() {
  return renderWithApp(
    <Routes>
      <Route path="/studies/:studyId/sites/:siteId/lab-ranges" element={<LabRangesPage />} />
    </Routes>,
    { path: `/studies/${STUDY_ID}/sites/${SITE_PNUYH.id}/lab-ranges` },
  );
}

function putBodies(fetchMock: ReturnType<typeof stubFetch>): unknown[] {
  return fetchMock.mock.calls
    .filter(([url, init]) => url === LAB_RANGES_URL && init?.method === 'PUT')
    .map(([, init]): unknown => (typeof init?.body === 'string' ? JSON.parse(init.body) : undefined));
}

const draftRow = (position: number): HTMLElement => {
  const row = screen.getByRole('combobox', { name: `Test, row ${position}` }).closest('tr');
  if (row === null) {
    throw new Error(`no draft row ${position}`);
  }
  return row;
};

const type = (name: string, value: string) =>
  fireEvent.change(screen.getByRole('textbox', { name }), { target: { value } });
const choose = (name: string, value: string) =>
  fireEvent.change(screen.getByRole('combobox', { name }), { target: { value } });

describe('LabRangesPage', () => {
  it('shows the current ranges exactly as stored, read-only for a coordinator', async () => {
    stubFetch(routes('coordinator'));
    renderPage();
    const table = await screen.findByRole('table', { name: 'Laboratory reference ranges' }, SLOW);
    expect(await screen.findByRole('heading', { name: /PNUYH — Pusan National/ })).toBeTruthy();
    const rows = within(table)
      .getAllByRole('row')
      .map((row) => row.textContent);
    // Catalogue order (haemoglobin before ALT), female before male; 155.5 and 0.583 unrounded.
    expect(rows.slice(1)).toEqual([
      'Haemoglobing/L120155.5Female≥ 18 yPNUYH lab manual 20262026-02-01',
      'Haemoglobing/L130170Male≥ 18 y—2026-02-01',
      'Alanine aminotransferase (ALT)µkat/L—0.583AnyAnyIFCC 37 °C2026-02-01',
    ]);
    expect(screen.queryByRole('button', { name: 'Add range' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Save ranges' })).toBeNull();
    expect(screen.getByText('Only study administrators can change the reference ranges.')).toBeTruthy();
  });

  it('adds a range with the units of the chosen test and sends only that test', async () => {
    const saved = rangeView({ test: 'platelets', unit: '10*9/L', lln: 150, uln: 450 });
    const fetchMock = stubFetch(
      routes('admin', {
        [`PUT ${LAB_RANGES_URL}`]: { status: 200, body: rangesBody([HB_FEMALE, HB_MALE, ALT, saved]) },
      }),
    );
    renderPage();
    fireEvent.click(await screen.findByRole('button', { name: 'Add range' }, SLOW));
    expect(screen.getByRole('status', { name: 'Pending changes' }).textContent).toContain(
      'a new row without a test',
    );
    choose('Test, row 4', 'platelets');
    const units = within(draftRow(4))
      .getAllByRole('option')
      .filter((option) => option.closest('select')?.getAttribute('aria-label') === 'Unit, row 4')
      .map((option) => option.getAttribute('value'));
    expect(units).toEqual(['', '10*9/L', '10*3/uL', '/uL']);
    choose('Unit, row 4', '10*9/L');
    type('LLN, row 4', '150');
    type('ULN, row 4', '450');
    expect(screen.getByRole('status', { name: 'Pending changes' }).textContent).toContain('Platelet');
    fireEvent.click(screen.getByRole('button', { name: 'Save ranges' }));
    expect(await screen.findByText(/Saved the ranges of Platelet/, {}, SLOW)).toBeTruthy();
    expect(putBodies(fetchMock)).toEqual([
      {
        ranges: [
          {
            test: 'platelets',
            unit: '10*9/L',
            lln: 150,
            uln: 450,
            sex: null,
            ageMin: null,
            ageMax: null,
            source: null,
          },
        ],
      },
    ]);
    const table = screen.getByRole('table', { name: 'Laboratory reference ranges' });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(5));
  });

  it('sends both haemoglobin ranges when one is edited, and shows the server issues at the row and field', async () => {
    const fetchMock = stubFetch(
      routes('admin', {
        [`PUT ${LAB_RANGES_URL}`]: {
          status: 400,
          body: errorBody('VALIDATION_FAILED', '2 reference range problem(s); nothing was saved', {
            issues: [
              {
                path: 'body.ranges.1.lln',
                rule: 'lln-not-above-uln',
                message: 'lln not above uln: 190 > 170',
              },
              {
                path: 'body.ranges.0',
                rule: 'has-limit',
                message: 'a reference range needs an LLN, a ULN or both',
              },
            ],
          }),
        },
      }),
    );
    renderPage();
    await screen.findByRole('table', { name: 'Reference range draft' }, SLOW);
    type('LLN, row 2', '190');
    type('LLN, row 1', '');
    type('ULN, row 1', '');
    fireEvent.click(screen.getByRole('button', { name: 'Save ranges' }));
    expect(await screen.findByText('lln not above uln: 190 > 170', {}, SLOW)).toBeTruthy();
    expect(screen.getByText('2 reference range problem(s); nothing was saved.')).toBeTruthy();
    expect(within(draftRow(1)).getByRole('alert').textContent).toBe(
      'a reference range needs an LLN, a ULN or both',
    );
    const lln = screen.getByRole('textbox', { name: 'LLN, row 2' });
    expect(lln.getAttribute('aria-invalid')).toBe('true');
    // Nothing is lost: the draft still holds what was typed.
    expect((lln as HTMLInputElement).value).toBe('190');
    const [body] = putBodies(fetchMock) as [{ ranges: { test: string; sex: string; lln: number | null }[] }];
    expect(body.ranges.map((r) => [r.test, r.sex, r.lln])).toEqual([
      ['hemoglobin', 'female', null],
      ['hemoglobin', 'male', 190],
    ]);
    // Editing the field clears its message.
    type('LLN, row 2', '130');
    expect(screen.queryByText('lln not above uln: 190 > 170')).toBeNull();
  });

  it('does not send text that is not a number, and will not clear every range of a test', async () => {
    const fetchMock = stubFetch(routes('admin'));
    renderPage();
    await screen.findByRole('table', { name: 'Reference range draft' }, SLOW);
    type('ULN, row 3', '0,6');
    fireEvent.click(screen.getByRole('button', { name: 'Save ranges' }));
    expect(await screen.findByText('must be a number ≥ 0 (got "0,6")')).toBeTruthy();
    expect(putBodies(fetchMock)).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Remove, row 3' }));
    expect(
      screen.getByText(/removing all ranges of Alanine aminotransferase \(ALT\) cannot be saved/),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Save ranges' }).hasAttribute('disabled')).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Discard changes' }));
    expect(screen.getByRole('textbox', { name: 'ULN, row 3' })).toHaveProperty('value', '0.583');
  });

  it('says so when the site is not in the study', async () => {
    stubFetch(
      routes('admin', {
        [`GET ${LAB_RANGES_URL}`]: { status: 404, body: errorBody('NOT_FOUND', 'site not found') },
      }),
    );
    renderPage();
    expect(await screen.findByText('Site not found in this study', {}, SLOW)).toBeTruthy();
  });
});
