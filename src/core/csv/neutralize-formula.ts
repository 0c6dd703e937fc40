/**
 * A spreadsheet opening a CSV runs any cell starting with = + - @ (or a tab or CR that it strips
 * first) as a formula. Exported cells echo what people and uploaded files typed (names, companies,
 * column names, messages), so such a cell gets a leading single quote and is shown as text. Every
 * CSV export (leads, accounts, audit log, import reports) passes its cells through this.
 */
export function neutralizeFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}
