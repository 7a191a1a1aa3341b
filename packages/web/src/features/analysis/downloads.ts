// Client-side downloads: a chart as SVG (serialized) or PNG (drawn on a canvas), a table as CSV.

function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The SVG as a standalone document (namespace and a white background added). */
export function serializeSvg(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.style.background = 'white';
  return new XMLSerializer().serializeToString(copy);
}

export function downloadSvg(svg: SVGSVGElement, fileName: string): void {
  saveBlob(new Blob([serializeSvg(svg)], { type: 'image/svg+xml' }), `${fileName}.svg`);
}

/** Draws the serialized SVG on a canvas at 2× and saves it as PNG. */
export async function downloadPng(svg: SVGSVGElement, fileName: string): Promise<void> {
  const width = svg.viewBox.baseVal.width || svg.clientWidth || 640;
  const height = svg.viewBox.baseVal.height || svg.clientHeight || 400;
  const url = URL.createObjectURL(new Blob([serializeSvg(svg)], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('the chart could not be drawn as an image'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = width * 2;
    canvas.height = height * 2;
    const context = canvas.getContext('2d');
    if (context === null) {
      throw new Error('no canvas in this browser');
    }
    context.fillStyle = 'white';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (blob !== null) {
      saveBlob(blob, `${fileName}.png`);
    }
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** RFC 4180 CSV: fields with a comma, quote or line break are quoted. */
export function toCsv(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const field = (text: string): string => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  return [headers, ...rows].map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}

export function downloadCsv(
  fileName: string,
  headers: readonly string[],
  rows: readonly (readonly string[])[],
): void {
  saveBlob(new Blob([toCsv(headers, rows)], { type: 'text/csv' }), `${fileName}.csv`);
}
