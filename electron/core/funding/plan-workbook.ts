import type { PlanImportRow } from '@shared/contract/funding';
import { MoneyDecimal, formatPence } from '@shared/domain/money';
import { parseTypedAmount } from '@shared/domain/money-parse';
import { readSpreadsheet } from '../imports/files/read';
import { cellText, type CellValue } from '../imports/files/cells';
import { FileRefused } from '../imports/files/refused';

/** The headers recognised for each column of an action plan workbook (compared case-insensitively). */
const HEADERS = {
  priority: ['priority', 'hub priority', 'priorities'],
  activity: ['activity', 'activities', 'description'],
  cost: ['cost', 'planned cost', 'cost (£)', 'amount', 'planned spend', 'budget'],
  category: ['category', 'network category', 'spend category'],
} as const;
type Column = keyof typeof HEADERS;

/** A plan has a few dozen lines; far more is not an action plan. */
export const MAX_PLAN_LINES = 2_000;

function normalise(s: string): string {
  return s.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** A cost cell: a number is taken exactly (to the penny); text goes through the typed-amount parser. */
function readCost(value: CellValue): Pick<PlanImportRow, 'costText' | 'pence' | 'confirm'> & { problem: string | null } {
  const n = typeof value === 'number' ? value : null;
  if (n !== null) {
    const pounds = new MoneyDecimal(String(n));
    const costText = pounds.toString();
    if (pounds.isNegative()) return { costText, pence: null, confirm: null, problem: `the cost ${costText} is negative` };
    if (pounds.decimalPlaces() > 2) {
      const suggested = pounds.times(100).toDecimalPlaces(0).toNumber();
      return { costText, pence: null, confirm: { reason: 'more than 2 decimal places', suggestedPence: suggested }, problem: null };
    }
    return { costText, pence: pounds.times(100).toNumber(), confirm: null, problem: null };
  }
  const costText = cellText(value).trim();
  if (costText === '') return { costText, pence: null, confirm: null, problem: 'the cost is empty' };
  const parsed = parseTypedAmount(costText);
  if (parsed.kind === 'exact') return { costText, pence: parsed.pence, confirm: null, problem: null };
  return { costText, pence: null, confirm: { reason: parsed.reason, suggestedPence: parsed.suggestedPence }, problem: null };
}

export interface PlanWorkbook {
  sheet: string;
  rows: PlanImportRow[];
}

const ADVICE = 'Save the action plan from Excel or LibreOffice as .xlsx (or .ods).';

/**
 * Reads an action plan workbook (in the import worker): the first sheet with Priority, Activity,
 * Cost and Category headers (within its first 20 rows). Blank rows are skipped; every other row is
 * returned with its problems.
 */
export async function readPlanWorkbook(content: Buffer, fileName: string, categories: { id: number; name: string }[]): Promise<PlanWorkbook> {
  const workbook = await readSpreadsheet(content, fileName, { advice: ADVICE, csv: false });
  const byName = new Map(categories.map((c) => [normalise(c.name), c]));
  const seen: string[] = [];
  for (const sheet of workbook.sheets) {
    for (let h = 0; h < Math.min(sheet.rows.length, 20); h++) {
      const header = sheet.rows[h]!;
      if (header.row > 20) break;
      const columns: Partial<Record<Column, number>> = {};
      header.cells.forEach((cell, i) => {
        const text = normalise(cellText(cell));
        for (const key of Object.keys(HEADERS) as Column[]) {
          if (columns[key] === undefined && (HEADERS[key] as readonly string[]).includes(text)) columns[key] = i;
        }
      });
      if (columns.priority === undefined || columns.activity === undefined || columns.cost === undefined || columns.category === undefined) continue;
      const cols = columns as Record<Column, number>;
      const rows: PlanImportRow[] = [];
      for (const line of sheet.rows.slice(h + 1)) {
        const value = (c: Column): CellValue => line.cells[cols[c]] ?? null;
        const text = (c: Column) => cellText(value(c)).replace(/\s+/g, ' ').trim();
        const priority = text('priority');
        const activity = text('activity');
        const category = text('category');
        const costValue = value('cost');
        if (priority === '' && activity === '' && category === '' && cellText(costValue).trim() === '') continue;
        if (rows.length >= MAX_PLAN_LINES) {
          throw new FileRefused(`${fileName} is refused: sheet “${sheet.name}” has more than ${MAX_PLAN_LINES.toLocaleString('en-GB')} plan lines, far more than a hub's action plan. Check that this is the right file.`);
        }
        const cost = readCost(costValue);
        const problems: string[] = [];
        if (priority === '') problems.push('the priority is empty');
        if (activity === '') problems.push('the activity is empty');
        if (cost.problem) problems.push(cost.problem);
        const found = byName.get(normalise(category));
        if (category === '') problems.push('the category is empty');
        else if (!found) problems.push(`“${category}” is not a spend category (${categories.map((c) => c.name).join(', ')})`);
        rows.push({
          row: line.row,
          priority,
          activity,
          costText: cost.costText,
          category: found?.name ?? category,
          categoryId: found?.id ?? null,
          pence: cost.pence,
          confirm: cost.confirm,
          problems,
        });
      }
      return { sheet: sheet.name, rows };
    }
    seen.push(sheet.name);
  }
  throw new FileRefused(`${fileName}: no sheet has the columns Priority, Activity, Cost and Category in its first 20 rows (sheets: ${seen.join(', ') || 'none'}).`);
}

/** A suggested figure, for messages. */
export function suggestion(pence: number | null): string {
  return pence === null ? '' : ` (it may mean ${formatPence(pence)})`;
}
