import { MEDICATION_CLASSES, MEDICATION_NAMES } from '@celltrial/core';
import {
  Autocomplete,
  Button,
  Checkbox,
  Chip,
  CloseButton,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Tooltip,
} from '@mantine/core';
import { newRowKey, type MedicationDraft } from './screening-draft.js';
import { DateField, FormSection, errorAt, type SectionProps } from './screening-inputs.js';
import { MEDICATION_CLASS_LABELS } from './screening-labels.js';

function MedicationRow(props: SectionProps & { index: number; medication: MedicationDraft }) {
  const { index, medication, change, problems } = props;
  const n = index + 1;
  const at = (field: string) => errorAt(problems, `medications[${index}].${field}`);
  const set = (patch: Partial<MedicationDraft>) =>
    change((current) => ({
      ...current,
      medications: current.medications.map((row, i) => (i === index ? { ...row, ...patch } : row)),
    }));
  const remove = () =>
    change((current) => ({ ...current, medications: current.medications.filter((_, i) => i !== index) }));
  return (
    <Paper p="xs" bg="gray.0" withBorder={false}>
      <Group gap="xs" align="flex-start" wrap="nowrap">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" verticalSpacing={4} style={{ flex: 1 }}>
          <Autocomplete
            label="Medication"
            aria-label={`Medication ${n}`}
            placeholder="Generic name"
            data={[...MEDICATION_NAMES]}
            value={medication.name}
            onChange={(name) => set({ name })}
            error={at('name')}
          />
          <DateField
            label="Started"
            ariaLabel={`Medication ${n} start`}
            value={medication.startDate}
            onChange={(startDate) => set({ startDate })}
            error={at('startDate')}
          />
          <DateField
            label="Dose stable since"
            ariaLabel={`Medication ${n} dose stable since`}
            value={medication.doseStableSince}
            onChange={(doseStableSince) => set({ doseStableSince })}
            error={at('doseStableSince')}
          />
          <DateField
            label="Stopped (blank = still taken)"
            ariaLabel={`Medication ${n} stop`}
            value={medication.stopDate}
            onChange={(stopDate) => set({ stopDate })}
            error={at('stopDate')}
          />
        </SimpleGrid>
        <CloseButton mt={26} aria-label={`Remove medication ${n}`} onClick={remove} />
      </Group>
      <Group gap="xs" mt={6} align="center">
        <Chip.Group multiple value={medication.classes} onChange={(classes) => set({ classes })}>
          {Object.entries(MEDICATION_CLASSES).map(([code, description]) => (
            <Tooltip key={code} label={description} openDelay={400}>
              <div>
                <Chip value={code} size="xs" variant="outline">
                  {MEDICATION_CLASS_LABELS[code] ?? code}
                </Chip>
              </div>
            </Tooltip>
          ))}
        </Chip.Group>
        <Checkbox
          size="xs"
          label="Planned during the study"
          checked={medication.planned}
          onChange={(event) => {
            const planned = event.currentTarget.checked;
            set({ planned });
          }}
        />
      </Group>
      {at('classes') && (
        <Text size="xs" c="red">
          {at('classes')}
        </Text>
      )}
    </Paper>
  );
}

/** Medications screening asks about (riluzole, edaravone, immunosuppressants, investigational products …). */
export function MedicationsSection(props: SectionProps) {
  const { draft, change } = props;
  const add = () =>
    change((current) => ({
      ...current,
      noMedications: false,
      medications: [
        ...current.medications,
        {
          key: newRowKey(),
          name: '',
          classes: [],
          startDate: '',
          doseStableSince: '',
          stopDate: '',
          planned: false,
        },
      ],
    }));
  return (
    <FormSection
      title="Medications"
      aside="Current and past medications the criteria ask about; blank stop date = still taken."
    >
      <Stack gap="xs">
        {draft.medications.map((medication, index) => (
          <MedicationRow key={medication.key} {...props} index={index} medication={medication} />
        ))}
        {draft.medications.length === 0 && (
          <Checkbox
            label="Asked: takes and took none of these medications"
            checked={draft.noMedications}
            onChange={(event) => {
              const noMedications = event.currentTarget.checked;
              change((current) => ({ ...current, noMedications }));
            }}
          />
        )}
        <Group>
          <Button variant="light" size="compact-sm" onClick={add}>
            Add medication
          </Button>
        </Group>
      </Stack>
    </FormSection>
  );
}
