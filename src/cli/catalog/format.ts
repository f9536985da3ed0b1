// Plain-text tables for the terminal. Server text (names, authors, comments, CRNs) is shown with
// its control characters replaced, so a flow name cannot drive the terminal.
import { withoutControls } from '../../core/catalog/serverText';

export { withoutControls };

export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)));
  rows = rows.map((row) => row.map((cell) => withoutControls(cell)));
  const line = (cells: string[]): string =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column])))
      .join('  ')
      .trimEnd();
  return [line(headers), ...rows.map(line)].join('\n') + '\n';
}

export function formatTime(epochMs: number | undefined): string {
  if (epochMs === undefined) return '';
  return new Date(epochMs).toISOString().replace('T', ' ').replace(/:\d\d\.\d+Z$/, ' UTC');
}

export function oneLine(text: string | undefined, max = 60): string {
  const flat = withoutControls((text ?? '').replace(/\s+/g, ' ').trim());
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
