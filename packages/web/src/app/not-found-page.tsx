import { Anchor, EmptyState, Paper } from '@mantine/core';
import { Link } from 'react-router';

/** Shown for any URL the app has no page for. */
export function NotFoundPage() {
  return (
    <Paper p="xl">
      <EmptyState
        title="Page not found"
        description={
          <>
            There is no page at this address. Go to the{' '}
            <Anchor component={Link} to="/studies">
              study list
            </Anchor>
            .
          </>
        }
      />
    </Paper>
  );
}
