/**
 * Disclosure control for everything published without sign-in: THE one place (UU 27/2022, Pelindungan Data
 * Pribadi). Pure TypeScript, no Node/DuckDB/DOM imports: the dashboard (public report /publik, anonymous
 * endpoints), the static export and the accounts' anonymous pages all call it.
 *
 * The rule (settings `disclosure.min_cell_size`, default 5):
 * 1. Primary suppression: a published count of people that is 1 … k−1 is not shown; it reads "< k". Zero is shown
 *    (nobody is described by it).
 * 2. Secondary suppression: a suppressed cell must not be recoverable from what is shown. Tables are published
 *    with their row totals, column totals and grand total, and a report may repeat a number in several tables
 *    (`links`: a total in one table equals a sum of cells in another). Every such additive relation is an
 *    equation; other cells are suppressed (shown "·") until no suppressed cell's value follows from the shown
 *    cells, the equations and what a reader knows of hidden cells: a "< k" cell is 1 … k−1, a "·" cell is 0 or
 *    at least k (this module never hides a cell of 1 … k−1 as "·").
 * 3. Secondary cells are chosen to lose little: the smallest shown non-zero inner cell of the equation, then a
 *    margin. A hidden cell of 0 describes nobody: it may be recognised as 0 (it is never hidden when anything else
 *    can be), and only hidden cells of 1 or more people are protected.
 *
 * How a reader could recover a cell, and how `auditDisclosure` looks for it (the same attack the module defends
 * against, run to a fixed point): (a) an equation with a single hidden cell; (b) bound propagation through the
 * equations with the bounds above (e.g. a row 1 + 5 = 6 with both hidden reveals both, as "·" ≥ 5), with probing
 * (each value of a small range tried and propagated: whole-number reasoning across equations); (c) linear
 * algebra: a hidden cell that is a fixed combination of shown numbers (Gaussian elimination over the hidden cells).
 * The tests also solve the integer program of each published report with HiGHS, independently of this module.
 *
 * Usage:
 *   const [t] = suppressCounts([{ id: 'transfers', rows: ['2024Q1', …], cols: ['rotasi', …], counts }], { minCellSize: 5 });
 *   t.cells[r][c]  // { value: 12, status: 'published' } | { value: null, status: 'primary' | 'secondary' }
 *   t.rowTotals[r], t.colTotals[c], t.total  // the margins, suppressed the same way
 */

export type CellStatus = 'published' | 'primary' | 'secondary';

/** one shown cell: its value, or null when suppressed ('primary': 1 … k−1 people; 'secondary': hidden to protect one) */
export interface DisclosedCell {
  value: number | null;
  status: CellStatus;
}

/** A table of counts of people, published with the margins it asks for. */
export interface CountTable {
  id: string;
  rows: string[];
  cols: string[];
  /** counts[r][c]: whole numbers ≥ 0, people (or transfers: each describes one person) */
  counts: number[][];
  /** which margins are published (default both): row totals (one per row), column totals; the grand total with either */
  margins?: { rows?: boolean; cols?: boolean };
}

/** A cell of a table: `row`/`col` index, or 'total' for a margin ({ row: 'total', col: 'total' } = grand total). */
export interface CellRef {
  table: string;
  row: number | 'total';
  col: number | 'total';
}

/** A relation between tables of the same report: the value of `total` equals the sum of the `parts`. */
export interface Link {
  total: CellRef;
  parts: CellRef[];
}

export interface DisclosedTable {
  id: string;
  rows: string[];
  cols: string[];
  cells: DisclosedCell[][];
  /** null when the table publishes no such margin */
  rowTotals: DisclosedCell[] | null;
  colTotals: DisclosedCell[] | null;
  total: DisclosedCell | null;
}

export interface DisclosureOptions {
  /** k: counts 1 … k−1 are suppressed (settings.disclosure.min_cell_size) */
  minCellSize: number;
  links?: Link[];
}

// ------------------------------------------------------------------ the system of equations

interface Variable {
  ref: CellRef;
  value: number;
  inner: boolean;
}

/** Σ coef·x = 0 over variables (coefficients +1 / −1) */
type Equation = Array<{ v: number; coef: number }>;

interface System {
  vars: Variable[];
  equations: Equation[];
  index: Map<string, number>;
  /** the equations each variable is in */
  eqsOf: Equation[][];
}

const key = (r: CellRef) => `${r.table}\u0000${r.row}\u0000${r.col}`;

function hasMargins(t: CountTable): { rows: boolean; cols: boolean } {
  return { rows: t.margins?.rows ?? true, cols: t.margins?.cols ?? true };
}

function validate(tables: CountTable[], k: number): void {
  if (!Number.isInteger(k) || k < 1) throw new Error(`disclosure: minCellSize must be a whole number ≥ 1, got ${k}`);
  const ids = new Set<string>();
  for (const t of tables) {
    if (ids.has(t.id)) throw new Error(`disclosure: two tables are called ${t.id}`);
    ids.add(t.id);
    if (t.counts.length !== t.rows.length) throw new Error(`disclosure: table ${t.id} has ${t.counts.length} rows of counts for ${t.rows.length} row labels`);
    t.counts.forEach((row, r) => {
      if (row.length !== t.cols.length) throw new Error(`disclosure: table ${t.id}, row ${t.rows[r]}: ${row.length} counts for ${t.cols.length} columns`);
      row.forEach((v, c) => {
        if (!Number.isInteger(v) || v < 0) throw new Error(`disclosure: table ${t.id}, row ${t.rows[r]}, column ${t.cols[c]}: a count must be a whole number ≥ 0, got ${v}`);
      });
    });
  }
}

function buildSystem(tables: CountTable[], links: Link[]): System {
  const vars: Variable[] = [];
  const index = new Map<string, number>();
  const add = (ref: CellRef, value: number, inner: boolean): number => {
    index.set(key(ref), vars.length);
    vars.push({ ref, value, inner });
    return vars.length - 1;
  };
  const equations: Equation[] = [];
  for (const t of tables) {
    const m = hasMargins(t);
    const cell = t.rows.map((_, r) => t.cols.map((_, c) => add({ table: t.id, row: r, col: c }, t.counts[r]![c]!, true)));
    const rowSum = t.counts.map((row) => row.reduce((a, b) => a + b, 0));
    const colSum = t.cols.map((_, c) => t.counts.reduce((a, row) => a + row[c]!, 0));
    const grand = rowSum.reduce((a, b) => a + b, 0);
    if (m.rows) {
      t.rows.forEach((_, r) => {
        const tot = add({ table: t.id, row: r, col: 'total' }, rowSum[r]!, false);
        equations.push([{ v: tot, coef: 1 }, ...cell[r]!.map((v) => ({ v, coef: -1 }))]);
      });
    }
    if (m.cols) {
      t.cols.forEach((_, c) => {
        const tot = add({ table: t.id, row: 'total', col: c }, colSum[c]!, false);
        equations.push([{ v: tot, coef: 1 }, ...cell.map((row) => ({ v: row[c]!, coef: -1 }))]);
      });
    }
    if (m.rows || m.cols) {
      const g = add({ table: t.id, row: 'total', col: 'total' }, grand, false);
      if (m.rows) equations.push([{ v: g, coef: 1 }, ...t.rows.map((_, r) => ({ v: index.get(key({ table: t.id, row: r, col: 'total' }))!, coef: -1 }))]);
      if (m.cols) equations.push([{ v: g, coef: 1 }, ...t.cols.map((_, c) => ({ v: index.get(key({ table: t.id, row: 'total', col: c }))!, coef: -1 }))]);
      if (!m.rows && !m.cols) equations.push([{ v: g, coef: 1 }, ...cell.flat().map((v) => ({ v, coef: -1 }))]);
    }
  }
  for (const link of links) {
    const find = (ref: CellRef): number => {
      const i = index.get(key(ref));
      if (i === undefined) throw new Error(`disclosure: a link names a cell that is not published: ${JSON.stringify(ref)}`);
      return i;
    };
    const total = find(link.total);
    const parts = link.parts.map(find);
    const sum = parts.reduce((a, i) => a + vars[i]!.value, 0);
    if (sum !== vars[total]!.value) {
      throw new Error(`disclosure: link ${JSON.stringify(link.total)} = ${vars[total]!.value} but its parts sum to ${sum}`);
    }
    equations.push([{ v: total, coef: 1 }, ...parts.map((v) => ({ v, coef: -1 }))]);
  }
  const eqsOf: Equation[][] = vars.map(() => []);
  for (const eq of equations) for (const { v } of eq) if (!eqsOf[v]!.includes(eq)) eqsOf[v]!.push(eq);
  return { vars, equations, index, eqsOf };
}

// ------------------------------------------------------------------ the attack (audit)

/** What a reader knows of a hidden cell: primary 1 … k−1; secondary 0 or ≥ k (taken as ≥ k when it is not 0, the
 *  stronger reader); a shown cell is its value. */
function readerBounds(value: number, status: CellStatus, k: number): [number, number] {
  if (status === 'published') return [value, value];
  if (status === 'primary') return [1, k - 1];
  return value === 0 ? [0, Infinity] : [k, Infinity];
}

/** Bounds of every cell after propagating the reader's bounds through the equations to a fixed point. */
function propagate(sys: System, status: CellStatus[], k: number, start?: Array<[number, number]>, changedVars?: number[]): Array<[number, number]> {
  const b = start ? start.map((x) => [x[0], x[1]] as [number, number]) : sys.vars.map((v, i) => readerBounds(v.value, status[i]!, k));
  // a worklist of equations: all of them, or (from a fixed point) those of the cells just changed
  const queue: Equation[] = changedVars ? [...new Set(changedVars.flatMap((v) => sys.eqsOf[v]!))] : [...sys.equations];
  const queued = new Set(queue);
  for (let steps = 0; queue.length && steps < 200 * sys.equations.length; steps++) {
    const eq = queue.shift()!;
    queued.delete(eq);
    // Σ coef·x = 0 → coef_j·x_j = −Σ_{i≠j} coef_i·x_i. The sums over the whole equation are taken once (with the
    // infinite terms counted apart) and each cell's own term taken out: linear in the equation's length. Bounds
    // tightened during the pass leave the sums looser, never wrong.
    let finLo = 0;
    let infLo = 0;
    let finHi = 0;
    let infHi = 0;
    for (const { v: i, coef: ci } of eq) {
      const [l, h] = b[i]!;
      // the term −ci·x_i lies in [ci > 0 ? −h : l, ci > 0 ? −l : h]
      if (ci > 0) {
        if (Number.isFinite(h)) finLo -= h;
        else infLo++;
        finHi -= l;
      } else {
        finLo += l;
        if (Number.isFinite(h)) finHi += h;
        else infHi++;
      }
    }
    for (const { v: j, coef: cj } of eq) {
      const [l, h] = b[j]!;
      const ownLoInf = cj > 0 && !Number.isFinite(h);
      const ownHiInf = cj < 0 && !Number.isFinite(h);
      const lo = infLo - (ownLoInf ? 1 : 0) > 0 ? -Infinity : finLo - (cj > 0 ? (ownLoInf ? 0 : -h) : l);
      const hi = infHi - (ownHiInf ? 1 : 0) > 0 ? Infinity : finHi - (cj > 0 ? -l : ownHiInf ? 0 : h);
      const [nl, nh] = cj > 0 ? [lo, hi] : [-hi, -lo];
      const l2 = Math.max(l, Number.isFinite(nl) ? Math.ceil(nl - 1e-9) : l);
      const h2 = Math.min(h, Number.isFinite(nh) ? Math.floor(nh + 1e-9) : h);
      if (l2 > l || h2 < h) {
        b[j] = [l2, h2];
        if (l2 > h2) return b; // no value fits: infeasible (the caller looks for an empty range)
        for (const other of sys.eqsOf[j]!) {
          if (!queued.has(other)) {
            queued.add(other);
            queue.push(other);
          }
        }
      }
    }
  }
  return b;
}

/**
 * Integer reasoning across equations (probing): for each hidden cell with a small range, try each value, propagate,
 * and drop the values that make some cell's range empty. Catches what one equation at a time cannot, e.g. three
 * quarters of 1 … 4 transfers that must add up to 6 while one of them also appears in a column with a known sum.
 */
function probe(sys: System, start: Array<[number, number]>, hidden: number[], k: number): Array<[number, number]> {
  let b = start;
  const span = 2 * k;
  for (let pass = 0, changed = true; changed && pass < 4; pass++) {
    changed = false;
    for (const i of hidden) {
      const [lo, hi] = b[i]!;
      if (!Number.isFinite(hi) || hi - lo > span || lo === hi) continue;
      const ok: number[] = [];
      for (let v = lo; v <= hi; v++) {
        const trial = b.map((x) => [x[0], x[1]] as [number, number]);
        trial[i] = [v, v];
        const after = propagate(sys, [], k, trial, [i]);
        if (after.every(([l, h]) => l <= h)) ok.push(v);
      }
      if (ok.length && (ok[0]! > lo || ok[ok.length - 1]! < hi)) {
        b = b.map((x) => [x[0], x[1]] as [number, number]);
        b[i] = [ok[0]!, ok[ok.length - 1]!];
        b = propagate(sys, [], k, b, [i]);
        changed = true;
      }
    }
  }
  return b;
}

/** Hidden cells that are a fixed linear combination of shown numbers (Gaussian elimination over the hidden cells). */
function linearlyDetermined(sys: System, hidden: number[]): Set<number> {
  const col = new Map(hidden.map((v, i) => [v, i]));
  const rows: number[][] = [];
  for (const eq of sys.equations) {
    const row = new Array<number>(hidden.length).fill(0);
    let any = false;
    for (const { v, coef } of eq) {
      const c = col.get(v);
      if (c !== undefined) {
        row[c]! += coef;
        any = true;
      }
    }
    if (any) rows.push(row);
  }
  // reduced row echelon form
  const pivots: number[] = [];
  let r = 0;
  for (let c = 0; c < hidden.length && r < rows.length; c++) {
    let p = -1;
    for (let i = r; i < rows.length; i++) if (Math.abs(rows[i]![c]!) > 1e-9) { p = i; break; }
    if (p < 0) continue;
    [rows[r], rows[p]] = [rows[p]!, rows[r]!];
    const pv = rows[r]![c]!;
    for (let j = 0; j < hidden.length; j++) rows[r]![j]! /= pv;
    for (let i = 0; i < rows.length; i++) {
      if (i === r) continue;
      const f = rows[i]![c]!;
      if (Math.abs(f) > 1e-9) for (let j = 0; j < hidden.length; j++) rows[i]![j]! -= f * rows[r]![j]!;
    }
    pivots.push(c);
    r++;
  }
  // a pivot variable whose row has no free variable is determined
  const out = new Set<number>();
  pivots.forEach((c, i) => {
    const row = rows[i]!;
    if (row.every((x, j) => j === c || Math.abs(x) < 1e-9)) out.add(hidden[c]!);
  });
  return out;
}

export interface RecoveredCell {
  cell: CellRef;
  /** the range a reader can narrow the cell to (equal ends: recovered exactly) */
  bounds: [number, number];
  how: 'single' | 'bounds' | 'linear';
}

function recoveredIn(sys: System, status: CellStatus[], k: number, quick = false): Array<{ v: number; bounds: [number, number]; how: RecoveredCell['how'] }> {
  const out: Array<{ v: number; bounds: [number, number]; how: RecoveredCell['how'] }> = [];
  const hidden = sys.vars.map((_, i) => i).filter((i) => status[i] !== 'published');
  if (hidden.length === 0) return out;
  const seen = new Set<number>();
  for (const eq of sys.equations) {
    const h = eq.filter(({ v }) => status[v] !== 'published');
    if (h.length === 1 && !seen.has(h[0]!.v) && sys.vars[h[0]!.v]!.value > 0) {
      seen.add(h[0]!.v);
      out.push({ v: h[0]!.v, bounds: [sys.vars[h[0]!.v]!.value, sys.vars[h[0]!.v]!.value], how: 'single' });
    }
  }
  const pinned = (b: Array<[number, number]>) => {
    for (const i of hidden) {
      if (!seen.has(i) && b[i]![0] === b[i]![1] && sys.vars[i]!.value > 0) {
        seen.add(i);
        out.push({ v: i, bounds: b[i]!, how: 'bounds' });
      }
    }
  };
  const bounds = propagate(sys, status, k);
  pinned(bounds);
  for (const i of linearlyDetermined(sys, hidden)) {
    if (!seen.has(i) && sys.vars[i]!.value > 0) {
      seen.add(i);
      out.push({ v: i, bounds: [sys.vars[i]!.value, sys.vars[i]!.value], how: 'linear' });
    }
  }
  // probing is the costly attack: while the cheap ones still find cells, the suppression loop fixes those first
  if (out.length === 0 || !quick) pinned(probe(sys, bounds, hidden, k));
  return out;
}

// ------------------------------------------------------------------ suppression

function suppress(sys: System, k: number): CellStatus[] {
  const status: CellStatus[] = sys.vars.map((v) => (v.value > 0 && v.value < k ? 'primary' : 'published'));
  const byVar = new Map<number, Equation[]>();
  for (const eq of sys.equations) for (const { v } of eq) byVar.set(v, [...(byVar.get(v) ?? []), eq]);

  /** the shown cell to hide next among `eqs`: the smallest non-zero inner cell, then the smallest non-zero margin,
   *  then a zero (useless as protection, so only when nothing else is left). False when all are hidden already. */
  const hideOneMore = (eqs: Equation[]): boolean => {
    const shown = [...new Set(eqs.flatMap((eq) => eq.map(({ v }) => v)))].filter((v) => status[v] === 'published');
    if (shown.length === 0) return false;
    const rank = (v: number) => {
      const x = sys.vars[v]!;
      return [x.value > 0 ? 0 : 1, x.inner ? 0 : 1, x.value, v];
    };
    shown.sort((a, b) => {
      const ra = rank(a);
      const rb = rank(b);
      for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i]! - rb[i]!;
      return 0;
    });
    status[shown[0]!] = 'secondary';
    return true;
  };

  for (let guard = 0; guard <= sys.vars.length; guard++) {
    // (a) no equation with a single hidden cell
    let changed = true;
    while (changed) {
      changed = false;
      for (const eq of sys.equations) {
        const h = eq.filter(({ v }) => status[v] !== 'published');
        // a lone hidden zero describes nobody: leave it (hiding more around it protects no one)
        if (h.length === 1 && sys.vars[h[0]!.v]!.value > 0 && hideOneMore([eq])) changed = true;
      }
    }
    // (b, c) cells still recoverable through bounds or elimination: hide one more cell of an equation they are in
    const recovered = recoveredIn(sys, status, k, true);
    if (recovered.length === 0) return status;
    // one more cell at a time, then look again: one hidden cell often protects several. The cell is taken from the
    // equations of the recovered cell or, when those are all hidden, from the nearest equations linked to them.
    const near = (v: number): Equation[][] => {
      const levels: Equation[][] = [];
      const seenEq = new Set<Equation>();
      const seenVar = new Set([v]);
      let frontier = [v];
      while (frontier.length) {
        const level = frontier.flatMap((x) => byVar.get(x) ?? []).filter((eq) => !seenEq.has(eq));
        level.forEach((eq) => seenEq.add(eq));
        if (level.length) levels.push(level);
        frontier = [...new Set(level.flatMap((eq) => eq.map(({ v: y }) => y)))].filter((y) => !seenVar.has(y));
        frontier.forEach((y) => seenVar.add(y));
      }
      return levels;
    };
    // several at once when they are far apart (no equation of one got a new hidden cell for another this round)
    const touched = new Set<Equation>();
    let progressed = false;
    for (const { v } of recovered) {
      const own = byVar.get(v) ?? [];
      if (own.some((eq) => touched.has(eq))) continue;
      const before = status.slice();
      if (near(v).some((level) => hideOneMore(level))) {
        progressed = true;
        const changedVar = status.findIndex((st, i) => st !== before[i]);
        for (const eq of byVar.get(changedVar) ?? []) touched.add(eq);
        own.forEach((eq) => touched.add(eq));
      }
    }
    if (!progressed) {
      // every cell related to them is hidden already
      throw new Error('disclosure: could not protect the suppressed cells (every related cell is hidden)');
    }
  }
  throw new Error('disclosure: suppression did not converge');
}

function tablesFrom(tables: CountTable[], sys: System, status: CellStatus[]): DisclosedTable[] {
  const cellAt = (ref: CellRef): DisclosedCell => {
    const i = sys.index.get(key(ref))!;
    const s = status[i]!;
    return { value: s === 'published' ? sys.vars[i]!.value : null, status: s };
  };
  return tables.map((t) => {
    const m = hasMargins(t);
    return {
      id: t.id,
      rows: t.rows,
      cols: t.cols,
      cells: t.rows.map((_, r) => t.cols.map((_, c) => cellAt({ table: t.id, row: r, col: c }))),
      rowTotals: m.rows ? t.rows.map((_, r) => cellAt({ table: t.id, row: r, col: 'total' })) : null,
      colTotals: m.cols ? t.cols.map((_, c) => cellAt({ table: t.id, row: 'total', col: c })) : null,
      total: m.rows || m.cols ? cellAt({ table: t.id, row: 'total', col: 'total' }) : null,
    };
  });
}

/**
 * Suppress the counts of a whole report at once (so that relations across its tables are respected).
 * Returns the tables in the same order, each cell shown or suppressed ('primary' / 'secondary').
 */
export function suppressCounts(tables: CountTable[], options: DisclosureOptions): DisclosedTable[] {
  validate(tables, options.minCellSize);
  const sys = buildSystem(tables, options.links ?? []);
  return tablesFrom(tables, sys, suppress(sys, options.minCellSize));
}

/**
 * Check a suppression pattern against the attack above: the hidden cells a reader can recover exactly from the
 * shown ones. Empty for every output of `suppressCounts`; exported for tests and for code that publishes tables
 * suppressed elsewhere. `disclosed` carries the shown values and statuses; `tables` the true counts.
 */
export function auditDisclosure(tables: CountTable[], disclosed: DisclosedTable[], options: DisclosureOptions): RecoveredCell[] {
  validate(tables, options.minCellSize);
  const sys = buildSystem(tables, options.links ?? []);
  const byId = new Map(disclosed.map((d) => [d.id, d]));
  const status = sys.vars.map((v) => {
    const d = byId.get(v.ref.table);
    if (!d) throw new Error(`disclosure: no disclosed table ${v.ref.table}`);
    const cell =
      v.ref.row === 'total' && v.ref.col === 'total'
        ? d.total
        : v.ref.row === 'total'
          ? d.colTotals?.[v.ref.col as number]
          : v.ref.col === 'total'
            ? d.rowTotals?.[v.ref.row]
            : d.cells[v.ref.row]?.[v.ref.col];
    if (!cell) throw new Error(`disclosure: table ${v.ref.table} lacks cell ${v.ref.row}/${v.ref.col}`);
    if (cell.status === 'published' && cell.value !== v.value) throw new Error(`disclosure: shown value ${cell.value} ≠ count ${v.value}`);
    if (cell.status === 'published' && v.value > 0 && v.value < options.minCellSize) {
      return 'shown-small' as unknown as CellStatus;
    }
    return cell.status;
  });
  const small = sys.vars.filter((_, i) => (status[i] as string) === 'shown-small');
  if (small.length) {
    return small.map((v) => ({ cell: v.ref, bounds: [v.value, v.value] as [number, number], how: 'single' as const }));
  }
  return recoveredIn(sys, status, options.minCellSize).map(({ v, bounds, how }) => ({ cell: sys.vars[v]!.ref, bounds, how }));
}

/** Text of a cell for a page or a CSV: the number, "< k" (primary) or "·" (secondary). */
export function cellText(cell: DisclosedCell, k: number, format: (n: number) => string = String): string {
  if (cell.status === 'primary') return `< ${k}`;
  if (cell.status === 'secondary') return '·';
  return format(cell.value!);
}

/** A one-column table (e.g. counts by category) with its total: the shape of the anonymous rating distribution. */
export function suppressDistribution(labels: string[], counts: number[], minCellSize: number): { cells: DisclosedCell[]; total: DisclosedCell } {
  const [t] = suppressCounts([{ id: 'd', rows: labels, cols: ['n'], counts: counts.map((n) => [n]), margins: { rows: false, cols: true } }], { minCellSize });
  return { cells: t!.cells.map((r) => r[0]!), total: t!.total! };
}
