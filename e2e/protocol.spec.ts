// The browser test of issue 3 (web part): open a seed study, read its registry record, see its schedule of
// activities and a participant calendar. Screenshots go to test-results/screenshots/ (not committed).
import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { E2E_ADMIN_PASSWORD } from './playwright.config.js';

test.describe.configure({ mode: 'serial' });
test.use({ viewport: { width: 1280, height: 900 } });

const SCREENSHOTS = path.resolve(import.meta.dirname, '../test-results/screenshots');

async function signIn(page: Page, password: string) {
  await page.getByRole('textbox', { name: 'Username' }).fill('admin');
  await page.getByRole('textbox', { name: 'Password' }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The page itself never scrolls sideways at 1280 px (only the schedule grid may, inside its frame). */
/** A full-page screenshot from the top (the fixed header and navbar stay in place). */
async function capture(page: Page, name: string) {
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

async function expectNoHorizontalOverflow(page: Page) {
  const overflow = await page.evaluate<number>(
    'document.documentElement.scrollWidth - document.documentElement.clientWidth',
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

test('the admin opens NCT04821479: registry record, schedule grid and participant calendar', async ({
  page,
}) => {
  await page.goto('/studies');
  await signIn(page, E2E_ADMIN_PASSWORD);
  await expect(page.getByRole('table', { name: 'Studies' })).toBeVisible();
  await page.getByRole('link', { name: 'nct04821479', exact: true }).click();

  // Overview: the registry facts and the eligibility criteria from the protocol file.
  await expect(page).toHaveURL(/\/studies\/[0-9a-f-]{36}$/);
  const record = page.getByRole('region', { name: 'Study record' });
  await expect(record).toContainText('Phase 1/Phase 2');
  await expect(record).toContainText('20 (actual)');
  await expect(record.getByRole('link', { name: 'NCT04821479' })).toHaveAttribute(
    'href',
    'https://clinicaltrials.gov/study/NCT04821479',
  );
  const inclusion = page.getByRole('list', { name: 'Inclusion criteria' });
  await expect(inclusion.getByRole('listitem')).toHaveCount(4);
  await expect(inclusion).toContainText('ALSFRS-R ≥15 at the Screening Visit.');
  await expect(page.getByRole('list', { name: 'Exclusion criteria' }).getByRole('listitem')).toHaveCount(5);
  await expect(page.getByRole('region', { name: 'Protocol version' })).toContainText('Initial version');
  await expect(page.getByRole('table', { name: 'Sites' })).toContainText('Jerusalem');
  await expectNoHorizontalOverflow(page);
  await capture(page, 'overview');

  // Schedule: the grid with the four intrathecal injections, 3 months apart.
  await page
    .getByRole('navigation', { name: 'Study sections' })
    .getByRole('link', { name: 'Schedule' })
    .click();
  await expect(page).toHaveURL(/\/schedule$/);
  const grid = page.getByRole('table', { name: 'Schedule of activities' });
  await expect(grid).toBeVisible();
  const dosing = grid
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: /^Mesenchymal stem cells/ }) });
  await expect(dosing.getByRole('cell').filter({ hasText: '✓' })).toHaveCount(4);
  for (const day of ['Day 0', 'Day 91', 'Day 182', 'Day 273']) {
    await expect(
      grid.getByRole('columnheader').filter({ hasText: new RegExp(`injection${day}`) }),
    ).toHaveCount(1);
  }

  // Calendar for a chosen start date: screening on the start date, first injection 182 days later.
  await page.getByLabel('Start date').fill('2026-01-05');
  await expect(page).toHaveURL(/start=2026-01-05/);
  await expect(page.getByText('12 planned visits, 2026-01-05 to 2027-07-05')).toBeVisible();
  const calendar = page.getByRole('table', { name: 'Participant calendar' });
  const firstInjection = calendar
    .getByRole('row')
    .filter({ hasText: 'Visit 1 — first intrathecal MSC injection' });
  await expect(firstInjection).toContainText('Mon 2026-07-06');
  await expect(firstInjection).toContainText('2026-07-06 – 2026-07-20');
  await expect(firstInjection).toContainText('Dose: Mesenchymal stem cells (MSC)');
  await expectNoHorizontalOverflow(page);
  await capture(page, 'schedule');
  await grid.screenshot({ path: path.join(SCREENSHOTS, 'schedule-grid.png') });
  await calendar.screenshot({ path: path.join(SCREENSHOTS, 'schedule-calendar.png') });
});

test('a masked three-arm study (NCT04745299) shows per-arm dosing and an arm selector', async ({ page }) => {
  await page.goto('/studies');
  await signIn(page, E2E_ADMIN_PASSWORD);
  await page.getByRole('link', { name: 'nct04745299', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Study design' })).toContainText('Quadruple');
  await expectNoHorizontalOverflow(page);
  await capture(page, 'overview-masked');

  await page
    .getByRole('navigation', { name: 'Study sections' })
    .getByRole('link', { name: 'Schedule' })
    .click();
  const grid = page.getByRole('table', { name: 'Schedule of activities' });
  const control = grid
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: /^Control group/ }) });
  await expect(control.getByRole('cell').filter({ hasText: 'P' })).toHaveCount(5);
  await page.getByRole('combobox', { name: 'Arm' }).selectOption('single-cycle');
  await expect(page).toHaveURL(/arm=single-cycle/);
  const product = grid
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: /^Lenzumestrocel/ }) });
  await expect(product.getByRole('cell').filter({ hasText: '✓' })).toHaveCount(2);
  await expectNoHorizontalOverflow(page);
  await capture(page, 'schedule-masked');
  await grid.screenshot({ path: path.join(SCREENSHOTS, 'schedule-masked-grid.png') });
});
