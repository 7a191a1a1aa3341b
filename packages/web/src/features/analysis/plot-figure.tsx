import { Button, Group, Paper, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { downloadPng, downloadSvg } from './downloads.js';

export interface PlotFigureProps {
  title: string;
  /** File name stem of the downloads. */
  fileName: string;
  /** Builds the chart; called again when `deps` change. */
  render: () => SVGSVGElement;
  deps: readonly unknown[];
  legend?: ReactNode;
  caption?: ReactNode;
}

/** A chart with its title, legend and "SVG" / "PNG" download buttons. */
export function PlotFigure({ title, fileName, render, deps, legend, caption }: PlotFigureProps) {
  const holder = useRef<HTMLDivElement>(null);
  const [svg, setSvg] = useState<SVGSVGElement | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const node = holder.current;
    if (node === null) {
      return undefined;
    }
    try {
      const chart = render();
      chart.setAttribute('role', 'img');
      chart.setAttribute('aria-label', title);
      node.replaceChildren(chart);
      setSvg(chart);
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
    return () => node.replaceChildren();
  }, deps);
  return (
    <Paper p="md" component="figure" m={0} aria-label={title}>
      <Group justify="space-between" mb="xs">
        <Title order={3} fz="h5">
          {title}
        </Title>
        <Group gap="xs">
          <Button
            size="compact-xs"
            variant="default"
            disabled={svg === null}
            onClick={() => svg && downloadSvg(svg, fileName)}
          >
            SVG
          </Button>
          <Button
            size="compact-xs"
            variant="default"
            disabled={svg === null}
            onClick={() => svg && void downloadPng(svg, fileName)}
          >
            PNG
          </Button>
        </Group>
      </Group>
      {legend}
      {error !== null && (
        <Text c="red" size="sm">
          The chart could not be drawn: {error}
        </Text>
      )}
      <div ref={holder} style={{ overflowX: 'auto' }} />
      {caption !== undefined && (
        <Text size="xs" c="dimmed" component="figcaption">
          {caption}
        </Text>
      )}
    </Paper>
  );
}
