// Agreement with R's `did` on its bundled `mpdta` data (minimum wage and teen employment, 500 counties,
// 2003–2007), against the output printed in did's documentation (README, vignette "did-basics", reference page
// of aggte; did 2.5.x, no covariates). The data are not part of this repository: set SEIMBANG_MPDTA_CSV to a CSV
// with columns year, countyreal, lpop, lemp, first.treat, treat (e.g. exported from R with
// write.csv(did::mpdta, row.names = FALSE)) and run `npm run test:reference`. It is not part of `npm test`
// because the data are GPL-licensed and not redistributed here; without the file this test FAILS, it never skips.
//
// Point estimates and the Wald pre-test p-value are deterministic and must agree to the printed digits; did's
// printed SEs come from its multiplier bootstrap (random), so SEs are only compared loosely.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { aggregateDynamic, balancePanel, computeAttGt, estimateEffects, preparePanel } from '../../pipeline/effects/index.ts';
import type { PanelRow } from '../../pipeline/effects/index.ts';

const path = process.env.SEIMBANG_MPDTA_CSV;
const available = !!path && existsSync(path);

function load(): PanelRow[] {
  const [head, ...lines] = readFileSync(path!, 'utf8').trim().split(/\r?\n/);
  const cols = head.split(',').map((c) => c.replace(/"/g, ''));
  const at = (name: string) => cols.indexOf(name);
  return lines.map((l) => {
    const v = l.split(',').map((x) => Number(x.replace(/"/g, '')));
    return { id: v[at('countyreal')], time: v[at('year')], cohort: v[at('first.treat')], y: v[at('lemp')] };
  });
}

// did README / reference att_gt (est_method "reg" and "dr" agree without covariates)
const ATT_GT: [number, number, number][] = [
  [2004, 2004, -0.0105], [2004, 2005, -0.0704], [2004, 2006, -0.1373], [2004, 2007, -0.1008],
  [2006, 2004, 0.0065], [2006, 2005, -0.0028], [2006, 2006, -0.0046], [2006, 2007, -0.0412],
  [2007, 2004, 0.0305], [2007, 2005, -0.0027], [2007, 2006, -0.0311], [2007, 2007, -0.0261],
];
const DYNAMIC: [number, number][] = [[-3, 0.0305], [-2, -0.0006], [-1, -0.0245], [0, -0.0199], [1, -0.051], [2, -0.1373], [3, -0.1008]];

if (!available) throw new Error('set SEIMBANG_MPDTA_CSV to a CSV export of did::mpdta (see the top of this file)');

describe('did on mpdta (printed output of did 2.5.x)', () => {
  const rows = available ? load() : [];
  const r = available ? estimateEffects(rows, { biters: 1000, seed: 1 }) : undefined!;

  it('ATT(g,t) to 4 decimals and the pre-test p-value 0.16812', () => {
    expect(r.n_units).toBe(500);
    expect(r.att_gt.map((c) => [c.group, c.time])).toEqual(ATT_GT.map(([g, t]) => [g, t]));
    r.att_gt.forEach((c, k) => expect(c.att!).toBeCloseTo(ATT_GT[k][2], 4));
    expect(r.pretest!.df).toBe(5);
    expect(r.pretest!.p_value).toBeCloseTo(0.16812, 5);
  });

  it('aggregations to the printed digits', () => {
    expect(r.simple.att!).toBeCloseTo(-0.04, 4);
    expect(r.dynamic.map((d) => d.e)).toEqual(DYNAMIC.map(([e]) => e));
    r.dynamic.forEach((d, k) => expect(d.att!).toBeCloseTo(DYNAMIC[k][1], 4));
    expect(r.dynamic_overall.att!).toBeCloseTo(-0.0772, 4);
    expect(r.group.map((g) => g.att!)).toEqual([expect.closeTo(-0.0797, 4), expect.closeTo(-0.0229, 4), expect.closeTo(-0.0261, 4)]);
    expect(r.group_overall.att!).toBeCloseTo(-0.031, 4);
    expect(r.calendar.map((c) => c.att!)).toEqual([
      expect.closeTo(-0.0105, 4), expect.closeTo(-0.0704, 4), expect.closeTo(-0.0488, 4), expect.closeTo(-0.0371, 4),
    ]);
    expect(r.calendar_overall.att!).toBeCloseTo(-0.0417, 4);
  });

  it('balance_e = 1 event study (vignette did-basics)', () => {
    const panel = preparePanel(balancePanel(rows));
    const d = aggregateDynamic(panel, computeAttGt(panel), { balanceE: 1 });
    expect(d.items.map((x) => [x.key, x.att])).toEqual([
      [-2, expect.closeTo(0.0065, 4)], [-1, expect.closeTo(-0.0028, 4)], [0, expect.closeTo(-0.0066, 4)], [1, expect.closeTo(-0.051, 4)],
    ]);
    expect(d.overall.att).toBeCloseTo(-0.0288, 4);
  });

  it('bootstrap SEs within 20% of the printed (bootstrap) SEs', () => {
    // README (reg) run of att_gt: 0.0246 0.0332 0.0397 0.0357 0.0229 0.0197 0.0179 0.0192 0.0154 0.0164 0.0184 0.0170
    const printed = [0.0246, 0.0332, 0.0397, 0.0357, 0.0229, 0.0197, 0.0179, 0.0192, 0.0154, 0.0164, 0.0184, 0.017];
    r.att_gt.forEach((c, k) => expect(Math.abs(c.se! / printed[k] - 1)).toBeLessThan(0.2));
    expect(Math.abs(r.simple.se! / 0.0119 - 1)).toBeLessThan(0.2);
    expect(Math.abs(r.group_overall.se! / 0.0126 - 1)).toBeLessThan(0.2);
    expect(r.att_gt_crit_val).toBeGreaterThan(2.3);
    expect(r.att_gt_crit_val).toBeLessThan(3.1);
  });
});


