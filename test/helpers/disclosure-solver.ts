/**
 * An independent attack on published tables: for every suppressed cell, solve the integer program "what values
 * can this cell take, given every shown number, every published total and what a reader knows of hidden cells"
 * with HiGHS (min and max). Built only from what is published (DisclosedTable: shown values and statuses) and the
 * links between tables, not from pipeline/domain/disclosure.ts's own equations.
 *
 * What a reader knows: a shown cell is its value; "< k" (primary) is 1 … k−1; "·" (secondary) is 0 or ≥ k (a
 * binary variable); a hidden cell whose kind is not said (status 'unknown') is ≥ 0; every count is a whole number. A cell is recovered when its minimum equals its maximum.
 */
import highsLoader from 'highs';
import type { CellRef, DisclosedTable, Link } from '#domain/disclosure.ts';

type Highs = Awaited<ReturnType<typeof highsLoader>>;
let highs: Highs | undefined;

export interface SolvedCell {
  ref: CellRef;
  min: number;
  max: number;
}

export async function solveHiddenCells(tables: DisclosedTable[], k: number, links: Link[] = []): Promise<SolvedCell[]> {
  highs ??= await highsLoader();
  const vars: Array<{ name: string; ref: CellRef; value: number | null; status: string }> = [];
  const nameOf = new Map<string, string>();
  const refKey = (r: CellRef) => `${r.table}|${r.row}|${r.col}`;
  const add = (ref: CellRef, cell: { value: number | null; status: string }) => {
    const name = `x${vars.length}`;
    vars.push({ name, ref, ...cell });
    nameOf.set(refKey(ref), name);
    return name;
  };
  const rows: string[] = [];
  for (const t of tables) {
    const inner = t.cells.map((row, r) => row.map((c, j) => add({ table: t.id, row: r, col: j }, c)));
    const rt = t.rowTotals?.map((c, r) => add({ table: t.id, row: r, col: 'total' }, c));
    const ct = t.colTotals?.map((c, j) => add({ table: t.id, row: 'total', col: j }, c));
    const g = t.total ? add({ table: t.id, row: 'total', col: 'total' }, t.total) : null;
    rt?.forEach((tot, r) => rows.push(`${tot} - ${inner[r]!.join(' - ')} = 0`));
    ct?.forEach((tot, j) => rows.push(`${tot} - ${inner.map((row) => row[j]).join(' - ')} = 0`));
    if (g && rt) rows.push(`${g} - ${rt.join(' - ')} = 0`);
    if (g && ct) rows.push(`${g} - ${ct.join(' - ')} = 0`);
    if (g && !rt && !ct) rows.push(`${g} - ${inner.flat().join(' - ')} = 0`);
  }
  for (const l of links) {
    rows.push(`${nameOf.get(refKey(l.total))} - ${l.parts.map((p) => nameOf.get(refKey(p))).join(' - ')} = 0`);
  }
  // big-M of the "0 or ≥ k" choice: larger than any count of a report here (1e7 upsets HiGHS's tolerances)
  const big = 100_000;
  const bounds: string[] = [];
  const binaries: string[] = [];
  for (const v of vars) {
    if (v.status === 'published') bounds.push(`${v.name} = ${v.value}`);
    else if (v.status === 'primary') bounds.push(`1 <= ${v.name} <= ${k - 1}`);
    else if (v.status === 'unknown') bounds.push(`0 <= ${v.name} <= ${big}`);
    else {
      bounds.push(`0 <= ${v.name} <= ${big}`);
      rows.push(`${v.name} - ${k} z${v.name} >= 0`, `${v.name} - ${big} z${v.name} <= 0`);
      binaries.push(`z${v.name}`);
    }
  }
  const lp = (sense: 'Minimize' | 'Maximize', target: string) =>
    [sense, ` obj: ${target}`, 'Subject To', ...rows.map((r, i) => ` c${i}: ${r}`), 'Bounds', ...bounds.map((b) => ` ${b}`),
      'General', ` ${vars.map((v) => v.name).join(' ')}`, ...(binaries.length ? ['Binary', ` ${binaries.join(' ')}`] : []), 'End', ''].join('\n');
  const out: SolvedCell[] = [];
  for (const v of vars) {
    if (v.status === 'published') continue;
    const lo = highs.solve(lp('Minimize', v.name));
    const hi = highs.solve(lp('Maximize', v.name));
    if (lo.Status !== 'Optimal' || hi.Status !== 'Optimal') {
      throw new Error(`the published tables are infeasible or unbounded for ${refKey(v.ref)}: ${lo.Status} / ${hi.Status}`);
    }
    out.push({ ref: v.ref, min: Math.round(lo.ObjectiveValue), max: Math.round(hi.ObjectiveValue) });
  }
  return out;
}
