import type { CurrentProtocolResponse } from '@celltrial/contracts';
import { Grid, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { ArmsSection } from './arms-section.js';
import { DesignSection } from './design-section.js';
import { EligibilitySection } from './eligibility-section.js';
import { InterventionsSection } from './interventions-section.js';
import { OutcomesSection } from './outcomes-section.js';
import { ProtocolVersionPanel } from './protocol-version-panel.js';
import { RecordFacts } from './record-facts.js';
import { ReferencesSection } from './references-section.js';

export interface ProtocolOverviewProps {
  studyId: string;
  current: CurrentProtocolResponse;
  /** The sites block (from the sites API), placed after the outcome measures. */
  sites: ReactNode;
}

/** The registry record of a study, laid out like a ClinicalTrials.gov record page. */
export function ProtocolOverview({ studyId, current, sites }: ProtocolOverviewProps) {
  const { protocol } = current;
  return (
    <Grid gap="md" align="flex-start">
      <Grid.Col span={{ base: 12, lg: 8 }} order={{ base: 2, lg: 1 }}>
        <Stack gap="md">
          <DesignSection protocol={protocol} />
          <ArmsSection protocol={protocol} />
          <InterventionsSection interventions={protocol.interventions} />
          <EligibilitySection eligibility={protocol.eligibility} />
          <OutcomesSection endpoints={protocol.endpoints} />
          {sites}
          {protocol.references && protocol.references.length > 0 && (
            <ReferencesSection references={protocol.references} />
          )}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 4 }} order={{ base: 1, lg: 2 }}>
        <Stack gap="md">
          <RecordFacts protocol={protocol} />
          <ProtocolVersionPanel studyId={studyId} current={current.current} />
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
