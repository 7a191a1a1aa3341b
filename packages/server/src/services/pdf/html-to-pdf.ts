import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { AppError } from '../../errors/app-error.js';

/** Where Chromium is expected: CELLTRIAL_CHROMIUM, else Debian's /usr/bin/chromium. */
export function chromiumPath(): string {
  return process.env['CELLTRIAL_CHROMIUM'] ?? '/usr/bin/chromium';
}

function unavailable(executablePath: string, reason: string): AppError {
  return new AppError(
    'PDF_RENDERER_UNAVAILABLE',
    `the PDF needs Chromium at ${executablePath} (${reason}); install it (apt-get install chromium) or set CELLTRIAL_CHROMIUM — the HTML report works without it`,
    { executablePath, reason },
  );
}

/** Prints HTML to an A4 PDF with headless Chromium; 503 PDF_RENDERER_UNAVAILABLE when it is missing or fails to start. */
export async function htmlToPdf(html: string): Promise<Buffer> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw unavailable(executablePath, 'not installed');
  }
  let browser;
  try {
    browser = await chromium.launch({
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    });
  } catch (error) {
    throw unavailable(executablePath, `cannot start: ${(error as Error).message.split('\n')[0] ?? ''}`);
  }
  try {
    const page = await browser.newPage();
    // The report is self-contained: refuse every request so the PDF never depends on the network.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      margin: { top: '12mm', bottom: '12mm', left: '10mm', right: '10mm' },
    });
  } finally {
    await browser.close();
  }
}
