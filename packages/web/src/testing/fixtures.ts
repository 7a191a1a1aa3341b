// Canned API payloads for component tests (shapes from @celltrial/contracts).
import type { SessionResponse, StudySummary } from '@celltrial/contracts';

export const ADMIN_SESSION: SessionResponse = {
  user: {
    id: '00000000-0000-4000-8000-000000000001',
    username: 'admin',
    displayName: 'Ada Admin',
    isSystemAdmin: true,
    grants: [],
  },
  session: { expiresAt: '2026-11-22T12:00:00.000Z', idleExpiresAt: '2026-11-22T10:30:00.000Z' },
};

export const SAMPLE_STUDY: StudySummary = {
  id: '00000000-0000-4000-8000-0000000000aa',
  code: 'MSC-ALS-01',
  registryIds: ['NCT01234567', 'EU-CT 2024-500000-01-00'],
  title: 'Intrathecal mesenchymal stem cells in amyotrophic lateral sclerosis',
  phase: '2',
  status: 'recruiting',
  conditions: ['Amyotrophic lateral sclerosis'],
  siteCount: 3,
};
