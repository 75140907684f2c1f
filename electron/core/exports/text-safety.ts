/**
 * Formula injection. Text that came from imported data — school names, WWWs,
 * EBIs, claim descriptions, anything a person or a file typed — is never evaluated by a spreadsheet.
 *
 * **Policy** (one place, one test: tests/integration/export-safety.test.ts):
 * 1. Every such text is written as a *string* cell (never as a formula: exceljs writes a formula only
 *    for a `{ formula }` value, and the exporters never build one), as stored — nothing is added, so
 *    the workbook says what the database says. The one change is what a workbook cannot hold: a
 *    carriage return (alone or before a line feed) becomes a line break, as XML readers would read it
 *    anyway, and other control characters (not tab or line break) are dropped (`cellText`).
 * 2. A text that starts with one of the trigger characters below also gets the Text number format
 *    (`@`). A string cell is already shown as text on opening; the Text format keeps it text when a
 *    person edits the cell (F2, Enter), which would otherwise turn `=HYPERLINK(...)` into a formula.
 * 3. The workbooks carry no hyperlinks and no external links at all.
 */
export const FORMULA_TRIGGERS: readonly string[] = ['=', '+', '-', '@', '\t', '\r'];

/** The Text number format: what Excel and LibreOffice keep as text when the cell is edited. */
export const TEXT_FORMAT = '@';

/** The text a cell holds: CR and CRLF as line breaks; control characters other than tab and line break removed. */
export function cellText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}

/** True when a text would be read as a formula (or a DDE payload) if a spreadsheet re-evaluated it. */
export function looksLikeFormula(text: string): boolean {
  return text.length > 0 && FORMULA_TRIGGERS.includes(text[0]!);
}
