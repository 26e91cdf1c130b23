// CSV for spreadsheets an analyst will open: quoted where needed, and safe against formula
// injection (a cell starting with = + - @ tab or CR is prefixed with ' so it stays text).

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  const line = (cells: readonly (string | number | null | undefined)[]) =>
    cells.map((c) => quote(neutraliseCell(c === null || c === undefined ? '' : String(c)))).join(',');
  return [line(header), ...rows.map(line)].join('\r\n') + '\r\n';
}
