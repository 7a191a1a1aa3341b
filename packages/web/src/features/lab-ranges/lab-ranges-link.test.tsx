// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithApp } from '../../testing/render-app.js';
import { SITE_SNUH } from '../participants/testing/participant-fixtures.js';
import { StudySitesTable } from '../studies/study-sites-table.js';
import { SITE_PNUYH, STUDY_ID } from './testing/lab-range-fixtures.js';

afterEach(cleanup);

describe('StudySitesTable lab ranges link', () => {
  it('links each site to its laboratory reference ranges without changing the row text', () => {
    renderWithApp(<StudySitesTable sites={[SITE_PNUYH, SITE_SNUH]} />);
    const [, pnuyh, snuh] = within(screen.getByRole('table', { name: 'Sites' })).getAllByRole('row');
    expect(
      within(pnuyh ?? document.body)
        .getByRole('link', { name: 'Lab ranges' })
        .getAttribute('href'),
    ).toBe(`/studies/${STUDY_ID}/sites/${SITE_PNUYH.id}/lab-ranges`);
    expect(
      within(snuh ?? document.body)
        .getByRole('link', { name: 'Lab ranges' })
        .getAttribute('href'),
    ).toBe(`/studies/${SITE_SNUH.studyId}/sites/${SITE_SNUH.id}/lab-ranges`);
    expect(pnuyh?.textContent).toBe('PNUYHPusan National University Yangsan HospitalSouth Korea');
  });
});
