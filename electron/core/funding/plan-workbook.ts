import type ExcelJS from 'exceljs';
import { loadExcelJs } from '../exceljs';
import type { PlanImportRow } from '@shared/contract/funding';
import { MoneyDecimal, formatPence } from '@shared/domain/money';
import { parseTypedAmount } from '@shared/domain/money-parse';
import { invalid } from './validate';

/** The headers recognised for each column of an action plan workbook (compared case-insensitively). */
const HEADERS = {
  priority: ['priority', 'hub priority', 'priorities'],
  activity: ['activity', 'activities', 'description'],
  cost: ['cost', 'planned cost', 'cost (£)', 'amount', 'planned spend', 'budget'],
  category: ['category', 'network category', 'spend category'],
} as const;
type Column = keyof typeof HEADERS;

/** A cell as text, whatever Excel stored: rich text, formulas (their cached result), hyperlinks, dates. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return String(value.error);
  }
  return String(value);
}

function cellNumber(value: ExcelJS.CellValue): number | null {
  if (typeof value === 'number') return value;
  if (value !== null && typeof value === 'object' && 'result' in value && typeof value.result === 'number') return value.result;
  return null;
}

function normalise(s: string): string {
  return s.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** A cost cell: a number is taken exactly (to the penny); text goes through the typed-amount parser. */
function readCost(value: ExcelJS.CellValue): Pick<PlanImportRow, 'costText' | 'pence' | 'confirm'> & { problem: string | null } {
  const n = cellNumber(value);
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

/**
 * Reads an action plan workbook: the first sheet with Priority, Activity, Cost and Category headers
 * (within its first 20 rows). Blank rows are skipped; every other row is returned with its problems.
 */
export async function readPlanWorkbook(content: Buffer, categories: { id: number; name: string }[]): Promise<PlanWorkbook> {
  const workbook = new (await loadExcelJs()).Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch (e) {
    throw invalid('contentBase64', `the file could not be read as an Excel workbook (.xlsx): ${(e as Error).message}`);
  }
  const byName = new Map(categories.map((c) => [normalise(c.name), c]));
  const seen: string[] = [];
  for (const sheet of workbook.worksheets) {
    for (let r = 1; r <= Math.min(sheet.rowCount, 20); r++) {
      const row = sheet.getRow(r);
      const columns: Partial<Record<Column, number>> = {};
      row.eachCell((cell, col) => {
        const text = normalise(cellText(cell.value));
        for (const key of Object.keys(HEADERS) as Column[]) {
          if (columns[key] === undefined && (HEADERS[key] as readonly string[]).includes(text)) columns[key] = col;
        }
      });
      if (columns.priority === undefined || columns.activity === undefined || columns.cost === undefined || columns.category === undefined) {
        continue;
      }
      const cols = columns as Record<Column, number>;
      const rows: PlanImportRow[] = [];
      for (let i = r + 1; i <= sheet.rowCount; i++) {
        const line = sheet.getRow(i);
        const text = (c: Column) => cellText(line.getCell(cols[c]).value).replace(/\s+/g, ' ').trim();
        const priority = text('priority');
        const activity = text('activity');
        const category = text('category');
        const costValue = line.getCell(cols.cost).value;
        if (priority === '' && activity === '' && category === '' && cellText(costValue).trim() === '') continue;
        const cost = readCost(costValue);
        const problems: string[] = [];
        if (priority === '') problems.push('the priority is empty');
        if (activity === '') problems.push('the activity is empty');
        if (cost.problem) problems.push(cost.problem);
        const found = byName.get(normalise(category));
        if (category === '') problems.push('the category is empty');
        else if (!found) problems.push(`“${category}” is not a spend category (${categories.map((c) => c.name).join(', ')})`);
        rows.push({
          row: i,
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
  throw invalid(
    'contentBase64',
    `no sheet has the columns Priority, Activity, Cost and Category in its first 20 rows (sheets: ${seen.join(', ') || 'none'})`,
  );
}

/** A suggested figure, for messages. */
export function suggestion(pence: number | null): string {
  return pence === null ? '' : ` (it may mean ${formatPence(pence)})`;
}
