// The browser test of the analysis page (issue 7): creates a small NCT04821479 data set through the API (three
// participants screened, signed and enrolled, ALSFRS-R at screening, month-3 run-in, first injection, interim and
// second injection), then opens the Analysis section as the administrator (blinded) and checks the status banner,
// the plots (SVG) and the run-in versus treatment table. Screenshot: test-results/screenshots/analysis.png.
import { expect, test, type APIRequestContext } from '@playwright/test';
import path from 'node:path';
import { E2E_ADMIN_PASSWORD } from './playwright.config.js';

test.use({ viewport: { width: 1280, height: 900 } });

const SCREENSHOTS = path.resolve(import.meta.dirname, '../test-results/screenshots');

function shiftDays(base: string, days: number): string {
  const date = new Date(`${base}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** ALSFRS-R item values adding up to `total` (items at 4, then lowered one point at a time). */
function alsfrsValues(total: number): Record<string, unknown> {
  const items = ['q1', 'q2', 'q3', 'q4', 'q5a', 'q6', 'q7', 'q8', 'q9', 'q10', 'q11', 'q12'];
  const scores = items.map(() => 4);
  for (let missing = 48 - total, i = 0; missing > 0; missing--, i = (i + 1) % items.length) {
    scores[i] = (scores[i] ?? 4) - 1;
  }
  return { gastrostomy: false, ...Object.fromEntries(items.map((id, i) => [id, scores[i]])) };
}

async function call(api: APIRequestContext, method: 'get' | 'post' | 'put', url: string, data?: unknown) {
  const res = await api[method](url, data === undefined ? {} : { data });
  expect(res.ok(), `${method.toUpperCase()} ${url}: ${res.status()} ${await res.text()}`).toBe(true);
  return res.json() as Promise<Record<string, unknown>>;
}

async function seedStudy(api: APIRequestContext): Promise<string> {
  await call(api, 'post', '/api/auth/login', { username: 'admin', password: E2E_ADMIN_PASSWORD });
  const { studies } = (await call(api, 'get', '/api/studies')) as {
    studies: { id: string; registryIds: string[] }[];
  };
  const study = studies.find((s) => s.registryIds.includes('NCT04821479'));
  expect(study).toBeDefined();
  const studyId = study?.id ?? '';
  const { sites } = (await call(api, 'get', `/api/studies/${studyId}/sites`)) as { sites: { id: string }[] };
  const today = new Date().toISOString().slice(0, 10);
  const scr = shiftDays(today, -300);
  const visits = [
    ['scr', 0],
    ['run-in-m3', 91],
    ['inj-1', 182],
    ['interim', 227],
    ['inj-2', 273],
  ] as const;
  const courses = [
    [44, 42, 40, 40, 39],
    [40, 37, 35, 34, 34],
    [46, 45, 43, 43, 42],
  ];
  for (const course of courses) {
    const p = (await call(api, 'post', `/api/studies/${studyId}/participants`, { siteId: sites[0]?.id })) as {
      id: string;
    };
    const base = `/api/studies/${studyId}/participants/${p.id}`;
    const screening = (await call(api, 'put', `${base}/screening`, {
      expectedRevision: 0,
      data: {
        assessmentDate: scr,
        birthDate: '1970-05-01',
        sex: 'male',
        diagnosis: {
          condition: 'ALS',
          elEscorial: 'definite',
          symptomOnsetDate: shiftDays(scr, -400),
          diagnosisDate: shiftDays(scr, -200),
        },
        alsfrsR: { total: course[0] },
        labs: { hbsAg: 'negative', hcvAb: 'negative', hivAb: 'negative' },
        conditions: [],
        manualChecks: { 'inc-3': true, 'exc-1': false },
      },
    })) as { revision: number };
    await call(api, 'post', '/api/auth/reauthenticate', { password: E2E_ADMIN_PASSWORD });
    await call(api, 'post', `${base}/eligibility/confirm`, { recordRevision: screening.revision });
    for (const [k, [visitKey, day]] of visits.entries()) {
      const visit = (await call(api, 'put', `${base}/visits/${visitKey}`, {
        status: 'done',
        actualDate: shiftDays(scr, day),
        outOfWindowReason: 'e2e test data on fixed offsets',
        expectedRowVersion: 0,
      })) as { visitId: string };
      await call(api, 'put', `${base}/visits/${visit.visitId}/forms/alsfrs-r`, {
        values: alsfrsValues(course[k] ?? 40),
        expectedVersion: 0,
      });
    }
  }
  return studyId;
}

test('the analysis page shows the data status, plots and the run-in vs treatment comparison', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const studyId = await seedStudy(page.request);
  await page.goto(`/studies/${studyId}/analysis`);
  await expect(page.getByText('Current data, not locked')).toBeVisible({ timeout: 20_000 });
  for (const name of [
    'ALSFRS-R total: individual trajectories',
    'ALSFRS-R total: mean by visit with 95 % CI',
    'Slope change per participant (treatment − run-in)',
  ]) {
    await expect(page.getByRole('figure', { name }).locator('svg').first()).toBeVisible();
  }
  const table = page.getByRole('table', { name: /progression rate .*ALSFRSr: summary/i });
  await expect(table).toContainText('3');
  await expect(page.getByText(/regression to the mean/i).first()).toBeVisible();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'analysis.png'), fullPage: true });
  const report = await page.request.get(`/api/studies/${studyId}/analysis/report.html`);
  expect(report.ok()).toBe(true);
  expect(await report.text()).toContain('CURRENT DATA, NOT LOCKED');
});
