/**
 * `seimbang optimize`: propose the best set of moves under the merit rules for a month of the warehouse — the exact
 * model in HiGHS and the greedy heuristic side by side, with the solver's status, bound and gap, each move with the
 * person, from, to, the improvement it brings and why this person; the plan in the simulator's format (--plan-out).
 * Method: docs/method-optimizer.md.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import type { Command } from 'commander';
import { UserError, EXIT } from '../errors.ts';
import type { BindingReport, Objective, OptimizeResult, OptMove } from '../optimize/types.ts';

interface OptimizeCliOptions {
  db: string;
  maxMoves: string;
  objective: string;
  month?: string;
  lock?: string;
  timeLimit?: string;
  maxOutPerUnit?: string;
  unwillingCost?: string;
  classTolerance?: string;
  explain?: boolean;
  planOut?: string;
  json?: boolean;
}

const OBJECTIVES: Objective[] = ['gap', 'max-ej', 'gini'];
const OBJECTIVE_TEXT: Record<Objective, string> = {
  gap: 'total staffing gap Σ|required − current| over positions, FTE',
  'max-ej': 'largest EJ of a unit',
  gini: 'Hoover index of staff against workload across units (linearised imbalance)',
};
export const BINDING_TEXT_EN: Record<BindingReport['constraint'], string> = {
  max_moves: 'the maximum number of moves (--max-moves)',
  max_out_per_unit: 'the maximum of moves out of one unit (--max-out-per-unit)',
  min_tenure: 'the minimum tenure of 2 years (PP 11/2017 Pasal 190); lift it for named people in the lock file',
  unwilling: 'people unwilling to move (--unwilling-cost allows moving them at a cost)',
  unit_min_staff: 'each unit keeps its minimum staff',
  position_not_emptied: 'a position with workload keeps one of its holders',
  locks: 'the locks of the lock file',
  class_tolerance: 'the same class of position (--class-tolerance)',
  election_ban: 'the pre-election ban on the effective date (UU 10/2016 Pasal 71 ayat (2))',
};

function whole(name: string, v: string | undefined, min: number): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new UserError(`${name}: '${v}' is not a whole number ≥ ${min}`, EXIT.usage);
  return n;
}

export function registerOptimize(program: Command): void {
  program
    .command('optimize')
    .description('propose the best rotation under the merit rules: exact model (HiGHS) and greedy side by side')
    .requiredOption('-d, --db <file>', 'warehouse file')
    .requiredOption('-n, --max-moves <N>', 'at most this many moves')
    .option('-o, --objective <name>', `gap (default), max-ej or gini`, 'gap')
    .option('-m, --month <YYYY-MM>', 'state month; the moves take effect on its first day (default: the latest month)')
    .option('--lock <file>', 'people, positions and units left alone, and people whose minimum tenure is lifted (CSV kind,id or JSON)')
    .option('-t, --time-limit <seconds>', 'stop the exact solver after this long and report the best plan with its gap (default 60)')
    .option('--max-out-per-unit <K>', 'at most K moves out of any one unit')
    .option('--unwilling-cost <C>', 'allow moving people who stated unwillingness, at this cost per move (objective units); default: never')
    .option('--class-tolerance <k>', 'allow a target class within k of the current one (default 0: the same class)')
    .option('--explain', 'name the constraints that hold the objective back (LP relaxations), even when moves are found')
    .option('--plan-out <file>', 'write the proposal as a simulator plan (JSON) to open in /simulasi or run with seimbang simulate')
    .option('--json', 'print the result as JSON on stdout')
    .addHelpText(
      'after',
      '\nExamples:\n  seimbang optimize --db data/seimbang.duckdb --max-moves 30\n' +
        '  seimbang optimize --db data/seimbang.duckdb --max-moves 30 --objective max-ej --lock locks.csv --time-limit 20 --json\n' +
        '  seimbang optimize --db data/seimbang.duckdb --max-moves 30 --plan-out plan.json && seimbang simulate --db data/seimbang.duckdb --plan plan.json\n\n' +
        'Lock file (CSV): kind,id with kind person | position | unit | lift_tenure; JSON: {"people":[…],"positions":[…],"units":[…],"lift_tenure":[…]}.\n' +
        'Exit codes: 0 ok (a plan, possibly empty with the reason), 1 bad input (warehouse, month, lock file), 2 usage.',
    )
    .action(async (o: OptimizeCliOptions) => {
      const db = resolve(o.db);
      if (!existsSync(db)) throw new UserError(`${db}: no such warehouse file`);
      if (!OBJECTIVES.includes(o.objective as Objective)) throw new UserError(`--objective: '${o.objective}' is not one of ${OBJECTIVES.join(', ')}`, EXIT.usage);
      if (o.month !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(o.month)) throw new UserError(`--month: '${o.month}' is not YYYY-MM`, EXIT.usage);
      const maxMoves = whole('--max-moves', o.maxMoves, 0)!;
      const maxOutPerUnit = whole('--max-out-per-unit', o.maxOutPerUnit, 0);
      const classTolerance = whole('--class-tolerance', o.classTolerance, 0);
      const timeLimit = o.timeLimit === undefined ? 60 : Number(o.timeLimit);
      if (!(timeLimit > 0)) throw new UserError(`--time-limit: '${o.timeLimit}' is not a number of seconds > 0`, EXIT.usage);
      const unwillingCost = o.unwillingCost === undefined ? null : Number(o.unwillingCost);
      if (unwillingCost !== null && !(unwillingCost >= 0)) throw new UserError(`--unwilling-cost: '${o.unwillingCost}' is not a number ≥ 0`, EXIT.usage);

      const { parseLockCsv, parseLockJson, LockFileError } = await import('../optimize/lock-file.ts');
      let locks = {};
      if (o.lock !== undefined) {
        const file = resolve(o.lock);
        if (!existsSync(file)) throw new UserError(`${file}: no such lock file`);
        try {
          const text = readFileSync(file, 'utf8');
          locks = extname(file).toLowerCase() === '.json' ? parseLockJson(text) : parseLockCsv(text);
        } catch (e) {
          if (e instanceof LockFileError) throw new UserError(`${file}: ${e.message}`);
          throw e;
        }
      }
      const { loadStateFromFile } = await import('../sim-state/duckdb.ts');
      const { inputFromSimState, toSimPlan } = await import('../optimize/sim-bridge.ts');
      const { optimize, OptimizeError } = await import('../optimize/optimize.ts');
      const { default: loadHighs } = await import('highs');
      const state = await loadStateFromFile(db, o.month ?? null);
      const input = inputFromSimState(state);
      const highs = await loadHighs();
      let r: OptimizeResult;
      try {
        r = optimize(
          highs,
          input,
          { objective: o.objective as Objective, maxMoves, maxOutPerUnit, unwillingCost, classTolerance, effectiveDate: input.month, timeLimitSeconds: timeLimit, ...locks },
          {
            explain: o.explain,
            onProgress: o.json || !process.stderr.isTTY ? undefined : (p) => {
              if (p.phase === 'exact') process.stderr.write(`\r  exact: ${p.seconds.toFixed(1)} s, best ${p.incumbent?.toFixed(4) ?? '—'}, bound ${p.bound?.toFixed(4) ?? '—'}   `);
            },
          },
        );
      } catch (e) {
        if (e instanceof OptimizeError) throw new UserError(e.message);
        throw e;
      } finally {
        if (!o.json && process.stderr.isTTY) process.stderr.write('\r\x1b[K');
      }
      const plan = toSimPlan(r.exact.moves, state.month);
      if (o.planOut) writeFileSync(resolve(o.planOut), JSON.stringify(plan, null, 2) + '\n');
      if (o.json) {
        process.stdout.write(JSON.stringify({ month: state.month, ...r, plan }, null, 2) + '\n');
        return;
      }
      process.stdout.write(report(r, state.month, input.people.length, input.positions.length) + '\n');
    });
}

const f4 = (v: number) => (Number.isFinite(v) ? v.toFixed(4) : '—');

function movesTable(moves: OptMove[]): string[] {
  return moves.map(
    (m, i) =>
      `  ${String(i + 1).padStart(3)}. ${m.personId} ${m.personName.slice(0, 28).padEnd(28)} ${m.fromPositionId} → ${m.toPositionId}` +
      `   improvement ${f4(m.improvement)}   (longest in post ${m.reason.rank} of ${m.reason.of} equals, since ${m.reason.since ?? '?'})${m.unwilling ? '   [unwilling: moved at the stated cost]' : ''}`,
  );
}

export function report(r: OptimizeResult, month: string, people: number, positions: number): string {
  const out: string[] = [];
  const e = r.eligibility;
  out.push(`Rotation proposal for ${month}: ${people} people in ${positions} positions; objective: ${OBJECTIVE_TEXT[r.objective]}`);
  out.push(
    `Who may move: ${e.movable} of ${e.people} (minimum tenure not reached ${e.tenureTooShort}, tenure start unknown ${e.tenureUnknown}, unwilling ${e.unwilling}, locked ${e.locked}${e.electionBan ? '; the effective date is inside the pre-election ban' : ''})`,
  );
  const m = r.exact.model;
  out.push('', `Exact model (HiGHS): ${m.classes} staff classes in ${m.pools} pools; ${m.variables} variables (${m.integerVariables} integer), ${m.constraints} constraints, ${m.nonzeros} nonzeros`);
  out.push(`  status ${r.status}; objective ${f4(r.exact.objectiveBefore)} → ${f4(r.exact.objectiveAfter)} with ${r.exact.moves.length} moves; best bound ${f4(r.exact.bestBound)}; gap ${(r.exact.gap * 100).toFixed(3)} %; ${r.exact.seconds.toFixed(2)} s`);
  out.push(`Greedy: objective ${f4(r.greedy.objectiveBefore)} → ${f4(r.greedy.objectiveAfter)} with ${r.greedy.moves.length} moves; ${r.greedy.seconds.toFixed(2)} s (no bound: a heuristic cannot say how far from the best it is)`);
  out.push('', 'Moves (exact), each with the objective\'s improvement given the moves before it:');
  out.push(...(r.exact.moves.length ? movesTable(r.exact.moves) : ['  none']));
  if (r.binding.length) {
    out.push('', 'What holds the objective back (LP relaxation bound with every constraint → with this one lifted):');
    for (const b of r.binding) out.push(`  ${BINDING_TEXT_EN[b.constraint]}: ${f4(b.boundWith)} → ${f4(b.boundWithout)}`);
  } else if (r.exact.moves.length === 0) {
    out.push('', 'No move improves the objective under the rules: the current staffing is already the best reachable.');
  }
  return out.join('\n');
}
