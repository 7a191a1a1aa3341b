import { createTheme, type MantineColorsTuple } from '@mantine/core';

// A muted clinical navy: calm, high-contrast text on white, no decorative colour.
const navy: MantineColorsTuple = [
  '#eef3f9',
  '#dce5f0',
  '#b4c8e0',
  '#8aaad0',
  '#6891c3',
  '#5281bb',
  '#4679b8',
  '#3767a2',
  '#2d5b91',
  '#1f4a7c',
];

/** The celltrial Mantine theme: compact controls and dense tables for data-heavy screens. */
export const theme = createTheme({
  primaryColor: 'navy',
  primaryShade: { light: 8, dark: 5 },
  colors: { navy },
  defaultRadius: 'sm',
  fontFamily: 'Inter, "Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  fontFamilyMonospace: '"JetBrains Mono", "SFMono-Regular", Menlo, Consolas, monospace',
  headings: { fontWeight: '600' },
  cursorType: 'pointer',
  components: {
    Table: {
      defaultProps: { verticalSpacing: 6, horizontalSpacing: 'sm', fz: 'sm', tabularNums: true },
      styles: {
        th: {
          backgroundColor: 'var(--mantine-color-gray-0)',
          color: 'var(--mantine-color-gray-7)',
          fontSize: 'var(--mantine-font-size-xs)',
          fontWeight: 600,
          textTransform: 'uppercase',
          letterSpacing: '0.03em',
          whiteSpace: 'nowrap',
        },
      },
    },
    Badge: { defaultProps: { radius: 'sm', variant: 'light' } },
    Paper: { defaultProps: { withBorder: true, radius: 'sm' } },
    Alert: { defaultProps: { radius: 'sm' } },
  },
});
