/**
 * Parameters that are well-formed but outside the warehouse: a month without data or an unknown region code
 * answer 400 (issue 19: any month from 0000-01 to 9999-12 used to answer 200 with empty rows, each missing the
 * response cache). The months and regions of a warehouse are read once per generation (a rebuild is a new one).
 */
import type { Generation, ParamValue } from './db';
import { runQuery } from './db';

interface Domain {
  months: Set<string>;
  first: string | null;
  last: string | null;
  regions: Set<string>;
}

const domains = new WeakMap<Generation, Promise<Domain>>();

async function readDomain(gen: Generation): Promise<Domain> {
  const m = await runQuery(gen, `SELECT DISTINCT strftime(month, '%Y-%m-01') FROM unit_load_monthly ORDER BY 1`, {});
  const r = await runQuery(gen, `SELECT DISTINCT region_code FROM unit WHERE region_code IS NOT NULL`, {});
  const months = (m.columns[0] ?? []).map(String);
  return { months: new Set(months), first: months[0] ?? null, last: months.at(-1) ?? null, regions: new Set((r.columns[0] ?? []).map(String)) };
}

export async function checkDomain(gen: Generation, values: Record<string, ParamValue>): Promise<{ param: string; message: string } | null> {
  const hasMonth = typeof values.month === 'string';
  const hasRegion = typeof values.region === 'string';
  if (!hasMonth && !hasRegion) return null;
  let p = domains.get(gen);
  if (!p) {
    p = readDomain(gen);
    domains.set(gen, p);
    p.catch(() => domains.delete(gen));
  }
  const d = await p;
  if (hasMonth && !d.months.has(values.month as string)) {
    const range = d.first && d.last ? ` (${d.first.slice(0, 7)} to ${d.last.slice(0, 7)})` : '';
    return { param: 'month', message: `Invalid parameter \`month\`: the warehouse has no data for ${(values.month as string).slice(0, 7)}; choose a month with data${range}.` };
  }
  if (hasRegion && !d.regions.has(values.region as string)) {
    return { param: 'region', message: `Invalid parameter \`region\`: no region ${values.region as string} in the warehouse (see /api/regions).` };
  }
  return null;
}
