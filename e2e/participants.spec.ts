// The browser test of issue 4 (web part): register a candidate in NCT04745299 (ALSUMMIT, randomized 1:2:2,
// masked), fill the screening record so that every criterion speaks for the candidate (the live check must say
// eligible before saving), save, confirm eligibility with the password (e-signature), randomize with
// confirmation, and see the neutral kit code but never the arm (the admin is blinded).
// Screenshots go to test-results/screenshots/ (not committed).
import { expect, test, type Locator, type Page } from '@playwright/test';
import path from 'node:path';
import { E2E_ADMIN_PASSWORD } from './playwright.config.js';

test.describe.configure({ mode: 'serial' });
test.use({ viewport: { width: 1280, height: 900 } });

const SCREENSHOTS = path.resolve(import.meta.dirname, '../test-results/screenshots');
const ARM_NAMES = [/single cycle/i, /multiple administration/i, /control group/i, /sham/i, /placebo/i];

async function signIn(page: Page) {
  await page.getByRole('textbox', { name: 'Username' }).fill('admin');
  await page.getByRole('textbox', { name: 'Password' }).fill(E2E_ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function capture(page: Page, name: string) {
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** `YYYY-MM-DD` of `base` shifted by whole days (UTC calendar arithmetic). */
function shiftDays(base: string, days: number): string {
  const date = new Date(`${base}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function shiftYears(base: string, years: number): string {
  const date = new Date(`${base}T00:00:00Z`);
  date.setUTCFullYear(date.getUTCFullYear() + years);
  return date.toISOString().slice(0, 10);
}

const field = (scope: Page | Locator, label: string) => scope.getByLabel(label, { exact: true });

/**
 * A realistic eligible ALSUMMIT candidate (docs/screening-record.md): 50-year-old man with clinically definite
 * sporadic ALS, onset 14 months and diagnosis 12 months before screening, ALSFRS-R 44 → 40 over 17 weeks
 * (4 points / 3.91 months = 1.02 points/month, inside 0.515–1.545), FVC 85 % predicted, riluzole for 200 days,
 * normal laboratory values, negative serology, none of the catalogued conditions, no prior cell therapy.
 */
async function fillEligibleRecord(page: Page, assessment: string) {
  await field(page, 'Assessment date').fill(assessment);
  await field(page, 'Birth date').fill(shiftDays(shiftYears(assessment, -50), -90));
  await field(page, 'Sex').selectOption('male');
  await field(page, 'Weight').fill('70');
  await field(page, 'Height').fill('172');

  await field(page, 'Disease').selectOption('ALS');
  await field(page, 'El Escorial category').selectOption('definite');
  await field(page, 'Familial disease').selectOption('no');
  await field(page, 'Symptom onset').fill(shiftDays(assessment, -426));
  await field(page, 'Diagnosis date').fill(shiftYears(assessment, -1));

  await field(page, 'ALSFRS-R total at screening').fill('40');
  await page.getByRole('button', { name: 'Add earlier ALSFRS-R' }).click();
  await field(page, 'Earlier ALSFRS-R date 1').fill(shiftDays(assessment, -119));
  await field(page, 'Earlier ALSFRS-R total 1').fill('44');
  await expect(page.getByText(/decline 1\.02 points\/month/)).toBeVisible();
  await field(page, 'FVC').fill('85');

  const labs: Record<string, string> = {
    Creatinine: '0.8',
    ALT: '0.6',
    AST: '0.7',
    Bilirubin: '0.5',
    PT: '1.0',
    aPTT: '1.0',
  };
  for (const [label, value] of Object.entries(labs)) {
    await field(page, label).fill(value);
  }
  for (const label of ['HBsAg', 'Anti-HCV', 'Anti-HIV', 'CMV IgM', 'EBV IgM', 'HSV IgM', 'Syphilis Ab']) {
    await field(page, label).selectOption('negative');
  }

  await page.getByLabel('Asked: none of the catalogued conditions').check();
  await field(page, 'Prior cell therapy').selectOption('no');
  await page.getByRole('button', { name: 'Add medication' }).click();
  await field(page, 'Medication 1').fill('riluzole');
  await field(page, 'Medication 1 start').fill(shiftDays(assessment, -200));
}

async function answerManualChecks(page: Page) {
  const checks = page.getByRole('region', { name: 'Investigator checks' });
  const radios = checks.getByRole('radio', { name: /(Met|Does not apply)$/ });
  const count = await radios.count();
  expect(count).toBeGreaterThan(0);
  for (let index = 0; index < count; index += 1) {
    await radios.nth(index).check();
  }
}

test('the admin screens, enrolls and randomizes a candidate; the arm stays hidden', async ({ page }) => {
  test.setTimeout(90_000); // a long form on a 2-core machine
  await page.goto('/studies');
  await signIn(page);
  await page.getByRole('link', { name: 'nct04745299', exact: true }).click();
  const nav = page.getByRole('navigation', { name: 'Study sections' });
  await nav.getByRole('link', { name: 'Participants' }).click();
  await expect(page.getByRole('heading', { name: 'Participants' })).toBeVisible();

  // Register a candidate at PNUYH: the server gives a site-prefixed screening number.
  await page.getByRole('button', { name: 'Register candidate' }).click();
  const registerDialog = page.getByRole('dialog', { name: 'Register a screening candidate' });
  await registerDialog
    .getByLabel('Site')
    .selectOption({ label: 'PNUYH — Pusan National University Yangsan Hospital' });
  await registerDialog.getByRole('button', { name: 'Register' }).click();
  await expect(page).toHaveURL(/\/participants\/[0-9a-f-]{36}$/);
  const heading = page.getByRole('main').getByRole('heading', { level: 2 });
  await expect(heading).toContainText(/PNUYH-S\d{3}/);
  const screeningNumber = /PNUYH-S\d{3}/.exec((await heading.textContent()) ?? '')?.[0] ?? '';

  // An empty record is incomplete: nothing is decided without data.
  const verdict = page.getByRole('status', { name: 'Live verdict' });
  await expect(verdict).toHaveText('Incomplete');

  const assessment = new Date().toISOString().slice(0, 10);
  await fillEligibleRecord(page, assessment);
  await expect(verdict).toHaveText('Incomplete'); // the investigator's checks are still open
  await answerManualChecks(page);
  await expect(verdict).toHaveText('Eligible');
  for (const list of ['Inclusion criteria', 'Exclusion criteria']) {
    const items = page.getByRole('list', { name: list }).getByRole('listitem');
    const expected = list === 'Inclusion criteria' ? 'met' : 'not-met';
    for (const item of await items.all()) {
      await expect(item).toHaveAttribute('data-status', expected);
    }
  }
  await capture(page, 'screening-form-eligible');

  await page.getByRole('button', { name: 'Save screening record' }).click();
  await expect(page.getByText('Revision 1 saved')).toBeVisible();
  const summary = page.getByRole('region', { name: 'Participant summary' });
  await expect(summary).toContainText('Eligible');

  // The investigator's e-signature: the password again, with the meaning of the signature.
  await page.getByRole('button', { name: 'Confirm eligibility and enroll' }).click();
  const sign = page.getByRole('dialog', { name: 'Sign: eligibility confirmation' });
  await expect(sign).toContainText(
    'I confirm that this participant meets all inclusion criteria and no exclusion criterion of the protocol.',
  );
  await sign.getByRole('textbox', { name: 'Password' }).fill(E2E_ADMIN_PASSWORD);
  await sign.getByRole('button', { name: 'Sign and enroll' }).click();
  await expect(heading).toContainText(/PNUYH-\d{3}/);
  await expect(heading).toContainText('Enrolled');
  const subjectNumber = /PNUYH-\d{3}/.exec((await heading.textContent()) ?? '')?.[0] ?? '';
  await expect(page.getByText(/Screening is closed/)).toBeVisible();

  // Randomize with a confirmation that names the participant; the dialog shows the neutral kit code only.
  await page.getByRole('button', { name: 'Randomize…' }).click();
  const confirm = page.getByRole('dialog', { name: `Randomize ${subjectNumber}?` });
  await expect(confirm).toContainText(screeningNumber);
  await confirm.getByRole('button', { name: `Randomize ${subjectNumber}` }).click();
  const done = page.getByRole('dialog', { name: 'Randomized' });
  const kit = done.getByTestId('kit-code');
  await expect(kit).toHaveText(/\S+/);
  const kitCode = ((await kit.textContent()) ?? '').trim();
  await expect(done).not.toContainText('Arm');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'randomized-dialog.png') });
  await done.getByRole('button', { name: 'Close' }).click();

  await expect(summary.getByLabel('Kit code')).toHaveText(kitCode);
  await expect(page.getByRole('button', { name: 'Randomize…' })).toHaveCount(0);
  for (const arm of ARM_NAMES) {
    await expect(page.locator('main')).not.toContainText(arm);
  }
  await capture(page, 'participant-randomized');

  // The list: numbers, status, verdict and the kit code; no arm column for a blinded user.
  await nav.getByRole('link', { name: 'Participants' }).click();
  const table = page.getByRole('table', { name: 'Participants at PNUYH' });
  const row = table.getByRole('row').filter({ hasText: screeningNumber });
  await expect(row).toContainText(subjectNumber);
  await expect(row).toContainText('Enrolled');
  await expect(row).toContainText(kitCode);
  await expect(table.getByRole('columnheader', { name: 'Arm' })).toHaveCount(0);
  await capture(page, 'participants-list');

  // The screening log counts the candidate as screened, enrolled and randomized.
  await nav.getByRole('link', { name: 'Screening' }).click();
  const flow = page.getByRole('figure', { name: 'Enrolment flow' });
  await expect(flow.getByRole('group', { name: /^Randomized: [1-9]/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Screening log' })).toContainText(screeningNumber);
  await capture(page, 'screening-log');
});
