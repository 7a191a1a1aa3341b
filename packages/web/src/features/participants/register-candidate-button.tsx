import type { Site } from '@celltrial/contracts';
import { Alert, Button, Group, Modal, NativeSelect, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { displayMessage } from '../../lib/api-error.js';
import { participantUrl } from './participant-urls.js';
import { useRegisterCandidate } from './use-participants.js';

export interface RegisterCandidateButtonProps {
  studyId: string;
  /** The sites where the user may register candidates. */
  sites: Site[];
  /** Preselected site (the list's site filter). */
  defaultSiteId?: string;
}

/** "Register candidate": pick a site; the server assigns the screening number and the form opens. */
export function RegisterCandidateButton({ studyId, sites, defaultSiteId }: RegisterCandidateButtonProps) {
  const [opened, setOpened] = useState(false);
  const [siteId, setSiteId] = useState('');
  const register = useRegisterCandidate(studyId);
  const navigate = useNavigate();
  const open = () => {
    register.reset();
    setSiteId(defaultSiteId ?? (sites.length === 1 ? (sites[0]?.id ?? '') : ''));
    setOpened(true);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (siteId === '') {
      return;
    }
    register.mutate(siteId, {
      onSuccess: (participant) => {
        setOpened(false);
        void navigate(participantUrl(studyId, participant.id));
      },
    });
  };
  return (
    <>
      <Button onClick={open} disabled={sites.length === 0}>
        Register candidate
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title="Register a screening candidate" centered>
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              The candidate gets a site-prefixed screening number; the screening form opens next.
            </Text>
            <NativeSelect
              label="Site"
              value={siteId}
              onChange={(event) => setSiteId(event.currentTarget.value)}
              data={[
                { value: '', label: 'Choose a site…' },
                ...sites.map((site) => ({ value: site.id, label: `${site.code} — ${site.name}` })),
              ]}
              required
            />
            {register.error && (
              <Alert color="red" role="alert" p="xs">
                {displayMessage(register.error)}
              </Alert>
            )}
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={() => setOpened(false)}>
                Cancel
              </Button>
              <Button type="submit" loading={register.isPending} disabled={siteId === ''}>
                Register
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
