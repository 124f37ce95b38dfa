/**
 * `seimbang effects`: Callaway & Sant'Anna (2021) staggered DiD on a balanced panel file (CSV or Parquet),
 * matching R's `did` (att_gt + aggte, no covariates). See docs/method-effects.md.
 */
import { existsSync } from 'node:fs';
import { extname } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { EffectsInputError, estimateEffects } from '../effects/index.ts';
import type { ControlGroup, EffectRow, EffectsResult, MultiplierWeights, PanelRow } from '../effects/index.ts';
import { UserError, EXIT } from '../errors.ts';

interface EffectsCliOptions {
  panel: string;
  id: string;
  time: string;
  cohort: string;
  outcome: string;
  control: ControlGroup;
  json?: boolean;
  biters: number;
  seed: number;
  weights: MultiplierWeights;
  alpha: number;
}

export function registerEffects(program: Command): void {
  program
    .command('effects')
    .description("past-transfer effects: Callaway & Sant'Anna staggered difference-in-differences on a balanced panel")
    .requiredOption('--panel <file>', 'panel file, CSV or Parquet (one row per unit and period)')
    .requiredOption('--id <col>', 'unit id column')
    .requiredOption('--time <col>', 'period column (numeric)')
    .requiredOption('--cohort <col>', 'first treated period column (0 = never treated)')
    .requiredOption('--outcome <col>', 'outcome column (numeric)')
    .addOption(
      new Option('--control <group>', 'comparison units: never treated, or also not yet treated')
        .argParser(parseControl)
        .default('nevertreated' as ControlGroup, 'never'),
    )
    .option('--json', 'print the results as JSON on stdout')
    .option('--biters <n>', 'multiplier-bootstrap draws; 0 = analytic standard errors only', (v) => wholeNumber(v, '--biters', 0), 1000)
    .option('--seed <n>', 'bootstrap seed', (v) => wholeNumber(v, '--seed', 0), 1)
    .addOption(
      new Option('--weights <kind>', 'bootstrap multipliers').choices(['rademacher', 'mammen']).default('rademacher'),
    )
    .option('--alpha <a>', 'one minus the confidence level', parseAlpha, 0.05)
    .addHelpText(
      'after',
      '\nExample:\n  seimbang effects --panel panel.csv --id unit --time year --cohort first_year --outcome y --control notyet\n\n' +
        'Exit codes: 0 ok, 1 bad input (missing column, unbalanced panel, …), 2 usage.',
    )
    .action(async (o: EffectsCliOptions) => {
      const rows = await readPanel(o);
      let result: EffectsResult;
      try {
        result = estimateEffects(rows, {
          control: o.control,
          biters: o.biters,
          seed: o.seed,
          weights: o.weights,
          alpha: o.alpha,
        });
      } catch (err) {
        if (err instanceof EffectsInputError) throw new UserError(`${o.panel}: ${err.message}`, EXIT.badInput);
        throw err;
      }
      process.stdout.write(o.json ? `${JSON.stringify(result, null, 2)}\n` : formatResult(result, o));
    });
}

function parseControl(v: string): ControlGroup {
  const k = v.toLowerCase().replace(/[-_ ]/g, '');
  if (k === 'never' || k === 'nevertreated') return 'nevertreated';
  if (k === 'notyet' || k === 'notyettreated') return 'notyettreated';
  throw new InvalidArgumentError(`--control must be "never" or "notyet", got "${v}"`);
}

function wholeNumber(v: string, flag: string, min: number): number {
  const n = Number(v);
  if (!/^\d+$/.test(v.trim()) || !Number.isSafeInteger(n) || n < min) {
    throw new InvalidArgumentError(`${flag} must be a whole number ≥ ${min}, got ${v}`);
  }
  return n;
}

function parseAlpha(v: string): number {
  const a = Number(v);
  if (!(a > 0 && a < 1)) throw new InvalidArgumentError(`--alpha must be between 0 and 1, got ${v}`);
  return a;
}

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;
const sqlIdent = (s: string) => `"${s.replace(/"/g, '""')}"`;
const NUMERIC_TYPES = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|REAL|DOUBLE|DECIMAL.*)$/i;

/** Read the four columns of the panel with DuckDB; numbers as doubles, the id kept numeric when it is. */
async function readPanel(o: EffectsCliOptions): Promise<PanelRow[]> {
  if (!existsSync(o.panel)) throw new UserError(`panel file not found: ${o.panel}`, EXIT.badInput);
  const ext = extname(o.panel).toLowerCase();
  const source = ext === '.parquet' ? `read_parquet(${sqlString(o.panel)})` : `read_csv_auto(${sqlString(o.panel)})`;
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  try {
    let columns: { name: string; type: string }[];
    try {
      const desc = await conn.runAndReadAll(`DESCRIBE SELECT * FROM ${source}`);
      columns = desc.getRowObjectsJS().map((r) => ({ name: String(r.column_name), type: String(r.column_type) }));
    } catch (err) {
      throw new UserError(`cannot read ${o.panel}: ${(err as Error).message.split('\n')[0]}`, EXIT.badInput);
    }
    const roles: [keyof EffectsCliOptions, string][] = [
      ['id', o.id],
      ['time', o.time],
      ['cohort', o.cohort],
      ['outcome', o.outcome],
    ];
    for (const [role, col] of roles) {
      if (!columns.some((c) => c.name === col)) {
        throw new UserError(
          `column "${col}" (--${role}) not found in ${o.panel}; columns: ${columns.map((c) => c.name).join(', ')}`,
          EXIT.badInput,
        );
      }
    }
    // numeric ids stay numbers (sorted numerically) when doubles represent them exactly
    let idNumeric = NUMERIC_TYPES.test(columns.find((c) => c.name === o.id)!.type);
    if (idNumeric) {
      try {
        const r = await conn.runAndReadAll(
          `SELECT coalesce(bool_and(abs(${sqlIdent(o.id)}) <= 9007199254740991), true) AS ok FROM ${source}`,
        );
        idNumeric = r.getRowObjectsJS()[0].ok === true;
      } catch {
        idNumeric = false;
      }
    }
    const num = (col: string, as: string) =>
      `TRY_CAST(${sqlIdent(col)} AS DOUBLE) AS ${as}, CAST(${sqlIdent(col)} AS VARCHAR) AS ${as}_raw`;
    const sql =
      `SELECT CAST(${sqlIdent(o.id)} AS ${idNumeric ? 'DOUBLE' : 'VARCHAR'}) AS id, ` +
      `${num(o.time, 'time')}, ${num(o.cohort, 'cohort')}, ${num(o.outcome, 'y')} FROM ${source}`;
    let raw: Record<string, unknown>[];
    try {
      raw = (await conn.runAndReadAll(sql)).getRowObjectsJS();
    } catch (err) {
      throw new UserError(`cannot read ${o.panel}: ${(err as Error).message.split('\n')[0]}`, EXIT.badInput);
    }
    return raw.map((r, k) => {
      const id = r.id as string | number | null;
      if (id === null) throw new UserError(`${o.panel}: row ${k + 1} has no ${o.id}`, EXIT.badInput);
      const field = (as: 'time' | 'cohort' | 'y', col: string, allowNull: boolean): number | null => {
        const v = r[as] as number | null;
        const rawV = r[`${as}_raw`] as string | null;
        if (v === null && rawV !== null) {
          throw new UserError(`${o.panel}: column "${col}" has a non-numeric value "${rawV}" (id ${id})`, EXIT.badInput);
        }
        if (v === null && !allowNull) throw new UserError(`${o.panel}: column "${col}" is empty for id ${id}`, EXIT.badInput);
        return v;
      };
      return {
        id,
        time: field('time', o.time, false)!,
        cohort: field('cohort', o.cohort, false)!,
        y: field('y', o.outcome, true),
      };
    });
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

const fmt = (v: number | null, d = 4) => (v === null ? 'NA' : v.toFixed(d));

function table(head: string[], rows: string[][]): string[] {
  const w = head.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j].length)));
  const line = (r: string[]) => '  ' + r.map((c, j) => c.padStart(w[j])).join('  ');
  return [line(head), ...rows.map(line)];
}

const ci = (r: EffectRow) => `[${fmt(r.ci_low)}, ${fmt(r.ci_high)}]`;
const star = (r: EffectRow) => (r.ci_low !== null && r.ci_high !== null && (r.ci_low > 0 || r.ci_high < 0) ? '*' : '');

function formatResult(r: EffectsResult, o: EffectsCliOptions): string {
  const level = `${Math.round((1 - r.alpha) * 1000) / 10}%`;
  const band = r.bootstrap ? 'simultaneous band' : 'pointwise CI';
  const out: string[] = [
    '',
    `Callaway & Sant'Anna (2021) staggered DiD — ${o.panel}`,
    `outcome ${o.outcome}; ${r.n_units} units; periods ${r.periods[0]}–${r.periods[r.periods.length - 1]} (${r.periods.length}); ` +
      `control: ${r.control === 'nevertreated' ? 'never treated' : 'not yet treated'}`,
    r.bootstrap
      ? `SEs: multiplier bootstrap (${r.bootstrap.biters} draws, ${r.bootstrap.weights}, seed ${r.bootstrap.seed}), clustered by unit`
      : 'SEs: analytic (influence function)',
    '',
    `Group-time effects ATT(g,t)  (${level} ${band}, critical value ${r.att_gt_crit_val.toFixed(3)})`,
    ...table(
      ['group', 'time', 'base', 'ATT(g,t)', 'SE', `${level} ${r.bootstrap ? 'band' : 'CI'}`, ''],
      r.att_gt.map((c) => [String(c.group), String(c.time), String(c.base_time), fmt(c.att), fmt(c.se), ci(c), star(c)]),
    ),
  ];
  if (r.pretest) {
    out.push(`  Pre-test of parallel trends (Wald, ${r.pretest.df} pre-treatment cells): p = ${r.pretest.p_value.toFixed(5)}`);
  }
  out.push('', `Simple ATT (post-treatment cells weighted by group size): ${fmt(r.simple.att)}  SE ${fmt(r.simple.se)}  ${level} CI ${ci(r.simple)}`);
  out.push('', `Event study by time since treatment e = t − g  (${level} ${band}, critical value ${r.dynamic_crit_val.toFixed(3)})`);
  out.push(...table(['e', 'ATT(e)', 'SE', 'interval', ''], r.dynamic.map((d) => [String(d.e), fmt(d.att), fmt(d.se), ci(d), star(d)])));
  out.push(`  average over e ≥ 0: ${fmt(r.dynamic_overall.att)}  SE ${fmt(r.dynamic_overall.se)}  ${level} CI ${ci(r.dynamic_overall)}`);
  out.push('', `By group (cohort)  (${level} ${band}, critical value ${r.group_crit_val.toFixed(3)})`);
  out.push(...table(['group', 'ATT(g)', 'SE', 'interval', ''], r.group.map((d) => [String(d.group), fmt(d.att), fmt(d.se), ci(d), star(d)])));
  out.push(`  overall (weighted by group size): ${fmt(r.group_overall.att)}  SE ${fmt(r.group_overall.se)}  ${level} CI ${ci(r.group_overall)}`);
  out.push('', `By calendar period  (${level} ${band}, critical value ${r.calendar_crit_val.toFixed(3)})`);
  out.push(...table(['time', 'ATT(t)', 'SE', 'interval', ''], r.calendar.map((d) => [String(d.time), fmt(d.att), fmt(d.se), ci(d), star(d)])));
  out.push(`  average over periods: ${fmt(r.calendar_overall.att)}  SE ${fmt(r.calendar_overall.se)}  ${level} CI ${ci(r.calendar_overall)}`);
  out.push(
    '',
    `For comparison, naive TWFE (unit + period effects, one post dummy): ${fmt(r.twfe.att)}  SE ${fmt(r.twfe.se)} (clustered by unit)`,
    `  ${r.twfe.note}`,
  );
  for (const w of r.warnings) out.push(`warning: ${w}`);
  out.push('* interval excludes 0', '');
  return out.join('\n');
}
