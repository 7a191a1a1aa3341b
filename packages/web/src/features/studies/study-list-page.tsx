import { Code, EmptyState, Paper } from '@mantine/core';
import { LoadingBlock } from '../../ui/loading-block.js';
import { PageHeader } from '../../ui/page-header.js';
import { QueryError } from '../../ui/query-error.js';
import { StudyTable } from './study-table.js';
import { useStudies } from './use-studies.js';

/** All studies the user may open. */
export function StudyListPage() {
  const studies = useStudies();
  const count = studies.data?.studies.length;
  return (
    <>
      <PageHeader
        title="Studies"
        description={
          count === undefined
            ? 'Studies you hold a role in.'
            : `${count} ${count === 1 ? 'study' : 'studies'}`
        }
      />
      {studies.isPending && <LoadingBlock label="Loading studies…" />}
      {studies.isError && (
        <QueryError
          title="Could not load studies"
          error={studies.error}
          onRetry={() => void studies.refetch()}
        />
      )}
      {studies.data && studies.data.studies.length === 0 && (
        <Paper p="xl">
          <EmptyState
            title="No studies yet"
            description={
              <>
                Protocols in <Code>protocols/</Code> are loaded at start-up.
              </>
            }
          />
        </Paper>
      )}
      {studies.data && studies.data.studies.length > 0 && (
        <Paper>
          <StudyTable studies={studies.data.studies} />
        </Paper>
      )}
    </>
  );
}
