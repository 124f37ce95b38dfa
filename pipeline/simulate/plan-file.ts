/**
 * Plan files (docs/data-contract.md "Plan file"): JSON (a list of changes in the plan format of types.ts, or
 * {"changes": [...]}) or CSV with one change per row. Parsing checks the shape (types, numbers, months); the
 * simulator then checks each change against the state (unknown NIP or position, …). Errors name the row and the
 * column: for CSV the spreadsheet row (the header is row 1), for JSON the change's number (from 1) and field.
 */
import { parseMonth } from './months.ts';
import { CHANGE_TYPES, type Change, type Plan } from './types.ts';

export class PlanFileError extends Error {
  constructor(readonly row: number, readonly column: string, readonly problem: string) {
    super(`row ${row}, column ${column}: ${problem}`);
    this.name = 'PlanFileError';
  }
}

/** CSV columns, in the order a template lists them */
export const PLAN_CSV_COLUMNS = ['type', 'nip', 'position', 'unit', 'month', 'until', 'factor', 'workload', 'title', 'name', 'reason'] as const;

/** The CSV column that holds a change's field (to name it in errors). */
export function csvColumnOf(c: Change, field: string): string {
  if (field === 'type' || field === 'nip' || field === 'month' || field === 'factor' || field === 'workload' || field === 'title') return field;
  switch (c.type) {
    case 'move':
    case 'hire':
      return field === 'to' ? 'position' : field;
    case 'demand':
      return field === 'id' ? c.target : field === 'from' ? 'month' : field === 'to' ? 'until' : field;
    case 'add_position':
      return field === 'id' ? 'position' : field;
    case 'remove_position':
      return field === 'id' ? 'position' : field;
    default:
      return field;
  }
}

/** RFC 4180 CSV (quotes, doubled quotes, CRLF); a leading BOM is dropped */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

function month(v: unknown, row: number, column: string): string {
  if (typeof v !== 'string' || parseMonth(v) === null) throw new PlanFileError(row, column, `'${String(v ?? '')}' is not a month (YYYY-MM)`);
  return v.slice(0, 7);
}
function text(v: unknown, row: number, column: string): string {
  if (typeof v !== 'string' || v.trim() === '') throw new PlanFileError(row, column, 'is empty');
  return v.trim();
}
function number(v: unknown, row: number, column: string): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v.trim().replace(',', '.')) : NaN;
  if (!Number.isFinite(n)) throw new PlanFileError(row, column, `'${String(v ?? '')}' is not a number`);
  if (n < 0) throw new PlanFileError(row, column, `${n} is below zero`);
  return n;
}

/** One change from a record of fields; `col` maps a field to the column name used in errors. */
function changeFrom(r: Record<string, unknown>, row: number, csv: boolean): Change {
  const type = r.type;
  if (typeof type !== 'string' || !(CHANGE_TYPES as readonly string[]).includes(type)) {
    throw new PlanFileError(row, 'type', `'${String(type ?? '')}' is not one of ${CHANGE_TYPES.join(', ')}`);
  }
  const pos = csv ? 'position' : 'to';
  switch (type) {
    case 'move':
      return { type, nip: text(r.nip, row, 'nip'), to: text(csv ? r.position : r.to, row, pos), month: month(r.month, row, 'month') };
    case 'hire': {
      const c: Change = { type, nip: text(r.nip, row, 'nip'), to: text(csv ? r.position : r.to, row, pos), month: month(r.month, row, 'month') };
      if (typeof r.name === 'string' && r.name.trim()) c.name = r.name.trim();
      return c;
    }
    case 'leave': {
      const c: Change = { type, nip: text(r.nip, row, 'nip'), month: month(r.month, row, 'month') };
      if (r.reason === 'retirement' || r.reason === 'leave' || r.reason === 'other') c.reason = r.reason;
      else if (r.reason !== undefined && r.reason !== '') throw new PlanFileError(row, 'reason', `'${String(r.reason)}' is not retirement, leave or other`);
      return c;
    }
    case 'demand': {
      if (csv) {
        const unit = typeof r.unit === 'string' ? r.unit.trim() : '';
        const position = typeof r.position === 'string' ? r.position.trim() : '';
        if ((unit === '') === (position === '')) throw new PlanFileError(row, unit ? 'position' : 'unit', 'a demand change names either a unit or a position');
        const from = month(r.month, row, 'month');
        const to = r.until === undefined || r.until === '' ? from : month(r.until, row, 'until');
        return { type, target: unit ? 'unit' : 'position', id: unit || position, factor: number(r.factor, row, 'factor'), from, to };
      }
      if (r.target !== 'unit' && r.target !== 'position') throw new PlanFileError(row, 'target', `'${String(r.target ?? '')}' is neither unit nor position`);
      return { type, target: r.target, id: text(r.id, row, 'id'), factor: number(r.factor, row, 'factor'), from: month(r.from, row, 'from'), to: month(r.to, row, 'to') };
    }
    case 'add_position': {
      const c: Change = {
        type, id: text(csv ? r.position : r.id, row, csv ? 'position' : 'id'), unit: text(r.unit, row, 'unit'),
        title: typeof r.title === 'string' && r.title.trim() ? r.title.trim() : String(csv ? r.position : r.id),
        workload: number(r.workload, row, 'workload'), month: month(r.month, row, 'month'),
      };
      return c;
    }
    case 'remove_position':
      return { type, id: text(csv ? r.position : r.id, row, csv ? 'position' : 'id'), month: month(r.month, row, 'month') };
  }
  throw new PlanFileError(row, 'type', `'${type}' is not a change type`);
}

/** A JSON plan: a list of changes or {"changes": [...]}; rows are the changes' numbers from 1. */
export function parsePlanJson(textIn: string): Plan {
  let data: unknown;
  try {
    data = JSON.parse(textIn);
  } catch (e) {
    throw new PlanFileError(0, '-', `not JSON (${(e as Error).message})`);
  }
  const list = Array.isArray(data) ? data : (data as { changes?: unknown })?.changes;
  if (!Array.isArray(list)) throw new PlanFileError(0, 'changes', 'a plan is a list of changes (or {"changes": [...]})');
  return list.map((r, i) => {
    if (typeof r !== 'object' || r === null) throw new PlanFileError(i + 1, 'type', 'a change is an object');
    return changeFrom(r as Record<string, unknown>, i + 1, false);
  });
}

/** A CSV plan with a header row (PLAN_CSV_COLUMNS; unknown columns are an error). Rows as a spreadsheet counts them. */
export function parsePlanCsv(textIn: string): Plan {
  const rows = parseCsv(textIn);
  if (rows.length === 0) throw new PlanFileError(1, '-', 'the file is empty');
  const header = rows[0]!.map((h) => h.trim().toLowerCase());
  for (const h of header) if (!(PLAN_CSV_COLUMNS as readonly string[]).includes(h)) throw new PlanFileError(1, h, `unknown column (expected ${PLAN_CSV_COLUMNS.join(', ')})`);
  if (!header.includes('type')) throw new PlanFileError(1, 'type', 'the column type is missing');
  return rows.slice(1).map((cells, k) => {
    const r: Record<string, string> = {};
    header.forEach((h, i) => (r[h] = (cells[i] ?? '').trim()));
    return changeFrom(r, k + 2, true);
  });
}
