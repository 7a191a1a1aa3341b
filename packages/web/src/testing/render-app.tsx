// Test helpers: render a component inside the app's providers and a memory router.
import { render, type RenderResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { AppProviders } from '../app/app-providers.js';
import { createQueryClient } from '../lib/query-client.js';

installBrowserShims();

/** Renders `ui` with Mantine, a retry-free QueryClient and a router at `path`. */
export function renderWithApp(ui: ReactNode, options: { path?: string } = {}): RenderResult {
  const queryClient = createQueryClient({ retry: false });
  return render(
    <AppProviders queryClient={queryClient}>
      <MemoryRouter initialEntries={[options.path ?? '/']}>{ui}</MemoryRouter>
    </AppProviders>,
  );
}

/** jsdom lacks matchMedia and ResizeObserver, which Mantine uses. */
function installBrowserShims(): void {
  if (typeof window.matchMedia !== 'function') {
    window.matchMedia = (query: string) =>
      ({
        matches: false,
        media: query,
        onchange: null,
        addListener: () => undefined,
        removeListener: () => undefined,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        dispatchEvent: () => false,
      }) as MediaQueryList;
  }
  if (typeof globalThis.ResizeObserver !== 'function') {
    globalThis.ResizeObserver = class {
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    };
  }
}
