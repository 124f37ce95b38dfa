/**
 * `seimbang simulate`: apply a plan (moves, demand changes, positions, leaves, hires) to the warehouse's state of a
 * month and print the indices before and after, per month of the horizon, per touched unit, and each change's
 * warnings. The whole plan is checked before anything is printed: a bad plan exits 1 naming the row and column.
 */
import { existsSync, readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import type { Command } from 'commander';
import { UserError, EXIT } from '../errors.ts';
import type { ImbalanceSummary } from '../domain/metrics.ts';

interface SimulateCliOptions {
  db: string;
  plan: string;
  month?: string;
  horizon?: string;
  json?: boolean;
  rampup?: boolean;
}

const INDEX_KEYS = ['gini', 'cv', 'theil', 'max_mean', 'share_staff_overloaded', 'share_staff_slack', 'staffing_gap'] as const;

export function registerSimulate(program: Command): void {
  program
    .command('simulate')
    .description('what-if: apply a plan of changes to a month of the warehouse and print every index before and after')
    .requiredOption('-d, --db <file>', 'warehouse file')
    .requiredOption('-p, --plan <file>', 'plan file: .json (list of changes) or .csv (one change per row); see docs/data-contract.md')
    .option('-m, --month <YYYY-MM>', 'state month (default: the latest month in the warehouse)')
    .option('--horizon <n>', 'months of the transition timeline after the state month (default: setting simulation.horizon_months, 12)')
    .option('--no-rampup', 'count arriving people in full from their month (no ramp-up) in the timeline')
    .option('--json', 'print the result as JSON on stdout')
    .addHelpText(
      'after',
      '\nExamples:\n  seimbang simulate --db data/seimbang.duckdb --plan plan.csv\n' +
        '  seimbang simulate --db data/seimbang.duckdb --plan plan.json --month 2025-06 --horizon 6 --json\n\n' +
        'Plan CSV columns: type,nip,position,unit,month,until,factor,workload,title,name,reason\n' +
        '  move:            type=move, nip, position (target), month\n' +
        '  demand:          type=demand, unit or position, factor (≥ 0), month (from), until (to, default = month)\n' +
        '  add_position:    type=add_position, position (new id), unit, title, workload (minutes/month), month\n' +
        '  remove_position: type=remove_position, position, month\n' +
        '  leave:           type=leave, nip, month, reason (retirement/leave/other)\n' +
        '  hire:            type=hire, nip (new id), position, month, name\n\n' +
        'Exit codes: 0 ok, 1 bad plan or warehouse (the row and column are named; nothing is printed as a result), 2 usage.',
    )
    .action(async (o: SimulateCliOptions) => {
      const db = resolve(o.db);
      if (!existsSync(db)) throw new UserError(`${db}: no such warehouse file`);
      const planFile = resolve(o.plan);
      if (!existsSync(planFile)) throw new UserError(`${planFile}: no such plan file`);
      if (o.month !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(o.month)) throw new UserError(`--month: '${o.month}' is not YYYY-MM`, EXIT.usage);
      const horizon = o.horizon === undefined ? undefined : Number(o.horizon);
      if (horizon !== undefined && !(Number.isInteger(horizon) && horizon >= 0 && horizon <= 120)) throw new UserError(`--horizon: '${o.horizon}' is not a whole number of months 0–120`, EXIT.usage);

      const { parsePlanCsv, parsePlanJson, PlanFileError, csvColumnOf } = await import('../simulate/plan-file.ts');
      const { Simulator, PlanError, timeline, WARNING_TEXT_EN } = await import('../simulate/index.ts');
      const { loadStateFromFile } = await import('../sim-state/duckdb.ts');

      const isCsv = extname(planFile).toLowerCase() === '.csv';
      let plan;
      try {
        const text = readFileSync(planFile, 'utf8');
        plan = isCsv ? parsePlanCsv(text) : parsePlanJson(text);
      } catch (e) {
        if (e instanceof PlanFileError) throw new UserError(`${planFile}: ${e.message}`);
        throw e;
      }
      const state = await loadStateFromFile(db, o.month ?? null);
      const sim = new Simulator(state, { horizon: horizon ?? state.settings.simulation.horizon_months });
      try {
        sim.applyPlan(plan);
      } catch (e) {
        if (e instanceof PlanError) {
          const change = plan[e.index]!;
          const row = isCsv ? e.index + 2 : e.index + 1;
          const column = isCsv ? csvColumnOf(change, e.cause.field) : e.cause.field;
          throw new UserError(`${planFile}: row ${row}, column ${column}: ${e.cause.message.replace(/^[a-z_]+: /, '')}`);
        }
        throw e;
      }

      const tl = timeline(sim, { rampup: o.rampup !== false });
      const after = sim.snapshot();
      const R = state.regions.length;
      const pick = (s: ImbalanceSummary) => Object.fromEntries(INDEX_KEYS.map((k) => [k, s[k]]));
      const touched = Array.from(tl.touchedUnits, (u, j) => {
        const b = sim.before.unit;
        const n = tl.months.length;
        return {
          unit_id: state.units.id[u]!, unit_name: state.units.name[u]!,
          before: { ej: nan(b.ej[u]!), staff: b.staff[u]!, required: b.required[u]! },
          after: { ej: nan(after.unit.ej[u]!), staff: after.unit.staff[u]!, required: after.unit.required[u]! },
          timeline_ej: Array.from(tl.unitEj.subarray(j * n, (j + 1) * n), nan),
        };
      });
      const warnings = sim.warnings;
      const result = {
        month: state.month, horizon: sim.horizon, rampup: o.rampup !== false ? state.rampupSource : 'off',
        changes: plan.map((c, i) => ({ change: c, warnings: warnings[i]!.map((w) => ({ code: w.code, kind: w.kind, source: w.source, value: w.value ?? null, threshold: w.threshold ?? null, detail: w.detail ?? null })) })),
        indices: {
          unit: { before: pick(sim.before.unit.indices[R]!), after: pick(after.unit.indices[R]!) },
          position: { before: pick(sim.before.position.indices[R]!), after: pick(after.position.indices[R]!) },
        },
        timeline: tl.months.map((m, k) => ({ month: m, unit: pick(tl.unit[k]!), position: pick(tl.position[k]!) })),
        units: touched,
      };
      if (o.json) {
        process.stdout.write(JSON.stringify(result, null, 2) + '\n');
        return;
      }
      const f = (v: number | null) => (v === null ? '—' : v.toFixed(4));
      const out: string[] = [];
      out.push(`Simulation on ${state.month} (${state.people.nip.length} people, ${state.positions.id.length} positions, ${state.units.id.length} units); ${plan.length} changes; horizon ${sim.horizon} months; ramp-up ${result.rampup}`);
      out.push('', 'Changes and warnings:');
      plan.forEach((c, i) => {
        out.push(`  ${i + 1}. ${describe(c)}`);
        for (const w of warnings[i]!) out.push(`       ${w.kind === 'signal' ? '+' : '!'} ${WARNING_TEXT_EN[w.code]} [${w.source}]`);
      });
      for (const level of ['unit', 'position'] as const) {
        out.push('', `Indices across ${level}s (all regions):    before      after`);
        for (const k of INDEX_KEYS) out.push(`  ${k.padEnd(24)} ${f(result.indices[level].before[k] as number).padStart(10)} ${f(result.indices[level].after[k] as number).padStart(10)}`);
      }
      out.push('', 'Timeline (across units):', `  month      ${INDEX_KEYS.map((k) => k.slice(0, 10).padStart(11)).join('')}`);
      for (const row of result.timeline) out.push(`  ${row.month}    ${INDEX_KEYS.map((k) => f(row.unit[k] as number).padStart(11)).join('')}`);
      out.push('', 'Touched units:            EJ before → after   staff before → after');
      for (const u of touched) out.push(`  ${u.unit_name.slice(0, 40).padEnd(40)} ${f(u.before.ej)} → ${f(u.after.ej)}   ${u.before.staff} → ${u.after.staff}`);
      process.stdout.write(out.join('\n') + '\n');
    });
}

function nan(v: number): number | null {
  return Number.isNaN(v) ? null : v;
}

function describe(c: import('../simulate/types.ts').Change): string {
  switch (c.type) {
    case 'move': return `move ${c.nip} → ${c.to} from ${c.month}`;
    case 'leave': return `${c.nip} leaves from ${c.month}${c.reason ? ` (${c.reason})` : ''}`;
    case 'hire': return `hire ${c.nip} into ${c.to} from ${c.month}`;
    case 'demand': return `demand of ${c.target} ${c.id} × ${c.factor} from ${c.from} to ${c.to}`;
    case 'add_position': return `add position ${c.id} to ${c.unit} (${c.workload} min/month) from ${c.month}`;
    case 'remove_position': return `remove position ${c.id} from ${c.month}`;
  }
}
