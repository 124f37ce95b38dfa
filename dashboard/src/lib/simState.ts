/** The browser side of the simulator's state: fetch /api/simulasi/state (Arrow), decode into typed arrays. */
import { decodeState } from '#sim-state/arrow.ts';
import { stateFromColumns } from '#sim-state/columns.ts';
import type { SimState } from '#simulate/index.ts';

export async function fetchSimState(fetchFn: typeof fetch, month: string | null): Promise<SimState> {
  const res = await fetchFn(`/api/simulasi/state${month ? `?month=${encodeURIComponent(month)}` : ''}`);
  if (!res.ok) {
    let msg = `HTTP ${res.status}`;
    try {
      msg = ((await res.json()) as { message?: string }).message ?? msg;
    } catch {
      /* not JSON */
    }
    throw new Error(msg);
  }
  const bytes = new Uint8Array(await res.arrayBuffer());
  performance.mark('sim:fetched');
  const cols = decodeState(bytes);
  performance.mark('sim:decoded');
  const st = stateFromColumns(cols);
  // the phases of loading (bench/simulasi-page.bench.ts reads them)
  performance.mark('sim:state');
  return st;
}

const KEY = 'seimbang.simulasi.plan.v1';

/** The plan kept in the browser (until saved scenarios exist): per base month. */
export function savePlan(month: string, plan: unknown[]): void {
  try {
    localStorage.setItem(KEY, JSON.stringify({ month, plan }));
  } catch {
    /* storage full or disabled: the plan lives for this page only */
  }
}

export function loadPlan(): { month: string; plan: unknown[] } | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const v = JSON.parse(raw) as { month?: unknown; plan?: unknown };
    return typeof v.month === 'string' && Array.isArray(v.plan) ? { month: v.month, plan: v.plan } : null;
  } catch {
    return null;
  }
}
