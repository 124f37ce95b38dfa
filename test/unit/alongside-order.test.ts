// The order of a batch of models run beside a derived step's JavaScript (pipeline/warehouse/alongside.ts earlyFirst):
// the models marked `-- alongside: early` and what they read first, every model after the models it reads.
import { describe, expect, it } from 'vitest';
import { earlyFirst } from '../../pipeline/warehouse/alongside.ts';
import { loadModels, type Model } from '../../pipeline/warehouse/models.ts';

const model = (name: string, dependsOn: string[] = [], early = false): Model => ({
  name, layer: 'marts', path: `${name}.sql`, sql: '', dependsOn, ...(early ? { early } : {}),
});

describe('earlyFirst', () => {
  it('runs the early models and their inputs first, each after what it reads, the rest in their order', () => {
    const batch = [
      model('a'), model('b', ['a']), model('c', ['z']), model('d', ['c'], true), model('e', ['b', 'd']), model('f', [], true),
    ];
    // z is not in the batch (computed before it); d needs c; e needs b (needs a) and d
    expect(earlyFirst(batch).map((m) => m.name)).toEqual(['c', 'd', 'f', 'a', 'b', 'e']);
  });

  it('without early models the order is unchanged', () => {
    const batch = [model('a'), model('b', ['a']), model('c')];
    expect(earlyFirst(batch).map((m) => m.name)).toEqual(['a', 'b', 'c']);
  });

  it('the marts marked early are read from their SQL, and every mart of the build still follows its inputs', () => {
    const marts = loadModels().filter((m) => m.layer === 'marts');
    expect(marts.filter((m) => m.early).map((m) => m.name).sort()).toEqual(['staffing_need', 'tenure_overdue', 'transfer_audit_fact']);
    const order = earlyFirst(marts).map((m) => m.name);
    for (const m of marts) for (const d of m.dependsOn) if (order.includes(d)) expect(order.indexOf(d)).toBeLessThan(order.indexOf(m.name));
  });
});
