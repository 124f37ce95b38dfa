/** The public report of the current warehouse, computed once per build (the report is the same for every visitor). */
import { acquire, release, runQuery } from '../db';
import { collectPublik } from './collect';
import type { PublikReport } from '$lib/publik/report';

let cached: { builtAt: string; report: Promise<PublikReport> } | null = null;

export async function publikReport(): Promise<PublikReport> {
  const gen = await acquire();
  try {
    if (!cached || cached.builtAt !== gen.builtAt) {
      const report = collectPublik((sql, params) => runQuery(gen, sql, params));
      cached = { builtAt: gen.builtAt, report };
      report.catch(() => {
        if (cached?.report === report) cached = null;
      });
    }
    return await cached.report;
  } finally {
    release(gen);
  }
}
