// @vitest-environment jsdom
// The form page for reviewers: SDV (monitor), queries (monitor raises, site answers), signature (investigator),
// locks (data manager), and the synthetic-data mark.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubFetch } from '../../../testing/fetch-stub.js';
import {
  FORM_RECORD_ID,
  LOCK_ID,
  PARTICIPANT_ID,
  QUERY_ID,
  STUDY_ID,
  dataQuery,
  formRecordBody,
} from '../testing/casebook-fixtures.js';
import { RECORD_URL, SLOW, bodyOf, formRoutes, renderFormPage } from '../testing/form-page-harness.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const itemBox = async (id: string) => {
  await screen.findByLabelText('1. Speech', {}, SLOW);
  const box = document.querySelector(`[data-item="${id}"]`);
  if (!(box instanceof HTMLElement)) {
    throw new Error(`no item ${id}`);
  }
  return box;
};

const VERIFIED = {
  itemId: 'q1',
  formVersion: 1,
  verifiedBy: 'Mona Monitor',
  verifiedAt: '2026-03-12T09:00:00.000Z',
};

describe('FormPage for monitors', () => {
  it('shows the form read-only with SDV boxes, and verifies the ticked items at the saved version', async () => {
    let record = formRecordBody();
    const fetchMock = stubFetch(
      formRoutes('monitor', {
        [`GET ${RECORD_URL}`]: () => ({ status: 200, body: record }),
        [`POST ${RECORD_URL}/verify`]: () => {
          record = formRecordBody({ verifications: [VERIFIED] });
          return { status: 200, body: record };
        },
      }),
    );
    renderFormPage();
    const speech = await itemBox('q1');
    expect(screen.getByLabelText<HTMLSelectElement>('1. Speech').disabled).toBe(true);
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    expect(screen.getByText(/your role at this site does not allow changing it/)).toBeTruthy();
    fireEvent.click(await within(speech).findByRole('checkbox', { name: 'SDV' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Verify' }));
    expect(await within(await itemBox('q1')).findByText('✔ Verified', {}, SLOW)).toBeTruthy();
    expect(bodyOf(fetchMock, 'POST', `${RECORD_URL}/verify`)).toEqual({ itemIds: ['q1'], formVersion: 1 });
  });

  it('verifies every item with a value when none is ticked', async () => {
    const fetchMock = stubFetch(
      formRoutes('monitor', { [`POST ${RECORD_URL}/verify`]: { status: 200, body: formRecordBody() } }),
    );
    renderFormPage();
    await itemBox('q1');
    fireEvent.click(await screen.findByRole('button', { name: 'Verify' }));
    await waitFor(() =>
      expect(bodyOf(fetchMock, 'POST', `${RECORD_URL}/verify`)).toEqual({ formVersion: 1 }),
    );
  });

  it('raises a query on an item from its query drawer', async () => {
    let record = formRecordBody();
    const raised = dataQuery({
      messages: [
        { action: 'open', body: 'Source says 4.', author: 'Test monitor', at: '2026-03-12T09:00:00.000Z' },
      ],
    });
    const fetchMock = stubFetch(
      formRoutes('monitor', {
        [`GET ${RECORD_URL}`]: () => ({ status: 200, body: record }),
        [`POST ${RECORD_URL}/queries`]: () => {
          record = formRecordBody({ queries: [raised] });
          return { status: 201, body: raised };
        },
      }),
    );
    renderFormPage();
    fireEvent.click(within(await itemBox('q1')).getByRole('button', { name: 'Queries' }));
    const drawer = await screen.findByRole('dialog', { name: 'Queries: 1. Speech' });
    expect(within(drawer).getByText('No queries on this item.')).toBeTruthy();
    fireEvent.change(within(drawer).getByLabelText('Query text'), { target: { value: 'Source says 4.' } });
    fireEvent.click(within(drawer).getByRole('button', { name: 'Raise query' }));
    expect(await within(drawer).findByText('Source says 4.', { selector: 'p' }, SLOW)).toBeTruthy();
    expect(bodyOf(fetchMock, 'POST', `${RECORD_URL}/queries`)).toEqual({
      itemId: 'q1',
      text: 'Source says 4.',
    });
    expect(within(await itemBox('q1')).getByRole('button', { name: 'Queries (1 open)' })).toBeTruthy();
    expect(within(drawer).getByRole('button', { name: 'Close query' })).toBeTruthy();
    expect(within(drawer).queryByRole('button', { name: 'Answer' })).toBeNull();
  });
});

describe('FormPage for the site', () => {
  it('opens the item named in the link and answers its open query', async () => {
    const fetchMock = stubFetch(
      formRoutes('coordinator', {
        [`GET ${RECORD_URL}`]: { status: 200, body: formRecordBody({ queries: [dataQuery()] }) },
        [`POST /api/studies/${STUDY_ID}/queries/${QUERY_ID}/answer`]: {
          status: 200,
          body: dataQuery({ status: 'answered' }),
        },
      }),
    );
    renderFormPage('?item=q1');
    const drawer = await screen.findByRole('dialog', { name: 'Queries: 1. Speech' }, SLOW);
    expect(within(drawer).getByText('Source says 4; please check.')).toBeTruthy();
    expect(within(drawer).queryByRole('button', { name: 'Close query' })).toBeNull();
    const answer = within(drawer).getByRole('button', { name: 'Answer' });
    expect(answer.hasAttribute('disabled')).toBe(true);
    fireEvent.change(within(drawer).getByLabelText('Message'), {
      target: { value: 'Corrected to 4 from source' },
    });
    fireEvent.click(answer);
    await waitFor(() =>
      expect(bodyOf(fetchMock, 'POST', `/api/studies/${STUDY_ID}/queries/${QUERY_ID}/answer`)).toEqual({
        text: 'Corrected to 4 from source',
      }),
    );
  });

  it('lets the investigator sign the saved version after entering the password', async () => {
    let record = formRecordBody();
    const fetchMock = stubFetch(
      formRoutes('investigator', {
        [`GET ${RECORD_URL}`]: () => ({ status: 200, body: record }),
        'POST /api/auth/reauthenticate': {
          status: 200,
          body: { reauthenticatedAt: '2026-03-12T10:00:00.000Z' },
        },
        [`POST ${RECORD_URL}/sign`]: () => {
          record = formRecordBody({
            signature: {
              id: '00000000-0000-4000-8000-0000000000fb',
              scope: 'form',
              meaning: 'I have reviewed the data on this form.',
              signedBy: 'Ivy Investigator',
              signedAt: '2026-03-12T10:00:00.000Z',
              formVersion: 1,
            },
          });
          return { status: 200, body: record };
        },
      }),
    );
    renderFormPage();
    await itemBox('q1');
    fireEvent.click(await screen.findByRole('button', { name: 'Sign' }));
    const dialog = await screen.findByRole('dialog', { name: /^Sign: ALS Functional Rating Scale/ });
    expect(dialog.textContent).toContain('form version 1');
    fireEvent.change(within(dialog).getByLabelText(/Password/, { selector: 'input' }), {
      target: { value: 'pw' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    expect(
      await screen.findByText(/by Ivy Investigator on 2026-03-12 \(form version 1\)/, {}, SLOW),
    ).toBeTruthy();
    expect(bodyOf(fetchMock, 'POST', `${RECORD_URL}/sign`)).toEqual({ formVersion: 1 });
    expect(screen.queryByRole('button', { name: 'Sign' })).toBeNull();
  });

  it('keeps Sign disabled while the form has unsaved changes', async () => {
    stubFetch(formRoutes('investigator'));
    renderFormPage();
    fireEvent.change(await screen.findByLabelText('1. Speech', {}, SLOW), { target: { value: '4' } });
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Sign' }).hasAttribute('disabled')).toBe(true),
    );
  });
});

describe('FormPage item history', () => {
  it('lists every saved value of an item with who changed it, when and why', async () => {
    stubFetch(
      formRoutes('monitor', {
        [`GET ${RECORD_URL}/history`]: {
          status: 200,
          body: {
            revisions: [
              {
                itemId: 'q1',
                formVersion: 1,
                value: 4,
                reason: null,
                changedBy: 'Cora',
                changedAt: '2026-03-10T10:00:00.000Z',
              },
              {
                itemId: 'q2',
                formVersion: 1,
                value: 4,
                reason: null,
                changedBy: 'Cora',
                changedAt: '2026-03-10T10:00:00.000Z',
              },
              {
                itemId: 'q1',
                formVersion: 2,
                value: 3,
                reason: 'Source re-read',
                changedBy: 'Ivy',
                changedAt: '2026-03-11T08:30:00.000Z',
              },
            ],
          },
        },
      }),
    );
    renderFormPage();
    fireEvent.click(within(await itemBox('q1')).getByRole('button', { name: 'History' }));
    const drawer = await screen.findByRole('dialog', { name: 'History: 1. Speech' });
    const rows = within(
      await within(drawer).findByRole('table', { name: 'Item history' }, SLOW),
    ).getAllByRole('row');
    expect(rows.map((row) => row.textContent)).toEqual([
      'VersionValueChangedReason',
      '23 – Detectable speech disturbance2026-03-11 08:30 · IvySource re-read',
      '14 – Normal speech processes2026-03-10 10:00 · Cora—',
    ]);
  });
});

describe('FormPage locks and synthetic data', () => {
  const lock = {
    id: LOCK_ID,
    scope: 'form' as const,
    participantId: PARTICIPANT_ID,
    visitId: null,
    formRecordId: FORM_RECORD_ID,
    reason: 'Interim analysis',
    lockedBy: 'Dana Data',
    lockedAt: '2026-03-12T11:00:00.000Z',
    unlockedAt: null,
    unlockReason: null,
  };

  it('shows a locked form read-only to the site, with who locked it and why', async () => {
    stubFetch(
      formRoutes('coordinator', { [`GET ${RECORD_URL}`]: { status: 200, body: formRecordBody({ lock }) } }),
    );
    renderFormPage();
    await itemBox('q1');
    expect(screen.getByText(/Locked by Dana Data on 2026-03-12 — Interim analysis/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    expect(screen.getByLabelText<HTMLSelectElement>('1. Speech').disabled).toBe(true);
  });

  it('lets the data manager lock and unlock the form with a reason', async () => {
    let record = formRecordBody();
    const fetchMock = stubFetch(
      formRoutes('data-manager', {
        [`GET ${RECORD_URL}`]: () => ({ status: 200, body: record }),
        [`POST /api/studies/${STUDY_ID}/locks`]: () => {
          record = formRecordBody({ lock });
          return { status: 201, body: lock };
        },
        [`POST /api/studies/${STUDY_ID}/locks/${LOCK_ID}/unlock`]: () => {
          record = formRecordBody();
          return {
            status: 200,
            body: { ...lock, unlockedAt: '2026-03-12T12:00:00.000Z', unlockReason: 'Query' },
          };
        },
      }),
    );
    renderFormPage();
    await itemBox('q1');
    fireEvent.click(await screen.findByRole('button', { name: 'Lock' }));
    const dialog = await screen.findByRole('dialog', { name: /^Lock this/ });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Unlock' }, SLOW));
    const unlock = await screen.findByRole('dialog', { name: 'Unlock' });
    fireEvent.change(within(unlock).getByLabelText(/Reason for unlocking/), {
      target: { value: 'Query on item 1' },
    });
    fireEvent.click(within(unlock).getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByRole('button', { name: 'Lock' }, SLOW)).toBeTruthy();
    expect(bodyOf(fetchMock, 'POST', `/api/studies/${STUDY_ID}/locks`)).toEqual({
      scope: 'form',
      participantId: PARTICIPANT_ID,
      formRecordId: FORM_RECORD_ID,
    });
    expect(bodyOf(fetchMock, 'POST', `/api/studies/${STUDY_ID}/locks/${LOCK_ID}/unlock`)).toEqual({
      reason: 'Query on item 1',
    });
  });

  it('marks generated demo data as SYNTHETIC', async () => {
    stubFetch(
      formRoutes('monitor', {
        [`GET ${RECORD_URL}`]: { status: 200, body: formRecordBody({ synthetic: true }) },
      }),
    );
    renderFormPage();
    await itemBox('q1');
    expect(screen.getByText('SYNTHETIC')).toBeTruthy();
  });
});
