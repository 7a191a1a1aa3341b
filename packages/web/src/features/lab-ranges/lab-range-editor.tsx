import { Alert, Button, Group, List, Stack, Table, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import { displayMessage, fieldIssuesOf } from '../../lib/api-error.js';
import type { SiteLabRangeView, SiteRef } from './lab-ranges-api.js';
import {
  buildSaveBody,
  draftChanges,
  emptyRow,
  problemsFromIssues,
  rowFromRange,
  type DraftProblems,
  type DraftRow,
} from './lab-range-draft.js';
import { labTestName, sortRanges } from './lab-range-labels.js';
import { LabRangeRow } from './lab-range-row.js';
import { useSaveSiteLabRanges } from './use-lab-ranges.js';

export interface LabRangeEditorProps {
  site: SiteRef;
  saved: readonly SiteLabRangeView[];
}

const draftOf = (ranges: readonly SiteLabRangeView[]): DraftRow[] => sortRanges(ranges).map(rowFromRange);

const testList = (tests: readonly string[]): string =>
  tests.map((test) => (test === '' ? 'a new row without a test' : labTestName(test))).join(', ');

/** Without a problem of `field` (and of the row as a whole) at `key`: the user has just edited it. */
function withoutProblem(problems: DraftProblems, key: string, fields: readonly string[]): DraftProblems {
  const row = problems[key];
  if (row === undefined) {
    return problems;
  }
  const rest = Object.fromEntries(
    Object.entries(row).filter(([field]) => field !== 'row' && !fields.includes(field)),
  );
  return { ...problems, [key]: rest };
}

/**
 * The study administrator's editor: the current ranges as a draft to edit, add to or remove from. Save sends every
 * draft row of each test that changed (the server replaces ranges test by test and keeps the earlier ones as
 * retired); on an error the draft stays as it is, with the server's problems at their row and field.
 */
export function LabRangeEditor({ site, saved }: LabRangeEditorProps) {
  const [draft, setDraft] = useState<DraftRow[]>(() => draftOf(saved));
  const [problems, setProblems] = useState<DraftProblems>({});
  const [errors, setErrors] = useState<string[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const nextKey = useRef(1);
  const save = useSaveSiteLabRanges(site);
  const changes = draftChanges(saved, draft);
  const blocked = changes.clearedTests.length > 0;

  const update = (row: DraftRow) => {
    const before = draft.find((r) => r.key === row.key);
    const edited = Object.keys(row).filter(
      (field) => before?.[field as keyof DraftRow] !== row[field as keyof DraftRow],
    );
    setDraft((rows) => rows.map((r) => (r.key === row.key ? row : r)));
    setProblems((current) => withoutProblem(current, row.key, edited));
    setNotice(null);
  };
  const add = () => {
    setDraft((rows) => [...rows, emptyRow(`new-${nextKey.current++}`)]);
    setNotice(null);
  };
  const remove = (key: string) => {
    setDraft((rows) => rows.filter((r) => r.key !== key));
    setNotice(null);
  };
  const discard = () => {
    setDraft(draftOf(saved));
    setProblems({});
    setErrors([]);
  };
  const submit = () => {
    const body = buildSaveBody(saved, draft);
    if (body.kind === 'unchanged') {
      return;
    }
    if (body.kind === 'invalid') {
      setProblems(body.problems);
      setErrors(['Some ranges are incomplete or hold text that is not a number; nothing was sent.']);
      return;
    }
    const sentTests = [...new Set(body.ranges.map((r) => r.test))];
    save.mutate(
      { ranges: body.ranges },
      {
        onSuccess: (result) => {
          setDraft(draftOf(result.ranges));
          setProblems({});
          setErrors([]);
          setNotice(`Saved the ranges of ${testList(sentTests)}. The earlier ones are kept as retired.`);
        },
        onError: (error) => {
          const placed = problemsFromIssues(fieldIssuesOf(error), body.keys);
          setProblems(placed.rows);
          setErrors([displayMessage(error), ...placed.general]);
        },
      },
    );
  };

  return (
    <Stack gap="sm">
      {errors.length > 0 && (
        <Alert color="red" title="The ranges were not saved">
          <List size="sm">
            {errors.map((message) => (
              <List.Item key={message}>{message}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {notice && (
        <Alert color="green" role="status">
          {notice}
        </Alert>
      )}
      <Table.ScrollContainer minWidth={1000}>
        <Table aria-label="Reference range draft">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Test</Table.Th>
              <Table.Th w={150}>Unit</Table.Th>
              <Table.Th w={95}>LLN</Table.Th>
              <Table.Th w={95}>ULN</Table.Th>
              <Table.Th w={95}>Sex</Table.Th>
              <Table.Th w={85}>Age from (y)</Table.Th>
              <Table.Th w={85}>Age below (y)</Table.Th>
              <Table.Th>Source</Table.Th>
              <Table.Th w={80} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {draft.map((row, index) => (
              <LabRangeRow
                key={row.key}
                row={row}
                position={index + 1}
                problems={problems[row.key]}
                onChange={update}
                onRemove={() => remove(row.key)}
              />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {blocked && (
        <Alert color="yellow" title="Every range of a test removed">
          The server replaces ranges test by test, so removing all ranges of {testList(changes.clearedTests)}{' '}
          cannot be saved: put a range back for it (or discard the changes).
        </Alert>
      )}
      <Text size="sm" c="dimmed" role="status" aria-label="Pending changes">
        {changes.changedTests.length === 0
          ? 'No changes to save.'
          : `Saving replaces the current ranges of ${testList(changes.changedTests)} with the rows above.`}
      </Text>
      <Group gap="sm">
        <Button variant="default" onClick={add}>
          Add range
        </Button>
        <Button
          onClick={submit}
          loading={save.isPending}
          disabled={changes.changedTests.length === 0 || blocked}
        >
          Save ranges
        </Button>
        <Button variant="subtle" onClick={discard} disabled={changes.changedTests.length === 0 && !blocked}>
          Discard changes
        </Button>
      </Group>
    </Stack>
  );
}
