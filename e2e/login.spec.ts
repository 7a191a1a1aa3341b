// The browser smoke test of issue 2: sign in as the first-run admin, see the study list, sign out.
import { expect, test, type Page } from '@playwright/test';
import { E2E_ADMIN_PASSWORD } from './playwright.config.js';

test.describe.configure({ mode: 'serial' });

async function signIn(page: Page, password: string) {
  await page.getByRole('textbox', { name: 'Username' }).fill('admin');
  await page.getByRole('textbox', { name: 'Password' }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('a wrong password shows the server’s reason and stays on the sign-in page', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
  await signIn(page, 'not-the-password');
  await expect(page.getByRole('alert')).toContainText(/wrong username or password/i);
  await expect(page).toHaveURL(/\/login/);
});

test('the admin signs in, sees the study list, and signs out', async ({ page }) => {
  await page.goto('/studies');
  await expect(page).toHaveURL(/\/login\?next=%2Fstudies$/);
  await signIn(page, E2E_ADMIN_PASSWORD);

  await expect(page).toHaveURL(/\/studies$/);
  await expect(page.getByRole('heading', { name: 'Studies', exact: true })).toBeVisible();
  await expect(
    page.getByRole('table', { name: 'Studies' }).or(page.getByText('No studies yet')),
  ).toBeVisible();

  await page.getByRole('button', { name: 'Administrator' }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();

  // The session is gone on the server too: the study list sends us back to sign in.
  await page.goto('/studies');
  await expect(page).toHaveURL(/\/login\?next=/);
});
