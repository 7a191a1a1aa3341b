// The browser test of issue 6: NCT06598202's 3+3 escalation board on the demo's first cohort (the e2e server runs
// `serve --demo 4`). Two participants get signed "no DLT" assessments through the API; in the browser the
// investigator records a DLT for the third, signs it with the password, sees the engine's decision change from
// "cohort incomplete" to "expand to 6", and confirms the decision.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { E2E_ADMIN_PASSWORD } from './playwright.config.js';

test.describe.configure({ mode: 'serial' });
test.use({ viewport: { width: 1280, height: 900 } });

interface BoardParticipant {
  participantId: string;
  participantNumber: string;
  status: string;
  firstDoseDate: string | null;
  windowEnd: string | null;
}
interface Board {
  cohorts: { cohort: number; participants: BoardParticipant[]; decision: string | null }[];
}
interface CasebookVisit {
  visitKey: string;
  rowVersion: number;
}

const isoDay = (offsetDays: number, from = new Date()): string =>
  new Date(from.getTime() + offsetDays * 86_400_000).toISOString().slice(0, 10);

async function signIn(page: Page) {
  await page.goto('/');
  await page.getByRole('textbox', { name: 'Username' }).fill('admin');
  await page.getByRole('textbox', { name: 'Password' }).fill(E2E_ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeHidden();
}

async function ok(response: Awaited<ReturnType<APIRequestContext['get']>>, what: string): Promise<unknown> {
  if (!response.ok()) {
    throw new Error(`${what}: ${response.status()} ${await response.text()}`);
  }
  return response.json();
}

async function studyIdOf(request: APIRequestContext, code: string): Promise<string> {
  const body = (await ok(await request.get('/api/studies'), 'studies')) as {
    studies: { id: string; code: string }[];
  };
  const study = body.studies.find((s) => s.code === code);
  if (study === undefined) {
    throw new Error(`study ${code} is not loaded`);
  }
  return study.id;
}

async function board(request: APIRequestContext, studyId: string): Promise<Board> {
  return (await ok(await request.get(`/api/studies/${studyId}/escalation`), 'board')) as Board;
}

/** Moves the first nasal drop 15 days back when the demo's DLT window is not complete yet (or no dose recorded). */
async function completeWindow(request: APIRequestContext, base: string, p: BoardParticipant) {
  const today = isoDay(0);
  if (p.windowEnd !== null && p.windowEnd <= today) {
    return;
  }
  const casebook = (await ok(await request.get(`${base}/casebook`), 'casebook')) as {
    visits: CasebookVisit[];
  };
  const visit = casebook.visits.find((v) => v.visitKey === 'dose-1');
  await ok(
    await request.put(`${base}/visits/dose-1`, {
      data: {
        status: 'done',
        actualDate: isoDay(-15),
        outOfWindowReason: 'e2e: DLT window completed for the test',
        expectedRowVersion: visit?.rowVersion ?? 0,
        ...((visit?.rowVersion ?? 0) > 0 ? { reasonForChange: 'e2e: first drop date moved back' } : {}),
      },
    }),
    'record dose-1',
  );
}

test('3+3 board: a signed DLT makes cohort 1 "expand to 6", and the investigator confirms it', async ({
  page,
}) => {
  await signIn(page);
  const request = page.request;
  const studyId = await studyIdOf(request, 'nct06598202');
  const participantBase = (id: string) => `/api/studies/${studyId}/participants/${id}`;

  // Set-up through the API: complete DLT windows, and signed "no DLT" assessments for two of the three.
  const initial = await board(request, studyId);
  const cohort = initial.cohorts.find((c) => c.cohort === 1);
  expect(cohort?.participants).toHaveLength(3);
  const [target, ...others] = cohort?.participants ?? [];
  if (target === undefined) {
    throw new Error('cohort 1 is empty');
  }
  for (const p of cohort?.participants ?? []) {
    await completeWindow(request, participantBase(p.participantId), p);
  }
  for (const p of others) {
    await ok(
      await request.put(`${participantBase(p.participantId)}/dlt-assessment`, {
        data: { dlt: false, expectedVersion: 0 },
      }),
      'save no-DLT assessment',
    );
  }
  await ok(
    await request.post('/api/auth/reauthenticate', { data: { password: E2E_ADMIN_PASSWORD } }),
    'reauthenticate',
  );
  for (const p of others) {
    await ok(
      await request.post(`${participantBase(p.participantId)}/dlt-assessment/sign`, { data: { version: 1 } }),
      'sign no-DLT assessment',
    );
  }
  const firstDose = (await board(request, studyId)).cohorts[0]?.participants.find(
    (p) => p.participantId === target.participantId,
  )?.firstDoseDate;
  if (firstDose === null || firstDose === undefined) {
    throw new Error('the target participant has no first dose');
  }
  const dltDate = isoDay(2, new Date(`${firstDose}T12:00:00Z`));

  // The board in the browser (Dosing → Escalation board): one participant pending, no decision yet.
  await page.goto(`/studies/${studyId}/dosing`);
  await page.getByRole('link', { name: 'Escalation board →' }).click();
  await expect(page.getByRole('heading', { name: 'Escalation board' })).toBeVisible();
  const decision = page.getByRole('status', { name: 'Cohort 1 decision' });
  await expect(decision).toHaveText(/Cohort incomplete/);
  await expect(page.getByRole('note').filter({ hasText: 'pending' })).toBeVisible();

  // The investigator records a DLT for the target participant and signs it with the password.
  const row = page
    .getByRole('table', { name: 'Cohort 1 participants' })
    .getByRole('row')
    .filter({ hasText: target.participantNumber });
  await expect(row.getByText('Pending', { exact: true })).toBeVisible();
  await row.getByRole('button', { name: 'Record DLT assessment' }).click();
  const dialog = page.getByRole('dialog', { name: `DLT assessment: ${target.participantNumber}` });
  await dialog.getByRole('radio', { name: 'Yes', exact: true }).check();
  await dialog.getByLabel('DLT onset date').fill(dltDate);
  await dialog.getByLabel('Comment').fill('Grade 3 epistaxis after the second drop (e2e)');
  await dialog.getByRole('button', { name: 'Save and sign' }).click();
  const signDialog = page.getByRole('dialog', { name: `Sign DLT assessment: ${target.participantNumber}` });
  await expect(signDialog).toContainText('dose-limiting toxicity assessment');
  await signDialog.getByRole('textbox', { name: 'Password' }).fill(E2E_ADMIN_PASSWORD);
  await signDialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(signDialog).toBeHidden();
  await expect(dialog).toBeHidden();

  // The engine's decision changed: 1 DLT in 3 evaluable → expand the low dose to 6.
  await expect(decision).toHaveText(/Expand to 6 at Low dose/);
  await expect(row.getByText('DLT', { exact: true })).toBeVisible();
  await expect(row).toContainText('signed by');

  // The investigator confirms the decision (password again); the board names who confirmed it.
  await page.getByRole('button', { name: 'Confirm decision' }).click();
  const review = page.getByRole('dialog', { name: 'Confirm decision: cohort 1' });
  await expect(review).toContainText('1 DLT(s) in 3 evaluable participant(s)');
  await review.getByRole('button', { name: 'Continue' }).click();
  const password = page.getByRole('dialog', { name: 'Sign decision: cohort 1' });
  await password.getByRole('textbox', { name: 'Password' }).fill(E2E_ADMIN_PASSWORD);
  await password.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByText(/Confirmed by .* on /)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Confirm decision' })).toBeHidden();
  await expect(page.getByRole('status', { name: 'Next step' })).toContainText('Low dose');
});
