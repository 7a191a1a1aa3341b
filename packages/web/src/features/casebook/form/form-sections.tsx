import type { FormDefinition, FormIssue, FormItem } from '@celltrial/core';
import { Box, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { FormCheck } from './form-check.js';
import type { FormDraft } from './form-draft.js';
import { FormItemInput } from './form-item-input.js';

export interface FormSectionsProps {
  definition: FormDefinition;
  draft: FormDraft;
  check: FormCheck;
  /** Problems the server named on the last save (422 FORM_INVALID), by item. */
  serverIssues: ReadonlyMap<string, readonly FormIssue[]>;
  onText: (itemId: string, text: string) => void;
  onUnit: (itemId: string, unit: string) => void;
  readOnly: boolean;
  /** Controls beside an item (queries, verification, history). */
  itemAside?: ((item: FormItem) => ReactNode) | undefined;
}

function messages(issues: readonly FormIssue[]): string | undefined {
  const unique = [...new Set(issues.map((issue) => issue.message))];
  return unique.length === 0 ? undefined : unique.join('; ');
}

function Description({ item, warnings }: { item: FormItem; warnings: readonly FormIssue[] }) {
  if (item.help === undefined && warnings.length === 0) {
    return null;
  }
  return (
    <>
      {item.help}
      {warnings.map((warning) => (
        <Text key={warning.message} span display="block" size="xs" c="orange.8">
          ⚠ {warning.message} (saved with a query)
        </Text>
      ))}
    </>
  );
}

/** The form's sections and their shown items (skip logic applied), each with its errors and warnings. */
export function FormSections(props: FormSectionsProps) {
  const { definition, draft, check, serverIssues, onText, onUnit, readOnly, itemAside } = props;
  return (
    <Stack gap="md">
      {definition.sections.map((section) => {
        const items = section.items.filter((item) => check.shown.has(item.id));
        if (items.length === 0) {
          return null;
        }
        const titleId = `section-${section.id}`;
        return (
          <Paper key={section.id} p="md" component="section" aria-labelledby={titleId}>
            <Title order={3} fz="h5" id={titleId} mb="sm">
              {section.title}
            </Title>
            <Stack gap="sm">
              {items.map((item) => {
                const errors = [
                  ...(check.errorsByItem.get(item.id) ?? []),
                  ...(serverIssues.get(item.id) ?? []),
                ];
                const warnings = check.warningsByItem.get(item.id) ?? [];
                const description = <Description item={item} warnings={warnings} />;
                return (
                  <Group
                    key={item.id}
                    align="flex-start"
                    justify="space-between"
                    wrap="nowrap"
                    data-item={item.id}
                  >
                    <Box style={{ flex: 1, minWidth: 0 }}>
                      <FormItemInput
                        item={item}
                        text={draft.text[item.id] ?? ''}
                        unit={draft.units[item.id] ?? ''}
                        onText={(text) => onText(item.id, text)}
                        onUnit={(unit) => onUnit(item.id, unit)}
                        error={messages(errors)}
                        description={
                          item.help === undefined && warnings.length === 0 ? undefined : description
                        }
                        required={item.required === true}
                        readOnly={readOnly}
                      />
                    </Box>
                    {itemAside !== undefined && (
                      <Group gap={4} wrap="nowrap" mt={24}>
                        {itemAside(item)}
                      </Group>
                    )}
                  </Group>
                );
              })}
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}
