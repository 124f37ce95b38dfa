/**
 * The draft decree list (daftar usulan mutasi) of an approved scenario (issue 15): one row per move, in the order of
 * the plan — NIP, name, golongan, from position and unit, to position and unit, the effective date (TMT: the first
 * of the move's month), the two units' EJ before and after the plan, the rule checks of the move (the simulator's
 * warnings, each with its regulation) and the justification in words. As XLSX (exceljs) or CSV (`;`, UTF-8 with
 * BOM and CRLF: what a spreadsheet in an Indonesian locale opens directly; every text cell neutralised against
 * formulas, lib/server/csv.ts).
 */
import ExcelJS from 'exceljs';
import type { MoveRow } from '#simulate/scenario.ts';
import type { Lang } from '../params';
import skenarioTexts from '../i18n/skenario';
import simulasiTexts from '../i18n/simulasi';
import { csvField, neutraliseFormula } from './csv';

export interface DecreeListInput {
  lang: Lang;
  scenarioName: string;
  version: number;
  approvedBy: string | null;
  approvedAt: string | null;
  baselineMonth: string;
  baselineBuild: string;
  moves: MoveRow[];
  golongan: Map<string, string>;
}

/** the cells of each row, numbers as numbers (null: no value) */
export function decreeRows(d: DecreeListInput): (string | number | null)[][] {
  const k = skenarioTexts[d.lang].xl;
  const warn = simulasiTexts[d.lang].warning;
  const ej = (v: number | null) => (v === null ? '–' : d.lang === 'id' ? v.toFixed(2).replace('.', ',') : v.toFixed(2));
  return d.moves.map((m, i) => {
    const rules = m.warnings.filter((w) => w.kind === 'warning');
    return [
      i + 1,
      m.nip,
      m.name,
      d.golongan.get(m.nip) ?? null,
      m.fromTitle,
      m.fromUnitName,
      m.toTitle,
      m.toUnitName,
      `${m.month}-01`,
      m.fromEj[0],
      m.fromEj[1],
      m.toEj[0],
      m.toEj[1],
      rules.length ? rules.map((w) => `${warn[w.code]} (${w.source})`).join('; ') : k.rulesOk,
      k.justification(m.fromUnitName, ej(m.fromEj[0]), ej(m.fromEj[1]), m.toUnitName, ej(m.toEj[0]), ej(m.toEj[1])),
    ];
  });
}

function heading(d: DecreeListInput): string[][] {
  const k = skenarioTexts[d.lang].xl;
  return [
    [k.title],
    [`${k.scenario}: ${d.scenarioName} (v${d.version})`],
    [`${k.approvedBy}: ${d.approvedBy ?? '–'}${d.approvedAt ? `, ${d.approvedAt.slice(0, 10)}` : ''}`],
    [`${k.baseline}: ${d.baselineMonth} (${d.baselineBuild})`],
  ];
}

export function decreeCsv(d: DecreeListInput): string {
  const k = skenarioTexts[d.lang].xl;
  // decimal comma in Bahasa Indonesia: what a spreadsheet in that locale reads as a number next to `;`
  // EJ to two decimals, as the dashboard shows it
  const num = (v: number) => (Number.isInteger(v) ? String(v) : d.lang === 'id' ? v.toFixed(2).replace('.', ',') : v.toFixed(2));
  const line = (cells: (string | number | null)[]) =>
    cells.map((c) => (c === null ? '' : typeof c === 'number' ? num(c) : csvField(neutraliseFormula(c)))).join(';');
  return '\uFEFF' + [...heading(d).map(line), '', line(k.header), ...decreeRows(d).map(line)].join('\r\n') + '\r\n';
}

export async function decreeXlsx(d: DecreeListInput): Promise<Uint8Array> {
  const k = skenarioTexts[d.lang].xl;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Seimbang';
  const ws = wb.addWorksheet(k.sheet, { pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  for (const h of heading(d)) ws.addRow(h);
  ws.getRow(1).font = { bold: true, size: 14 };
  ws.addRow([]);
  const headerRow = ws.addRow(k.header);
  headerRow.font = { bold: true };
  headerRow.alignment = { wrapText: true, vertical: 'top' };
  headerRow.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF5' } };
    c.border = { bottom: { style: 'thin' } };
  });
  // every text cell is written as a string value: exceljs stores it as text, never as a formula
  for (const r of decreeRows(d)) {
    const row = ws.addRow(r);
    row.alignment = { wrapText: true, vertical: 'top' };
    for (const col of [10, 11, 12, 13]) row.getCell(col).numFmt = '0.00';
  }
  const widths = [5, 21, 28, 10, 30, 30, 30, 30, 12, 10, 10, 10, 10, 45, 55];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.views = [{ state: 'frozen', ySplit: heading(d).length + 2 }];
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
