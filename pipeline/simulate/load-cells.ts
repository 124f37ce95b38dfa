/**
 * One level of load cells (every position, or every unit) with the imbalance indices of each region and of all
 * regions kept up to date as cells change.
 *
 * Why it is incremental: each group keeps its defined EJ values (shared/domain.md "Load-imbalance indices": cells
 * with staff and workload) in a sorted Float64Array. Changing a cell removes its old EJ and inserts the new one by
 * binary search and one memmove; no re-sort and no scan of people. The indices of a group are then computed on
 * read, by the formulas of #domain/metrics.ts over the sorted array (giniSorted needs the order) and one pass over
 * the group's cells for the staff totals. The result depends only on the cells' current values (the sorted array
 * only on their multiset, the totals on cell order), so any path to the same cell values gives bit-identical
 * indices: incremental == full recompute, apply then undo == the state before.
 */
import { ej as ejOf, imbalanceSummary, imbalanceTotalsAdd, imbalanceTotalsZero, requiredStaff, ejDefined, type ImbalanceSummary } from '#domain/metrics.ts';
import type { Settings } from '#domain/settings.ts';

function grow(a: Float64Array, min: number): Float64Array {
  if (a.length >= min) return a;
  const b = new Float64Array(Math.max(min, a.length * 2, 16));
  b.set(a);
  return b;
}
function growI(a: Int32Array, min: number): Int32Array {
  if (a.length >= min) return a;
  const b = new Int32Array(Math.max(min, a.length * 2, 16));
  b.set(a);
  return b;
}

/** first index i in sorted[0..len) with sorted[i] >= v */
function lowerBound(sorted: Float64Array, len: number, v: number): number {
  let lo = 0, hi = len;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class LoadCells {
  n = 0;
  workload: Float64Array;
  staff: Float64Array;
  required: Float64Array;
  /** EJ, NaN when undefined (no staff) */
  ej: Float64Array;
  /** region index of each cell */
  group: Int32Array;
  /** per group (regions, then all at index nRegions): sorted defined EJ values and how many */
  private sorted: Float64Array[];
  private sortedLen: Int32Array;
  /** per region: its cells in ascending index order (the all-regions group is every cell) */
  private members: Int32Array[];
  private memberLen: Int32Array;
  private cache: (ImbalanceSummary | null)[];

  constructor(
    readonly nRegions: number,
    /** effective minutes per person in the period: WKE / 12 for a month */
    readonly periodMinutes: number,
    readonly w: Settings['workload'],
    capacity = 16,
  ) {
    this.workload = new Float64Array(capacity);
    this.staff = new Float64Array(capacity);
    this.required = new Float64Array(capacity);
    this.ej = new Float64Array(capacity);
    this.group = new Int32Array(capacity);
    this.sorted = Array.from({ length: nRegions + 1 }, () => new Float64Array(16));
    this.sortedLen = new Int32Array(nRegions + 1);
    this.members = Array.from({ length: nRegions }, () => new Int32Array(16));
    this.memberLen = new Int32Array(nRegions);
    this.cache = new Array(nRegions + 1).fill(null);
  }

  /** Build from columns in one go (sorting each group once): the "full recompute" path. */
  static fromColumns(nRegions: number, periodMinutes: number, w: Settings['workload'], group: ArrayLike<number>, workload: ArrayLike<number>, staff: ArrayLike<number>): LoadCells {
    const n = group.length;
    const c = new LoadCells(nRegions, periodMinutes, w, n);
    const counts = new Int32Array(nRegions + 1);
    for (let i = 0; i < n; i++) {
      c.group[i] = group[i]!;
      c.writeValues(i, workload[i]!, staff[i]!);
      if (ejDefined(c.workload[i]!, c.ej[i]!)) {
        counts[group[i]!]!++;
        counts[nRegions]!++;
      }
    }
    c.n = n;
    for (let g = 0; g <= nRegions; g++) c.sorted[g] = new Float64Array(Math.max(16, counts[g]!));
    const mcount = new Int32Array(nRegions);
    for (let i = 0; i < n; i++) mcount[group[i]!]!++;
    for (let g = 0; g < nRegions; g++) c.members[g] = new Int32Array(Math.max(16, mcount[g]!));
    for (let i = 0; i < n; i++) {
      const g = group[i]!;
      c.members[g]![c.memberLen[g]!++] = i;
      if (ejDefined(c.workload[i]!, c.ej[i]!)) {
        c.sorted[g]![c.sortedLen[g]!++] = c.ej[i]!;
        c.sorted[nRegions]![c.sortedLen[nRegions]!++] = c.ej[i]!;
      }
    }
    for (let g = 0; g <= nRegions; g++) c.sorted[g]!.subarray(0, c.sortedLen[g]!).sort();
    return c;
  }

  /** Copy this level's cells into `target` (same shape, made by clone()), reusing its buffers: the timeline starts
   *  every call from the unchanged cells without allocating. Returns false when the shapes differ. */
  copyInto(target: LoadCells): boolean {
    if (target.workload.length !== this.workload.length || target.sorted.some((s, g) => s.length !== this.sorted[g]!.length)
      || target.members.some((m, g) => m.length !== this.members[g]!.length)) return false;
    target.n = this.n;
    target.workload.set(this.workload);
    target.staff.set(this.staff);
    target.required.set(this.required);
    target.ej.set(this.ej);
    target.group.set(this.group);
    this.sorted.forEach((s, g) => target.sorted[g]!.set(s));
    target.sortedLen.set(this.sortedLen);
    this.members.forEach((m, g) => target.members[g]!.set(m));
    target.memberLen.set(this.memberLen);
    target.cache = this.cache.slice();
    return true;
  }

  clone(): LoadCells {
    const c = new LoadCells(this.nRegions, this.periodMinutes, this.w, 0);
    c.n = this.n;
    c.workload = this.workload.slice();
    c.staff = this.staff.slice();
    c.required = this.required.slice();
    c.ej = this.ej.slice();
    c.group = this.group.slice();
    c.sorted = this.sorted.map((s) => s.slice());
    c.sortedLen = this.sortedLen.slice();
    c.members = this.members.map((m) => m.slice());
    c.memberLen = this.memberLen.slice();
    c.cache = this.cache.slice();
    return c;
  }

  /** required staff and EJ of a cell from its workload and staff (#domain/metrics.ts, PermenPANRB 1/2020) */
  private writeValues(i: number, workload: number, staff: number): void {
    this.workload[i] = workload;
    this.staff[i] = staff;
    this.required[i] = requiredStaff(workload, this.periodMinutes);
    this.ej[i] = ejOf(workload, staff, this.periodMinutes) ?? NaN;
  }

  private insertSorted(g: number, v: number): void {
    const len = this.sortedLen[g]!;
    let s = this.sorted[g]!;
    if (s.length <= len) {
      s = grow(s, len + 1);
      this.sorted[g] = s;
    }
    const at = lowerBound(s, len, v);
    s.copyWithin(at + 1, at, len);
    s[at] = v;
    this.sortedLen[g] = len + 1;
  }

  private removeSorted(g: number, v: number): void {
    const len = this.sortedLen[g]!;
    const s = this.sorted[g]!;
    const at = lowerBound(s, len, v);
    if (at >= len || s[at] !== v) throw new Error(`load cells: EJ ${v} not found in group ${g}`);
    s.copyWithin(at, at + 1, len);
    this.sortedLen[g] = len - 1;
  }

  /** Append a cell (a new position or unit) of region `group`. */
  add(group: number, workload: number, staff: number): number {
    const i = this.n;
    const cap = i + 1;
    this.workload = grow(this.workload, cap);
    this.staff = grow(this.staff, cap);
    this.required = grow(this.required, cap);
    this.ej = grow(this.ej, cap);
    this.group = growI(this.group, cap);
    this.group[i] = group;
    this.writeValues(i, 0, 0);
    this.n = cap;
    const ml = this.memberLen[group]!;
    this.members[group] = growI(this.members[group]!, ml + 1);
    this.members[group]![ml] = i;
    this.memberLen[group] = ml + 1;
    this.cache[group] = null;
    this.cache[this.nRegions] = null;
    this.set(i, workload, staff);
    return i;
  }

  /** Remove the last cell (undo of add). */
  pop(): void {
    const i = this.n - 1;
    this.set(i, 0, 0);
    const g = this.group[i]!;
    this.memberLen[g] = this.memberLen[g]! - 1;
    this.n = i;
    this.cache[g] = null;
    this.cache[this.nRegions] = null;
  }

  /** Set a cell's workload and staff; the sorted EJ arrays of its region and of all regions follow. */
  set(i: number, workload: number, staff: number): void {
    if (this.workload[i] === workload && this.staff[i] === staff) return;
    const g = this.group[i]!;
    const all = this.nRegions;
    const oldDefined = ejDefined(this.workload[i]!, this.ej[i]!);
    const old = this.ej[i]!;
    this.writeValues(i, workload, staff);
    const nowDefined = ejDefined(this.workload[i]!, this.ej[i]!);
    const now = this.ej[i]!;
    if (oldDefined) {
      this.removeSorted(g, old);
      this.removeSorted(all, old);
    }
    if (nowDefined) {
      this.insertSorted(g, now);
      this.insertSorted(all, now);
    }
    this.cache[g] = null;
    this.cache[all] = null;
  }

  /** Imbalance indices of a region (index into the state's regions) or, with null, of all regions. */
  summary(region: number | null): ImbalanceSummary {
    const g = region ?? this.nRegions;
    const hit = this.cache[g];
    if (hit) return hit;
    const t = imbalanceTotalsZero();
    if (region === null) {
      for (let i = 0; i < this.n; i++) this.addTotals(t, i);
    } else {
      const m = this.members[g]!;
      const len = this.memberLen[g]!;
      for (let k = 0; k < len; k++) this.addTotals(t, m[k]!);
    }
    const s = imbalanceSummary(this.sorted[g]!.subarray(0, this.sortedLen[g]!), t);
    this.cache[g] = s;
    return s;
  }

  private addTotals(t: ReturnType<typeof imbalanceTotalsZero>, i: number): void {
    const e = this.ej[i]!;
    imbalanceTotalsAdd(t, this.workload[i]!, this.staff[i]!, this.required[i]!, Number.isNaN(e) ? null : e, this.w);
  }

  /** the defined EJ values of a group, sorted (a copy) */
  sortedEj(region: number | null): Float64Array {
    const g = region ?? this.nRegions;
    return this.sorted[g]!.slice(0, this.sortedLen[g]!);
  }
}
