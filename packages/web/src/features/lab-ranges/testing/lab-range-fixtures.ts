// Test-only: API bodies of the lab-ranges endpoints (shapes from @celltrial/contracts). Never imported by the app.
import { SITE_PNUYH, STUDY_ID } from '../../participants/testing/participant-fixtures.js';
import type { SiteLabRangeView, SiteLabRangesResponse } from '../lab-ranges-api.js';

export { SITE_PNUYH, STUDY_ID };

export const LAB_RANGES_URL = `/api/studies/${STUDY_ID}/sites/${SITE_PNUYH.id}/lab-ranges`;

let nextId = 1;
const id = () => `00000000-0000-4000-8000-${String(0x100 + nextId++).padStart(12, '0')}`;

export function rangeView(overrides: Partial<SiteLabRangeView> & Pick<SiteLabRangeView, 'test' | 'unit'>) {
  return {
    id: id(),
    lln: null,
    uln: null,
    sex: null,
    ageMin: null,
    ageMax: null,
    source: null,
    createdAt: '2026-02-01T09:30:00.000Z',
    ...overrides,
  } satisfies SiteLabRangeView;
}

// Limits as a site lab might document them; the odd decimals check that nothing is rounded for display.
export const HB_FEMALE = rangeView({
  test: 'hemoglobin',
  unit: 'g/L',
  lln: 120,
  uln: 155.5,
  sex: 'female',
  ageMin: 18,
  source: 'PNUYH lab manual 2026',
});
export const HB_MALE = rangeView({
  test: 'hemoglobin',
  unit: 'g/L',
  lln: 130,
  uln: 170,
  sex: 'male',
  ageMin: 18,
});
export const ALT = rangeView({ test: 'alt', unit: 'ukat/L', uln: 0.583, source: 'IFCC 37 °C' });

export function rangesBody(
  ranges: readonly SiteLabRangeView[] = [HB_FEMALE, HB_MALE, ALT],
): SiteLabRangesResponse {
  return { siteId: SITE_PNUYH.id, ranges: [...ranges] };
}
