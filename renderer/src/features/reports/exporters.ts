// Report exports: a table as CSV (formula-injection safe, see shared/export/csv.ts) and a chart
// as PNG (its SVG drawn onto a canvas at twice the size, on white, with the app's font).
import { toCsv } from '../../../../shared/export/csv';
import { exportFile, spreadsheetCsv } from '../../app/exportFile';

export interface TableData {
  name: string;
  header: string[];
  rows: (string | number | null)[][];
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export function saveTableCsv(table: TableData, stamp: string): Promise<boolean> {
  return exportFile({
    kind: 'csv',
    suggestedName: `${slug(table.name)}-${stamp}.csv`,
    filters: [{ name: 'CSV', extensions: ['csv'] }],
    data: spreadsheetCsv(toCsv(table.header, table.rows)),
    rows: table.rows.length,
    what: `report table: ${table.name}`,
  });
}

const area = (e: Element) => {
  const r = e.getBoundingClientRect();
  return r.width * r.height;
};

/** Renders the chart's SVG to PNG bytes. */
export async function chartPng(container: HTMLElement, title = ''): Promise<Blob> {
  // The chart's own surface is the largest SVG in the box (legend icons are small SVGs too).
  const svg = [...container.querySelectorAll('svg')].sort((a, b) => area(b) - area(a))[0];
  if (!svg) throw new Error('The chart has not been drawn yet');
  const { width, height } = svg.getBoundingClientRect();
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.setAttribute('style', `font-family: ${getComputedStyle(document.documentElement).fontFamily}; font-size: 12px; background: #fff`);
  // Legends are HTML next to the SVG in recharts; draw them under the chart as text.
  const legend = [...container.querySelectorAll('.recharts-legend-item')].map((li) => ({
    text: li.textContent ?? '',
    color:
      [...li.querySelectorAll('path, rect, line')]
        .map((e) => [e.getAttribute('fill'), e.getAttribute('stroke')])
        .flat()
        .find((c) => c && c !== 'none') ?? '#333',
  }));
  const legendHeight = legend.length ? 22 : 0;
  const top = title ? 26 : 0;
  const url = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(clone)], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('The chart could not be drawn as an image'));
      img.src = url;
    });
    const scale = 2;
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(width * scale);
    canvas.height = Math.ceil((top + height + legendHeight) * scale);
    const ctx = canvas.getContext('2d')!;
    ctx.scale(scale, scale);
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, width, top + height + legendHeight);
    const font = getComputedStyle(document.documentElement).fontFamily;
    if (title) {
      ctx.fillStyle = '#1c2430';
      ctx.font = `600 14px ${font}`;
      ctx.fillText(title, 10, 18);
    }
    ctx.drawImage(img, 0, top, width, height);
    ctx.translate(0, top);
    ctx.font = `12px ${font}`;
    let x = 10;
    for (const item of legend) {
      ctx.fillStyle = item.color;
      ctx.fillRect(x, height + 6, 10, 10);
      ctx.fillStyle = '#1c2430';
      ctx.fillText(item.text, x + 14, height + 15);
      x += 24 + ctx.measureText(item.text).width;
    }
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The chart image is empty'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

export async function saveChartPng(container: HTMLElement, name: string, stamp: string): Promise<boolean> {
  const png = await chartPng(container, name);
  return exportFile({
    kind: 'png',
    suggestedName: `${slug(name)}-${stamp}.png`,
    filters: [{ name: 'PNG image', extensions: ['png'] }],
    data: png,
    rows: null,
    what: `report chart: ${name}`,
  });
}
