/**
 * The rotation optimiser: the greedy heuristic, then the exact model in HiGHS started from the greedy plan (so a
 * time limit never returns less than greedy), both turned into named moves and reported side by side with the
 * solver's status, bound and gap. When no move is proposed, or when asked, the constraints that hold the objective
 * back are named (LP relaxations with one group lifted at a time). Pure: the HiGHS instance is passed in, so Node
 * (the CLI, the tests) and a browser Web Worker run the same code.
 */
import type { Highs } from 'highs';
import { namedMoves } from './assign.ts';
import { buildClasses } from './classes.ts';
import { greedy, type ClassPlan } from './greedy.ts';
import { buildModel, type Relax } from './model.ts';
import { evaluate, staffing } from './objective.ts';
import { solveModel, type SolveProgress } from './solve.ts';
import type { BindingReport, OptimizeInput, OptimizeOptions, OptimizeResult, OptMove } from './types.ts';

export interface RunHooks {
  onProgress?: (p: SolveProgress & { phase: 'greedy' | 'exact' }) => void;
  /** the best plan so far, named, each time the solver improves it (and once for greedy) */
  onIncumbent?: (moves: OptMove[], objectiveAfter: number, phase: 'greedy' | 'exact') => void;
  shouldStop?: () => boolean;
  /** compute the binding report even when moves are found */
  explain?: boolean;
}

export class OptimizeError extends Error {}

export function validateOptions(opts: OptimizeOptions): void {
  if (!Number.isInteger(opts.maxMoves) || opts.maxMoves < 0) throw new OptimizeError(`max moves must be a whole number ≥ 0 (got ${opts.maxMoves})`);
  if (opts.maxOutPerUnit != null && (!Number.isInteger(opts.maxOutPerUnit) || opts.maxOutPerUnit < 0)) {
    throw new OptimizeError(`max moves out of a unit must be a whole number ≥ 0 (got ${opts.maxOutPerUnit})`);
  }
  if (opts.unwillingCost != null && !(opts.unwillingCost >= 0)) throw new OptimizeError(`the cost of moving an unwilling person must be ≥ 0 (got ${opts.unwillingCost})`);
  if (opts.timeLimitSeconds != null && !(opts.timeLimitSeconds > 0)) throw new OptimizeError(`the time limit must be > 0 seconds (got ${opts.timeLimitSeconds})`);
}

/** Locks and lifts that name nobody are a mistake in the lock file, never silently ignored. */
export function validateLocks(input: OptimizeInput, opts: OptimizeOptions): void {
  const people = new Set(input.people.map((p) => p.id));
  const positions = new Set(input.positions.map((p) => p.id));
  const units = new Set(input.units.map((u) => u.id));
  for (const id of opts.lockedPeople ?? []) if (!people.has(id)) throw new OptimizeError(`lock: no person in post with NIP ${id}`);
  for (const id of opts.tenureLifted ?? []) if (!people.has(id)) throw new OptimizeError(`lift tenure: no person in post with NIP ${id}`);
  for (const id of opts.lockedPositions ?? []) if (!positions.has(id)) throw new OptimizeError(`lock: no position ${id}`);
  for (const id of opts.lockedUnits ?? []) if (!units.has(id)) throw new OptimizeError(`lock: no unit ${id}`);
}

export function optimize(highs: Highs, input: OptimizeInput, opts: OptimizeOptions, hooks: RunHooks = {}): OptimizeResult {
  validateOptions(opts);
  validateLocks(input, opts);
  const s = staffing(input);
  const cm = buildClasses(input, opts, s);
  const before = evaluate(opts.objective, s, s.current);

  const g0 = performance.now();
  const gPlan = greedy(cm, s, opts);
  const gMoves = namedMoves(input, opts, s, cm, gPlan);
  const gSeconds = (performance.now() - g0) / 1000;
  const applyMoves = (moves: { fromPositionId: string; toPositionId: string }[]) => {
    const pos = Float64Array.from(s.current);
    for (const m of moves) {
      pos[s.positionIndex.get(m.fromPositionId)!]--;
      pos[s.positionIndex.get(m.toPositionId)!]++;
    }
    return evaluate(opts.objective, s, pos);
  };
  hooks.onProgress?.({ phase: 'greedy', seconds: gSeconds, incumbent: applyMoves(gMoves), bound: null, gap: null });
  hooks.onIncumbent?.(gMoves, applyMoves(gMoves), 'greedy');

  const built = buildModel(cm, s, opts, highs.infinity);
  const decode = (x: Float64Array): ClassPlan => {
    const plan: ClassPlan = { y: new Int32Array(cm.classes.length), z: new Map(), x: new Map(), sequence: [] };
    cm.classes.forEach((_, i) => (plan.y[i] = Math.round(x[built.yCol[i]!]!)));
    // pool → type → position flows become pool → position flows: everyone arriving at a type may take any of its
    // positions, so the type's positions are handed out to the arriving pools in order
    const slots = new Map<number, { q: number; n: number }[]>();
    for (const wc of built.wCols) {
      const v = Math.round(x[wc.col]!);
      if (v > 0) (slots.get(wc.type) ?? slots.set(wc.type, []).get(wc.type)!).push({ q: wc.target, n: v });
    }
    for (const zc of built.zCols) {
      let v = Math.round(x[zc.col]!);
      const list = slots.get(zc.type);
      while (v > 0 && list && list.length > 0) {
        const s0 = list[0]!;
        const take = Math.min(v, s0.n);
        const key = `${zc.pool}|${s0.q}`;
        plan.z.set(key, (plan.z.get(key) ?? 0) + take);
        v -= take;
        s0.n -= take;
        if (s0.n === 0) list.shift();
      }
    }
    for (const xc of built.xCols) {
      const v = Math.round(x[xc.col]!);
      if (v > 0) plan.x.set(`${xc.cls}|${xc.target}`, v);
    }
    return plan;
  };
  const out = solveModel(highs, built, {
    timeLimitSeconds: opts.timeLimitSeconds,
    mipRelGap: opts.mipRelGap,
    start: built.complete(gPlan.y, gPlan.z, gPlan.x),
    onProgress: hooks.onProgress ? (p) => hooks.onProgress!({ ...p, phase: 'exact' }) : undefined,
    onSolution: hooks.onIncumbent
      ? (x) => {
          const moves = namedMoves(input, opts, s, cm, decode(x));
          hooks.onIncumbent!(moves, applyMoves(moves), 'exact');
        }
      : undefined,
    shouldStop: hooks.shouldStop,
  });
  if (out.status === 'infeasible' || out.status === 'error' || !out.colValue) {
    // staying put is always feasible (every limit holds with no move), so this is a solver failure, not a plan
    throw new OptimizeError(`the solver found no plan (status ${out.status}); staying put is feasible, so this is a defect: please report it`);
  }
  const eMoves = namedMoves(input, opts, s, cm, decode(out.colValue));
  const eSeconds = out.seconds;

  let binding: BindingReport[] = [];
  if (hooks.explain || eMoves.length === 0) binding = bindingReport(highs, input, opts);
  return {
    objective: opts.objective,
    status: eMoves.length === 0 && cm.classes.length === 0 ? 'no_moves_possible' : (out.status as OptimizeResult['status']),
    exact: {
      moves: eMoves,
      objectiveBefore: before,
      objectiveAfter: applyMoves(eMoves),
      seconds: eSeconds,
      solverObjective: out.objective,
      bestBound: out.bound,
      gap: out.gap,
      model: built.size,
    },
    greedy: { moves: gMoves, objectiveBefore: before, objectiveAfter: applyMoves(gMoves), seconds: gSeconds },
    binding,
    eligibility: cm.counts,
  };
}

/**
 * Which constraint holds the objective back: the LP relaxation's bound with every constraint, against the bound
 * with one group lifted. A group whose lifting lowers the bound binds (a lower bound: lifting it may allow at best
 * that much). Cheap (linear programs), and honest about being a relaxation.
 */
export function bindingReport(highs: Highs, input: OptimizeInput, opts: OptimizeOptions): BindingReport[] {
  const s = staffing(input);
  const lp = (o: OptimizeOptions, relax: Relax = {}) => {
    const cm = buildClasses(input, o, s);
    const built = buildModel(cm, s, o, highs.infinity, { ...relax, continuous: true });
    const r = solveModel(highs, built, { timeLimitSeconds: 30 });
    return r.colValue ? r.objective : NaN;
  };
  const base = lp(opts);
  const everyone = input.people.map((p) => p.id);
  const lifts: [BindingReport['constraint'], OptimizeOptions, Relax?][] = [
    ['max_moves', { ...opts, maxMoves: Math.max(opts.maxMoves, input.people.length) }],
    ['min_tenure', { ...opts, tenureLifted: everyone }],
    ['unwilling', { ...opts, unwillingCost: 0 }],
    ['locks', { ...opts, lockedPeople: [], lockedPositions: [], lockedUnits: [] }],
    ['class_tolerance', { ...opts, classTolerance: (opts.classTolerance ?? 0) + 1 }],
    ['unit_min_staff', opts, { unitMinStaff: true }],
    ['position_not_emptied', opts, { keepPositions: true }],
  ];
  if (opts.maxOutPerUnit != null) lifts.push(['max_out_per_unit', { ...opts, maxOutPerUnit: null }]);
  if (buildClasses(input, opts, s).counts.electionBan) lifts.push(['election_ban', opts]);
  const out: BindingReport[] = [];
  for (const [constraint, o, relax] of lifts) {
    if (constraint === 'election_ban') {
      // inside the ban nobody moves: the bound without it is the bound of the same plan a day after the ban
      const settings = { ...input.settings, election: { ...input.settings.election, windows: [] } };
      const without = (() => {
        const cm = buildClasses({ ...input, settings }, o, s);
        const built = buildModel(cm, s, o, highs.infinity, { continuous: true });
        const r = solveModel(highs, built, { timeLimitSeconds: 30 });
        return r.colValue ? r.objective : NaN;
      })();
      if (without < base - 1e-7) out.push({ constraint, boundWith: base, boundWithout: without });
      continue;
    }
    const without = lp(o, relax);
    if (without < base - 1e-7) out.push({ constraint, boundWith: base, boundWithout: without });
  }
  return out.sort((a, b) => a.boundWithout - b.boundWithout);
}
