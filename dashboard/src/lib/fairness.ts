/**
 * Fairness of transfers (issue 16): who is moved, by golongan, sex, age band, reason, and how often (repeat movers:
 * people moved more than once in the scope). Counts of people and of transfers (each transfer describes one person)
 * pass through the disclosure control of pipeline/domain/disclosure.ts (UU 27/2022): a count of 1 … k−1 is shown
 * as "< k", and the cells that would let it be worked out — from a column total, or from the same total repeated in
 * another breakdown (every breakdown covers the same people and transfers) — are hidden too. A rate is shown only
 * when both its counts are. Pure: the /audit endpoint, the public report and the tests share it.
 */
import { suppressCounts, type CountTable, type DisclosedCell, type DisclosedTable, type Link } from '#domain/disclosure.ts';

export const FAIRNESS_DIMENSIONS = ['golongan', 'sex', 'age_band', 'reason', 'repeat'] as const;
export type FairnessDimension = (typeof FAIRNESS_DIMENSIONS)[number];

/** the counts each breakdown publishes: staff (people in the group now), moved (people moved), transfers */
const COLUMNS: Record<FairnessDimension, readonly ('staff' | 'moved' | 'transfers')[]> = {
  golongan: ['staff', 'moved', 'transfers'],
  sex: ['staff', 'moved', 'transfers'],
  age_band: ['staff', 'moved', 'transfers'],
  // a person moved for two reasons counts once under each: only transfers add up
  reason: ['transfers'],
  repeat: ['moved', 'transfers'],
};

/** one raw row of the fairness query (before disclosure) */
export interface FairnessRaw {
  dimension: FairnessDimension;
  group_key: string;
  ord: number;
  staff: number | null;
  moved: number | null;
  transfers: number;
}

/** one published row: counts (null when hidden), why hidden, and the rates of shown counts */
export interface FairnessRow {
  dimension: FairnessDimension;
  group_key: string;
  staff: number | null;
  moved: number | null;
  transfers: number | null;
  /** 'primary' (< k) or 'secondary' (hidden to protect one) per count; null when shown or not applicable */
  staff_suppression: string | null;
  moved_suppression: string | null;
  transfers_suppression: string | null;
  /** moved ÷ staff: the share of the group moved */
  moved_rate: number | null;
  /** transfers ÷ all transfers of the scope */
  transfer_share: number | null;
  min_cell_size: number;
}

/**
 * The count tables of a fairness breakdown (ids `${prefix}${dimension}`) and the links between their repeated
 * totals, to be suppressed alone (discloseFairness) or together with the other tables of a report (publik).
 */
export function fairnessTables(raw: readonly FairnessRaw[], prefix = '', only: readonly FairnessDimension[] = FAIRNESS_DIMENSIONS) {
  const dims = only.filter((d) => raw.some((r) => r.dimension === d));
  const rowsOf = (d: FairnessDimension) => raw.filter((r) => r.dimension === d).sort((a, b) => a.ord - b.ord || (a.group_key < b.group_key ? -1 : 1));
  const tables: CountTable[] = dims.map((d) => ({
    id: `${prefix}${d}`,
    rows: rowsOf(d).map((r) => r.group_key),
    cols: [...COLUMNS[d]],
    counts: rowsOf(d).map((r) => COLUMNS[d].map((c) => Number(r[c] ?? 0))),
    margins: { rows: false, cols: true },
  }));
  // the same totals in every breakdown: a reader could subtract across tables, so they are linked
  const links: Link[] = [];
  const total = (d: FairnessDimension, c: string) => tables[dims.indexOf(d)]!.counts.reduce((s, row) => s + row[COLUMNS[d].indexOf(c as never)]!, 0);
  for (const c of ['staff', 'moved', 'transfers'] as const) {
    const withC = dims.filter((d) => COLUMNS[d].includes(c));
    for (let i = 1; i < withC.length; i++) {
      const a = withC[0]!;
      const b = withC[i]!;
      if (total(a, c) !== total(b, c)) continue;
      links.push({
        total: { table: `${prefix}${a}`, row: 'total', col: COLUMNS[a].indexOf(c) },
        parts: rowsOf(b).map((_, r) => ({ table: `${prefix}${b}`, row: r, col: COLUMNS[b].indexOf(c) })),
      });
    }
  }
  /** the transfers' grand total, as a cell of the first table (to link it to another table of the same report) */
  const transfersTotal = dims.length ? { ref: { table: `${prefix}${dims[0]}`, row: 'total' as const, col: COLUMNS[dims[0]!].indexOf('transfers') }, value: total(dims[0]!, 'transfers') } : null;
  return { dims, rowsOf, tables, links, transfersTotal };
}

/** The published rows from the disclosed tables of fairnessTables() (in the same order). */
export function fairnessRows(
  f: Pick<ReturnType<typeof fairnessTables>, 'dims' | 'rowsOf'>,
  disclosed: readonly DisclosedTable[],
  k: number,
): FairnessRow[] {
  const out: FairnessRow[] = [];
  f.dims.forEach((d, ti) => {
    const t = disclosed[ti]!;
    const allTransfers = t.colTotals?.[COLUMNS[d].indexOf('transfers')];
    f.rowsOf(d).forEach((r, ri) => {
      const cell = (c: 'staff' | 'moved' | 'transfers'): DisclosedCell | null => {
        const i = COLUMNS[d].indexOf(c);
        return i < 0 ? null : t.cells[ri]![i]!;
      };
      const [s, m, tr] = [cell('staff'), cell('moved'), cell('transfers')];
      const why = (x: DisclosedCell | null) => (x && x.status !== 'published' ? x.status : null);
      out.push({
        dimension: d,
        group_key: r.group_key,
        staff: s?.value ?? null,
        moved: m?.value ?? null,
        transfers: tr?.value ?? null,
        staff_suppression: why(s),
        moved_suppression: why(m),
        transfers_suppression: why(tr),
        moved_rate: s?.value && m?.value != null ? m.value / s.value : null,
        transfer_share: allTransfers?.value && tr?.value != null ? tr.value / allTransfers.value : null,
        min_cell_size: k,
      });
    });
  });
  return out;
}

export function discloseFairness(raw: readonly FairnessRaw[], k: number): FairnessRow[] {
  const f = fairnessTables(raw);
  return fairnessRows(f, suppressCounts(f.tables, { minCellSize: k, links: f.links }), k);
}
