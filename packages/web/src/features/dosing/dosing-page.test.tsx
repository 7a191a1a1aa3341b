// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubFetch, type StubRoutes } from '../../testing/fetch-stub.js';
import { renderWithApp } from '../../testing/render-app.js';
import { sessionAs } from '../casebook/testing/casebook-fixtures.js';
import { enrolledView } from '../participants/testing/participant-fixtures.js';
import { currentProtocolBody, loadSeedProtocol } from '../protocol/testing/seed-protocols.js';
import { DosingPage } from './dosing-page.js';
import {
  PARTICIPANT_BASE,
  PREPARATION_ID,
  STUDY_ID,
  doseRecord,
  maskedPlan,
  openPlan,
} from './testing/dosing-fixtures.js';

const SLOW = { timeout: 10_000 };
const PLAN = `${PARTICIPANT_BASE}/dose-plan?visit=v4&occurrence=1`;
const protocol = loadSeedProtocol('nct03268603');

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function routes(role: Parameters<typeof sessionAs>[0], overrides: StubRoutes = {}): StubRoutes {
  return {
    'GET /api/auth/session': { status: 200, body: sessionAs(role) },
    [`GET /api/studies/${STUDY_ID}/participants`]: { status: 200, body: { participants: [enrolledView()] } },
    [`GET /api/studies/${STUDY_ID}/protocol`]: { status: 200, body: currentProtocolBody(STUDY_ID, protocol) },
    [`GET ${PLAN}`]: { status: 200, body: openPlan() },
    [`GET ${PARTICIPANT_BASE}/doses`]: { status: 200, body: { doses: [] } },
    ...overrides,
  };
}

function renderPage() {
  return renderWithApp(
    <Routes>
      <Route path="/studies/:studyId/dosing" element={<DosingPage />} />
    </Routes>,
    { path: `/studies/${STUDY_ID}/dosing` },
  );
}

function bodyOf(fetchMock: ReturnType<typeof stubFetch>, method: string, url: string): unknown {
  const call = fetchMock.mock.calls.find(([u, init]) => u === url && init?.method === method);
  return typeof call?.[1]?.body === 'string' ? JSON.parse(call[1].body) : undefined;
}

describe('DosingPage', () => {
  it('shows the calculated dose and the modification decision with its rule and reasons', async () => {
    stubFetch(routes('pharmacist'));
    renderPage();
    expect((await screen.findByLabelText('Calculated dose', {}, SLOW)).textContent).toBe('1×10^7 cells');
    expect(screen.getByLabelText<HTMLSelectElement>('Dosing visit').value).toBe('v4');
    expect(screen.getByText('the dose-modification decision')).toBeTruthy();
    expect(screen.getByText('±10 %')).toBeTruthy();
    expect(screen.getByText('5–10 mL')).toBeTruthy();
    expect(screen.getByText('Dose modification: Decrease: dl-5e7 → dl-1e7')).toBeTruthy();
    expect(screen.getByText('ASSUMED')).toBeTruthy();
    expect(
      screen.getByText('Epistaxis grade 3 on 2026-02-15, related to the product (probable)'),
    ).toBeTruthy();
  });

  it('checks the prepared amount against the tolerance live and asks why a deviation is given', async () => {
    let doses: unknown[] = [];
    const fetchMock = stubFetch(
      routes('pharmacist', {
        [`GET ${PARTICIPANT_BASE}/doses`]: () => ({ status: 200, body: { doses } }),
        [`POST ${PARTICIPANT_BASE}/dose-preparations`]: () => {
          doses = [doseRecord()];
          return { status: 201, body: doseRecord() };
        },
      }),
    );
    renderPage();
    const form = await screen.findByRole('region', { name: 'Prepare the dose' }, SLOW);
    const record = within(form).getByRole('button', { name: 'Record preparation' });
    fireEvent.change(within(form).getByLabelText(/Prepared amount \(cells\)/), {
      target: { value: '1.1e7' },
    });
    // Hand: (1.1e7 − 1e7) / 1e7 = +10 %, exactly at the ±10 % limit: within tolerance.
    expect(within(form).getByRole('status', { name: 'Tolerance check' }).textContent).toContain(
      'Within tolerance (+10.0 %',
    );
    fireEvent.change(within(form).getByLabelText(/Prepared amount \(cells\)/), {
      target: { value: '8000000' },
    });
    expect(within(form).getByRole('status', { name: 'Tolerance check' }).textContent).toContain(
      'Deviation −20.0 %',
    );
    fireEvent.change(within(form).getByLabelText(/^Lot/), { target: { value: 'LOT-7' } });
    fireEvent.change(within(form).getByLabelText(/Volume \(mL\)/), { target: { value: '5' } });
    expect(record.hasAttribute('disabled')).toBe(true);
    fireEvent.change(within(form).getByLabelText(/Reason for the deviation/), {
      target: { value: 'Low viability; given after sponsor call' },
    });
    fireEvent.click(record);
    const table = await screen.findByRole('table', { name: 'Doses' }, SLOW);
    expect(within(table).getByText('8×10^6 cells')).toBeTruthy();
    expect(within(table).getByText(/beyond tolerance/)).toBeTruthy();
    expect(bodyOf(fetchMock, 'POST', `${PARTICIPANT_BASE}/dose-preparations`)).toEqual({
      visitKey: 'v4',
      occurrence: 1,
      interventionId: 'aamsc',
      preparedAmount: 8_000_000,
      lot: 'LOT-7',
      volumeMl: 5,
      deviationReason: 'Low viability; given after sponsor call',
      doseDate: '2026-04-06',
    });
  });

  it('shows a blinded coordinator the masked plan only, and records an incomplete administration with a note', async () => {
    const fetchMock = stubFetch(
      routes('coordinator', {
        [`GET ${PLAN}`]: { status: 200, body: maskedPlan() },
        [`GET ${PARTICIPANT_BASE}/doses`]: {
          status: 200,
          body: {
            doses: [
              doseRecord({
                masked: true,
                kitCode: 'KIT-0042',
                interventionId: null,
                doseLevel: null,
                calculatedAmount: null,
                preparedAmount: null,
                unit: null,
                deviationPercent: null,
                withinTolerance: null,
                deviationReason: null,
                lot: null,
              }),
            ],
          },
        },
        [`POST ${PARTICIPANT_BASE}/dose-administrations`]: { status: 201, body: doseRecord() },
      }),
    );
    renderPage();
    expect(await screen.findByText('Treatment masked', {}, SLOW)).toBeTruthy();
    expect(screen.getByText('Kit KIT-0042')).toBeTruthy();
    expect(screen.queryByText('Calculated dose')).toBeNull();
    expect(screen.queryByRole('region', { name: 'Prepare the dose' })).toBeNull();
    fireEvent.click(await screen.findByRole('button', { name: 'Record administration' }, SLOW));
    const dialog = await screen.findByRole('dialog', { name: 'Record administration: v4' });
    fireEvent.change(within(dialog).getByLabelText(/Administered at/), {
      target: { value: '2026-04-06T10:30' },
    });
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Given in full' }));
    const send = within(dialog).getByRole('button', { name: 'Record administration' });
    expect(send.hasAttribute('disabled')).toBe(true);
    fireEvent.change(within(dialog).getByLabelText(/Note/), {
      target: { value: 'Stopped after 3 mL: back pain' },
    });
    fireEvent.change(within(dialog).getByLabelText(/Volume given/), { target: { value: '3' } });
    fireEvent.click(send);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), SLOW);
    expect(bodyOf(fetchMock, 'POST', `${PARTICIPANT_BASE}/dose-administrations`)).toMatchObject({
      preparationId: PREPARATION_ID,
      volumeMl: 3,
      complete: false,
      note: 'Stopped after 3 mL: back pain',
    });
  });
});
