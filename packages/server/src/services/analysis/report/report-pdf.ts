import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

/** Where Chromium is expected: CELLTRIAL_CHROMIUM, else Debian's /usr/bin/chromium. */
export function chromiumPath(): string {
  return process.env['CELLTRIAL_CHROMIUM'] ?? '/usr/bin/chromium';
}

export type PdfOutcome =
  { kind: 'ok'; pdf: Buffer } | { kind: 'unavailable'; executablePath: string; reason: string };

/**
 * Prints the self-contained report HTML to PDF (A4) with headless Chromium. `unavailable` when the browser is
 * missing or cannot start, so the route can answer 503 with a clear message.
 */
export async function renderPdf(html: string): Promise<PdfOutcome> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    return { kind: 'unavailable', executablePath, reason: 'not installed' };
  }
  let browser;
  try {
    browser = await chromium.launch({
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    });
  } catch (error) {
    return {
      kind: 'unavailable',
      executablePath,
      reason: `cannot start: ${(error as Error).message.split('\n')[0] ?? ''}`,
    };
  }
  try {
    const page = await browser.newPage();
    // The report loads nothing from outside: block any request so a PDF never depends on the network.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      margin: { top: '12mm', bottom: '12mm', left: '10mm', right: '10mm' },
    });
    return { kind: 'ok', pdf };
  } finally {
    await browser.close();
  }
}
