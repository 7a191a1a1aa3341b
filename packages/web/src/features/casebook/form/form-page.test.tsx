// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorBody, stubFetch } from '../../../testing/fetch-stub.js';
import { ALSFRS_R_VALUES, PARTICIPANT_BASE, VISIT_ID, formRecordBody } from '../testing/casebook-fixtures.js';
import { RECORD_URL, SLOW, bodyOf, formRoutes, renderFormPage } from '../testing/form-page-harness.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const derived = (label: string) => {
  const table = screen.getByRole('table', { name: 'Derived scores' });
  return within(table).getByText(label).closest('tr')?.textContent ?? '';
};
const urlOf = (input: RequestInfo | URL): string => (input instanceof Request ? input.url : input.toString());
const speech = () => screen.findByLabelText<HTMLSelectElement>('1. Speech', {}, SLOW);

describe('FormPage: the generic eCRF editor', () => {
  it('renders the form from its definition and scores it live as the coordinator changes an item', async () => {
    stubFetch(formRoutes('coordinator'));
    renderFormPage();
    expect((await speech()).value).toBe('3');
    expect(screen.getByRole('heading', { name: /ALSFRS-R/ })).toBeTruthy();
    expect(derived('ALSFRS-R total (0–48)')).toContain('47');
    fireEvent.change(await speech(), { target: { value: '4' } });
    await waitFor(() => expect(derived('ALSFRS-R total (0–48)')).toContain('48'));
    expect(derived('Bulbar subscore (0–12)')).toContain('12');
    expect(derived("King's stage")).toContain('0');
    expect(screen.getByText('Unsaved changes')).toBeTruthy();
  });

  it("scores live with the server's form context (ΔFRS needs the symptom onset of the demographics form)", async () => {
    const fetchMock = stubFetch(
      formRoutes('coordinator', {
        [`GET ${PARTICIPANT_BASE}/form-context?visitId=${VISIT_ID}`]: {
          status: 200,
          body: {
            visitId: VISIT_ID,
            context: { assessmentDate: '2026-03-10', symptomOnsetDate: '2025-03-10' },
          },
        },
      }),
    );
    renderFormPage();
    await waitFor(() =>
      expect(fetchMock.mock.calls.some(([url]) => urlOf(url).includes('/form-context'))).toBe(true),
    );
    fireEvent.change(await speech(), { target: { value: '2' } });
    // Total 46: (48 − 46) points over 365 days = 11.99 months (365 / 30.4375): ΔFRS = 0.1668 per month, shown as 0.17.
    await waitFor(() => expect(derived('ΔFRS since symptom onset')).toMatch(/0\.17/));
    expect(
      fetchMock.mock.calls.some(([url]) => urlOf(url).endsWith(`/form-context?visitId=${VISIT_ID}`)),
    ).toBe(true);
  });

  it('follows the skip logic: with a gastrostomy item 5b replaces 5a and the form is incomplete', async () => {
    stubFetch(formRoutes('coordinator'));
    renderFormPage();
    await speech();
    expect(screen.getByLabelText(/5a\. Cutting food/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/Does the participant have a gastrostomy/), {
      target: { value: 'true' },
    });
    await waitFor(() => expect(screen.queryByLabelText(/5a\. Cutting food/)).toBeNull());
    expect(screen.getByLabelText(/5b\. Cutting food/)).toBeTruthy();
    expect(screen.getByRole('status', { name: 'Form status' }).textContent).toMatch(
      /Incomplete: 1 required item/,
    );
  });

  it('asks for a reason before changing saved values and sends the version it edited', async () => {
    const fetchMock = stubFetch(
      formRoutes('coordinator', {
        [`PUT ${RECORD_URL}`]: (body) => ({
          status: 200,
          body: {
            ...formRecordBody({ version: 2, values: (body as { values: Record<string, unknown> }).values }),
            raisedQueries: 0,
            closedQueries: 1,
          },
        }),
      }),
    );
    renderFormPage();
    fireEvent.change(await speech(), { target: { value: '4' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const dialog = await screen.findByRole('dialog', { name: 'Reason for change' });
    expect(dialog.textContent).toContain('Changing: 1. Speech');
    fireEvent.change(within(dialog).getByLabelText(/Reason for change/), {
      target: { value: 'Source re-checked' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save change' }));
    expect(
      await screen.findByText(/Saved version 2 \(complete\); 1 query\(ies\) closed/, {}, SLOW),
    ).toBeTruthy();
    expect(bodyOf(fetchMock, 'PUT', RECORD_URL)).toEqual({
      values: { ...ALSFRS_R_VALUES, q1: 4 },
      expectedVersion: 1,
      reasonForChange: 'Source re-checked',
    });
  });

  it('shows the other user’s values next to mine on a stale version, loads theirs and re-applies mine', async () => {
    const theirs = formRecordBody({
      version: 2,
      values: { ...ALSFRS_R_VALUES, q1: 2 },
      updatedBy: 'Other Coordinator',
    });
    stubFetch(
      formRoutes('coordinator', {
        [`PUT ${RECORD_URL}`]: {
          status: 409,
          body: errorBody('STALE_VERSION', 'the form changed since you loaded it; nothing was saved', {
            currentVersion: 2,
            current: theirs,
          }),
        },
      }),
    );
    renderFormPage();
    fireEvent.change(await speech(), { target: { value: '4' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const dialog = await screen.findByRole('dialog', { name: 'Reason for change' });
    fireEvent.change(within(dialog).getByLabelText(/Reason for change/), {
      target: { value: 'Source re-checked' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save change' }));
    const table = await screen.findByRole('table', { name: 'Their values and yours' }, SLOW);
    const row = within(table).getByText('1. Speech').closest('tr');
    expect(row?.textContent).toContain('2 – ');
    expect(row?.textContent).toContain('4 – ');
    expect(screen.getByRole('alert').textContent).toContain('by Other Coordinator');
    fireEvent.click(screen.getByRole('button', { name: 'Load version 2' }));
    await waitFor(async () => expect((await speech()).value).toBe('2'));
    fireEvent.click(screen.getByRole('button', { name: 'Re-apply my values' }));
    await waitFor(async () => expect((await speech()).value).toBe('4'));
  });

  it('shows the problems the server names at their items (422 FORM_INVALID)', async () => {
    stubFetch(
      formRoutes('coordinator', {
        [`PUT ${RECORD_URL}`]: {
          status: 422,
          body: errorBody('FORM_INVALID', 'the form data break its definition; nothing was saved', {
            issues: [
              { path: 'values.q2', item: 'q2', rule: 'max', message: 'Salivation must be ≤ 4 (got 5)' },
            ],
          }),
        },
      }),
    );
    renderFormPage();
    fireEvent.change(await speech(), { target: { value: '4' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const dialog = await screen.findByRole('dialog', { name: 'Reason for change' });
    fireEvent.change(within(dialog).getByLabelText(/Reason for change/), { target: { value: 'Corrected' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save change' }));
    const message = await screen.findByText('Salivation must be ≤ 4 (got 5)', {}, SLOW);
    expect(message.closest('[data-item]')?.getAttribute('data-item')).toBe('q2');
  });

  it('keeps Save disabled while an item holds an impossible value', async () => {
    stubFetch(
      formRoutes('coordinator', {
        [`GET ${RECORD_URL}`]: {
          status: 200,
          body: formRecordBody({
            formKey: 'con-meds',
            visitId: null,
            visitKey: null,
            definitionVersion: 'con-meds@1',
            values: { medication: 'Riluzole', indication: 'ALS', startDate: '2026-01-01', ongoing: true },
            derived: {},
          }),
        },
      }),
    );
    renderFormPage();
    fireEvent.change(await screen.findByLabelText('Dose per administration', {}, SLOW), {
      target: { value: 'fifty' },
    });
    expect(await screen.findByText(/must be a number/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Save' }).hasAttribute('disabled')).toBe(true);
    expect(screen.queryByLabelText('End date')).toBeNull();
  });
});
