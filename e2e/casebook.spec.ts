// The browser test of issue 5: on a synthetic demo participant (npm start loads them; the e2e server runs
// `serve --demo`), record a due visit, enter an ALSFRS-R form whose soft edit check raises a query, answer and
// close the query, verify the source data, sign with the password, and lock the form.
import { expect, test, type Page } from '@playwright/test';
import { E2E_ADMIN_PASSWORD } from './playwright.config.js';

test.describe.configure({ mode: 'serial' });
test.use({ viewport: { width: 1280, height: 900 } });

interface VisitRow {
  visitKey: string;
  name: string;
  status: string;
  visitId: string | null;
  forms: { formKey: string }[];
}
interface Target {
  studyId: string;
  participantId: string;
  visit: VisitRow;
}

async function signIn(page: Page) {
  await page.goto('/');
  await page.getByRole('textbox', { name: 'Username' }).fill('admin');
  await page.getByRole('textbox', { name: 'Password' }).fill(E2E_ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeHidden();
}

/** A synthetic ALS participant with an unrecorded visit whose window is open today and which collects ALSFRS-R. */
async function findTarget(page: Page): Promise<Target> {
  const studies = (await (await page.request.get('/api/studies')).json()) as { studies: { id: string }[] };
  for (const study of studies.studies) {
    const list = (await (
      await page.request.get(`/api/studies/${study.id}/participants?status=enrolled`)
    ).json()) as {
      participants: { id: string; synthetic: boolean }[];
    };
    for (const p of list.participants) {
      const casebook = (await (
        await page.request.get(`/api/studies/${study.id}/participants/${p.id}/casebook`)
      ).json()) as { visits: VisitRow[]; synthetic: boolean };
      const visit = casebook.visits.find(
        (v) => v.status === 'due' && v.visitId === null && v.forms.some((f) => f.formKey === 'alsfrs-r'),
      );
      if (visit !== undefined && casebook.synthetic) {
        return { studyId: study.id, participantId: p.id, visit };
      }
    }
  }
  throw new Error('no synthetic demo participant has a due visit with an ALSFRS-R form');
}

const today = () => new Date().toISOString().slice(0, 10);

test('ALSFRS-R entry with a soft-check query, SDV, e-signature and lock', async ({ page }) => {
  await signIn(page);
  const target = await findTarget(page);
  await page.goto(`/studies/${target.studyId}/participants/${target.participantId}/casebook`);
  await expect(page.getByText('SYNTHETIC').first()).toBeVisible();

  // Record the due visit today.
  const row = page
    .getByRole('table', { name: 'Visits' })
    .getByRole('row')
    .filter({ hasText: target.visit.name })
    .first();
  await row.getByRole('button', { name: 'Record visit' }).click();
  const visitDialog = page.getByRole('dialog');
  await visitDialog.getByLabel('Visit date').fill(today());
  await visitDialog.getByRole('button', { name: 'Save visit' }).click();
  await expect(visitDialog).toBeHidden();

  // Open the ALSFRS-R form at that visit and enter it: gastrostomy with swallowing scored normal (a soft check).
  await row.getByRole('link', { name: 'ALSFRS-R' }).click();
  await page.getByLabel('Does the participant have a gastrostomy?', { exact: true }).selectOption('true');
  const scores: Record<string, string> = {
    '1. Speech': '3',
    '2. Salivation': '3',
    '3. Swallowing': '4',
    '4. Handwriting': '2',
    '5b. Cutting food and handling utensils (alternate scale for patients with gastrostomy)': '2',
    '6. Dressing and hygiene': '2',
    '7. Turning in bed and adjusting bed clothes': '3',
    '8. Walking': '2',
    '9. Climbing stairs': '1',
    '10. Dyspnea': '3',
    '11. Orthopnea': '4',
    '12. Respiratory insufficiency': '4',
  };
  for (const [label, value] of Object.entries(scores)) {
    await page.getByLabel(label, { exact: true }).selectOption(value);
  }
  // The browser computes the total live: 3+3+4+2+2+2+3+2+1+3+4+4 = 33.
  await expect(page.getByRole('table', { name: 'Derived scores' })).toContainText('33');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page).toHaveURL(/\/forms\/[0-9a-f-]{36}/);

  // The soft check raised a query on item 3; the site answers it, the monitor role closes it.
  const item3 = page.locator('[data-item="q3"]');
  await item3.getByRole('button', { name: /Queries \(1 open\)/ }).click();
  const drawer = page.getByRole('dialog', { name: /Queries: 3\. Swallowing/ });
  await expect(drawer).toContainText('gastrostomy');
  await drawer
    .getByLabel('Message')
    .fill('Prophylactic gastrostomy; the participant still eats normally (source: clinic note).');
  await drawer.getByRole('button', { name: 'Answer' }).click();
  await expect(drawer).toContainText(/answered/i);
  await drawer.getByLabel('Message').fill('Confirmed against the clinic note.');
  await drawer.getByRole('button', { name: 'Close query' }).click();
  await expect(drawer).toContainText(/closed/i);
  await page.keyboard.press('Escape');

  // Source data verification of every item.
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(page.locator('[data-item="q1"]')).toContainText('Verified');
  await expect(page.locator('[data-item="q12"]')).toContainText('Verified');

  // Investigator e-signature with the password.
  await page.getByRole('button', { name: 'Sign', exact: true }).click();
  const signDialog = page.getByRole('dialog');
  await signDialog.getByRole('textbox', { name: 'Password' }).fill(E2E_ADMIN_PASSWORD);
  await signDialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByText(/signed by/i).first()).toBeVisible();

  // Data manager lock: the form can no longer be saved.
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  const lockDialog = page.getByRole('dialog');
  await lockDialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByRole('button', { name: 'Unlock', exact: true })).toBeVisible();
  await expect(page.getByText(/must unlock it before any change/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeHidden();
  await expect(page.getByLabel('1. Speech', { exact: true })).toBeDisabled();
});
