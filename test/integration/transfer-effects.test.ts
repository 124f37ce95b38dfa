// Effects of past transfers on the sample warehouse, against the planted truths of the generator
// (data/sample/_truth/truth.json): the panels (marts/effect_panel_unit, marts/effect_panel_employee), the
// estimates of the derived step (transfer_effect, transfer_rampup, transfer_effect_info) and its determinism.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { query } from './helpers.ts';
import { buildSampleWarehouse, type SampleWarehouse } from './sample-warehouse.ts';
import { runTransferEffects } from '../../pipeline/warehouse/steps/transfer-effects.ts';

let s: SampleWarehouse;
const q = (sql: string) => query(s.db, sql);
beforeAll(() => {
  s = buildSampleWarehouse();
});
afterAll(() => s?.cleanup());

describe('effect panels', () => {
  it('unit panel: balanced, and the treated cohorts are the planted receiving units', async () => {
    const [b] = await q(`SELECT count(*) AS n, count(DISTINCT unit_id) AS units, count(DISTINCT "month") AS months FROM effect_panel_unit`);
    expect(b!.months).toBe(s.truth.window.months);
    expect(b!.n).toBe((b!.units as number) * (b!.months as number));
    const got = await q(`SELECT cohort, list(DISTINCT unit_id ORDER BY unit_id) AS units FROM effect_panel_unit WHERE cohort > 0 GROUP BY cohort ORDER BY cohort`);
    const want = s.truth.effects.cohorts.filter((c) => c.n_units > 0).map((c) => ({ cohort: c.group, units: [...c.units].sort() }));
    expect(got).toEqual(want);
    const roles = await q(`SELECT DISTINCT wave_role FROM effect_panel_unit WHERE cohort > 0`);
    expect(roles).toEqual([{ wave_role: 'receiver' }]);
  });

  it('unit panel: the mean score per unit and month is the one of the answer key', async () => {
    const [d] = await q(`
      SELECT count(*) AS n, max(abs(p.mean_score - k.mean_score)) AS diff
      FROM effect_panel_unit p
      JOIN read_csv('${s.input}/_truth/panel_unit_month.csv') k ON k.unit_id = p.unit_id AND k.period = p.t`);
    expect(d!.n).toBe((await q(`SELECT count(*) AS n FROM effect_panel_unit`))[0]!.n);
    expect(d!.diff as number).toBeLessThan(1e-3);
  });

  it('employee panel: balanced, cohort = month of the first transfer inside the calendar', async () => {
    const [b] = await q(`SELECT count(DISTINCT nip) AS people, count(*) AS n, min(k) AS kmin, max(k) AS kmax
      FROM (SELECT nip, count(*) AS k FROM effect_panel_employee GROUP BY nip)`);
    expect(b!.kmin).toBe(s.truth.window.months);
    expect(b!.kmax).toBe(s.truth.window.months);
    const [c] = await q(`
      WITH f AS (SELECT nip, min(month_ceil(effective_date)) AS m FROM transfer
                 WHERE month_ceil(effective_date) BETWEEN (SELECT min("month") FROM month_calendar) AND (SELECT max("month") FROM month_calendar)
                 GROUP BY nip)
      SELECT count(*) FILTER (WHERE (f.m IS NULL AND p.cohort <> 0) OR (f.m IS NOT NULL AND p.cohort <> date_diff('month', (SELECT min("month") FROM month_calendar), f.m) + 1)) AS wrong
      FROM (SELECT DISTINCT nip, cohort FROM effect_panel_employee) p LEFT JOIN f USING (nip)`);
    expect(c!.wrong).toBe(0);
  });
});

  it('employee panel: one row per person and month (spells of a person never overlap)', async () => {
    // effect_panel_employee counts a person's months with count(*), which is right only if no two spells of one
    // person cover the same day
    const [o] = await q(`
      SELECT count(*) AS n FROM employee_position_history a JOIN employee_position_history b
        ON a.nip = b.nip AND a.rowid < b.rowid
       AND coalesce(a.valid_from, DATE '0001-01-01') < coalesce(b.valid_to, DATE '9999-12-31')
       AND coalesce(b.valid_from, DATE '0001-01-01') < coalesce(a.valid_to, DATE '9999-12-31')`);
    expect(o!.n).toBe(0);
    const [d] = await q(`SELECT count(*) - count(DISTINCT (nip, "month")) AS dup FROM effect_panel_employee`);
    expect(d!.dup).toBe(0);
  });

  it('employee panel: who is complete, counted without the join, is who has a scored rating in a unit every month', async () => {
    // effect_panel_employee counts a person's scored months and the months a spell covers separately; this is the
    // join those counts stand for (every scored rating against the spell covering its month). The sample is
    // below the cap (nobody sampled out), so the panel's people are exactly the complete ones.
    const [r] = await q(`
      WITH joined AS (
        SELECT p.nip FROM performance p JOIN employee_position_history h
          ON h.nip = p.nip AND (h.valid_from IS NULL OR h.valid_from <= p.period) AND (h.valid_to IS NULL OR h.valid_to > p.period)
        WHERE p.score IS NOT NULL AND p.period IN (SELECT "month" FROM month_calendar)
        GROUP BY p.nip HAVING count(*) = (SELECT count(*) FROM month_calendar)
      ), panel AS (SELECT DISTINCT nip FROM effect_panel_employee)
      SELECT (SELECT count(*) FROM joined) AS complete, (SELECT count(*) FROM panel) AS kept,
             (SELECT count(*) FROM (FROM joined EXCEPT FROM panel)) AS missing, (SELECT count(*) FROM (FROM panel EXCEPT FROM joined)) AS extra,
             (SELECT count(*) FROM effect_panel_employee WHERE sample_share <> 1) AS sampled`);
    expect(r!.sampled).toBe(0);
    expect(r!.complete as number).toBeGreaterThan(1000);
    expect(r).toMatchObject({ kept: r!.complete, missing: 0, extra: 0 });
  });

  it('unit_rating_monthly: the ratings of the people whose spell covers the 1st of the month, per unit', async () => {
    // both effect panels read it; recomputed here from the ratings and spells directly
    const [r] = await q(`
      WITH j AS (
        SELECT h.unit_id, p.period AS "month", p.score, p.rating_rank,
               h.valid_from IS NULL OR date_sub('month', h.valid_from, p.period) >= 12 AS settled
        FROM performance p JOIN employee_position_history h
          ON h.nip = p.nip AND (h.valid_from IS NULL OR h.valid_from <= p.period) AND (h.valid_to IS NULL OR h.valid_to > p.period)
        WHERE p.period IN (SELECT "month" FROM month_calendar)
      ), want AS (
        SELECT unit_id, "month", avg(score) AS mean_score, avg(rating_rank) AS mean_rating_rank, count(score) AS n_scored,
               sum(score) FILTER (WHERE settled) AS settled_score_sum, count(score) FILTER (WHERE settled) AS n_settled
        FROM j GROUP BY ALL)
      SELECT count(*) AS n, count(u.unit_id) AS matched,
             max(abs(u.mean_score - w.mean_score)) AS d_score, max(abs(u.mean_rating_rank - w.mean_rating_rank)) AS d_rank,
             max(abs(u.settled_score_sum - w.settled_score_sum)) AS d_sum,
             count(*) FILTER (WHERE u.n_scored <> w.n_scored OR u.n_settled <> w.n_settled) AS d_counts,
             (SELECT count(*) FROM unit_rating_monthly) AS rows
      FROM want w LEFT JOIN unit_rating_monthly u USING (unit_id, "month")`);
    expect(r!.n as number).toBeGreaterThan(100);
    expect(r).toMatchObject({ matched: r!.n, rows: r!.n, d_counts: 0 });
    expect(r!.d_score as number).toBeLessThan(1e-9);
    expect(r!.d_rank as number).toBeLessThan(1e-9);
    expect(r!.d_sum as number).toBeLessThan(1e-6);
  });

describe('transfer_effect on the sample', () => {
  it('every outcome × level is estimated', async () => {
    const info = await q(`SELECT level, outcome, status, control, biters FROM transfer_effect_info ORDER BY level DESC, outcome`);
    expect(info.map((r) => `${r.level}/${r.outcome}/${r.status}`)).toEqual([
      'unit/ej/estimated', 'unit/mean_rating_rank/estimated', 'unit/mean_score/estimated', 'unit/staffing_gap/estimated',
      'employee/score/estimated', 'employee/score_vs_colleagues/estimated',
    ]);
    for (const r of info) expect(r).toMatchObject({ control: 'notyettreated', biters: 999 });
  });

  it('unit mean score: the ATT(g,t) bands cover the planted true values for most cells', async () => {
    const truth = new Map(s.truth.effects.att_gt.map((c) => [`${c.group},${c.time}`, c.att]));
    const cells = await q(`SELECT "group", "time", att, se, ci_low, ci_high FROM transfer_effect
      WHERE level = 'unit' AND outcome = 'mean_score' AND aggregation = 'att_gt' AND se IS NOT NULL`);
    expect(cells.length).toBeGreaterThan(90);
    let band = 0;
    let pointwise = 0;
    for (const c of cells) {
      const t = truth.get(`${c.group},${c.time}`) ?? 0;
      if ((c.ci_low as number) <= t && t <= (c.ci_high as number)) band++;
      if (Math.abs((c.att as number) - t) <= 1.96 * (c.se as number)) pointwise++;
    }
    // measured on the seed-42 city sample: 100/105 inside the simultaneous band, 92/105 inside ±1.96 se
    expect(band / cells.length).toBeGreaterThanOrEqual(0.85);
    expect(pointwise / cells.length).toBeGreaterThanOrEqual(0.75);
  });

  it('unit mean score: the simple and event-study ATTs are within their CIs of the truth', async () => {
    const agg = s.truth.effects.aggregations;
    const [simple] = await q(`SELECT att, ci_low, ci_high FROM transfer_effect WHERE level = 'unit' AND outcome = 'mean_score' AND aggregation = 'simple'`);
    expect(simple!.ci_low as number).toBeLessThanOrEqual(agg.simple);
    expect(simple!.ci_high as number).toBeGreaterThanOrEqual(agg.simple);
    expect(Math.abs((simple!.att as number) - agg.simple)).toBeLessThan(0.75);
    const dynTruth = new Map(agg.dynamic.map((d) => [d.event_time, d.att]));
    const dyn = await q(`SELECT event_time, ci_low, ci_high FROM transfer_effect
      WHERE level = 'unit' AND outcome = 'mean_score' AND aggregation = 'dynamic' AND event_time BETWEEN 0 AND 12`);
    expect(dyn.length).toBe(13);
    const covered = dyn.filter((d) => (d.ci_low as number) <= dynTruth.get(d.event_time as number)! && dynTruth.get(d.event_time as number)! <= (d.ci_high as number));
    expect(covered.length).toBeGreaterThanOrEqual(12);
  });

  it('receiving staff in a wave lowers the receiving units\' EJ and staffing gap', async () => {
    const rows = await q(`SELECT outcome, att, ci_high FROM transfer_effect WHERE level = 'unit' AND aggregation = 'simple' AND outcome IN ('ej', 'staffing_gap') ORDER BY outcome`);
    for (const r of rows) expect(r.ci_high as number, r.outcome as string).toBeLessThan(0);
  });

  it('the employee ramp-up recovers the planted −6 / −3 / 0', async () => {
    const ramp = new Map(s.truth.effects.employee_event_time_effects.map((e) => [e.event_time, e.effect]));
    const rows = await q(`SELECT months_since_transfer AS e, effect, ci_low, ci_high, share_of_full_productivity AS share FROM transfer_rampup ORDER BY e`);
    expect(rows.map((r) => r.e).slice(0, 12)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    for (const r of rows.slice(0, 12)) {
      const truth = ramp.get(r.e as number) ?? 0;
      expect(Math.abs((r.effect as number) - truth), `month ${r.e}`).toBeLessThan(1);
      expect(r.ci_low as number, `month ${r.e}`).toBeLessThanOrEqual(truth);
      expect(r.ci_high as number, `month ${r.e}`).toBeGreaterThanOrEqual(truth);
    }
    expect(rows[0]!.share as number).toBeGreaterThan(0.9);
    expect(rows[0]!.share as number).toBeLessThan(0.95);
  });

  it('every new table and view is documented with COMMENT ON', async () => {
    const rows = await q(`SELECT table_name, comment FROM (SELECT table_name, comment FROM duckdb_tables()
      UNION ALL SELECT view_name, comment FROM duckdb_views() WHERE NOT internal) WHERE table_name IN
      ('transfer_audit', 'transfer_audit_fact', 'tenure_overdue', 'effect_panel_unit', 'effect_panel_employee', 'transfer_effect',
       'transfer_effect_info', 'transfer_rampup') ORDER BY 1`);
    expect(rows.length).toBe(8);
    for (const r of rows) expect(String(r.comment ?? '').length, r.table_name as string).toBeGreaterThan(40);
  });

  it('a unit or person with the outcome missing in a month is left out of that outcome only, as if absent', async () => {
    // the panels are read in one query per level and split per outcome: a key with a missing value of one outcome
    // leaves that outcome's panel (n_left_out), the others keep it, and the estimates are those of the panel
    // without it (the ids renumbered densely)
    const inst = await DuckDBInstance.create(':memory:');
    const conn = await inst.connect();
    try {
      await conn.run(`ATTACH '${s.db}' AS w (READ_ONLY);
        CREATE TABLE effect_panel_unit AS FROM w.effect_panel_unit; CREATE TABLE effect_panel_employee AS FROM w.effect_panel_employee;
        DETACH w`);
      const [u] = (await conn.runAndReadAll(`SELECT min(unit_id) FROM effect_panel_unit WHERE wave_role <> 'sender' AND cohort = 0`)).getRows()[0]!;
      const [e] = (await conn.runAndReadAll(`SELECT min(nip) FROM effect_panel_employee WHERE cohort = 0`)).getRows()[0]!;
      const all = await runTransferEffects(conn);
      await conn.run(`UPDATE effect_panel_unit SET ej = 'NaN'::DOUBLE WHERE unit_id = '${String(u)}' AND t = 3;
        UPDATE effect_panel_employee SET score = NULL WHERE nip = '${String(e)}' AND t = 2`);
      const missing = await runTransferEffects(conn);
      const left = (r: typeof all, o: string) => r.info.find((i) => i.outcome === o)!;
      expect(left(missing, 'ej').n_left_out).toBe(1);
      expect(left(missing, 'ej').n_units).toBe(left(all, 'ej').n_units! - 1);
      expect(left(missing, 'score').n_left_out).toBe(1);
      expect(left(missing, 'mean_score')).toEqual({ ...left(all, 'mean_score'), ms: expect.any(Number) });
      await conn.run(`DELETE FROM effect_panel_unit WHERE unit_id = '${String(u)}'; DELETE FROM effect_panel_employee WHERE nip = '${String(e)}'`);
      const absent = await runTransferEffects(conn);
      const rows = (r: typeof all, o: string) => r.effects.filter((x) => x.outcome === o);
      for (const o of ['ej', 'score']) expect(rows(missing, o)).toEqual(rows(absent, o));
    } finally {
      conn.closeSync();
      inst.closeSync();
    }
  }, 120_000);

  it('deterministic: estimating again from the same warehouse gives the same table', async () => {
    const inst = await DuckDBInstance.create(s.db, { access_mode: 'READ_ONLY' });
    const conn = await inst.connect();
    let again: Awaited<ReturnType<typeof runTransferEffects>>;
    try {
      again = await runTransferEffects(conn);
    } finally {
      conn.closeSync();
      inst.closeSync();
    }
    const stored = await q(`SELECT outcome, level, aggregation, "group", "time", event_time, att, se, ci_low, ci_high, n, n_treated FROM transfer_effect`);
    expect(stored.length).toBe(again.effects.length);
    expect(stored).toEqual(again.effects.map((e) => ({
      outcome: e.outcome, level: e.level, aggregation: e.aggregation, group: e.group, time: e.time, event_time: e.event_time,
      att: e.att, se: e.se, ci_low: e.ci_low, ci_high: e.ci_high, n: e.n, n_treated: e.n_treated,
    })));
  }, 120_000);
});
