/**
 * Every data endpoint, declared once: its path (with `{param}` segments), its query (which carries the validated
 * parameters and the SQL), the roles it admits, and the parameter sets the server computes in advance when it
 * opens a warehouse (warm-up). The router (routes/api/[...path]/+server.ts), the API index (/api), the access
 * check (hooks.server.ts) and the warm-up (warm.ts) all read this list.
 *
 * Adding an endpoint is one line here (and a query module in queries/).
 */
import type { Role } from '#app-store/roles.ts';
import * as q from './queries';
import type { QueryDef } from './queries/define';
import { ACCOUNTS, EVERYONE, PEOPLE } from './access';
// the tokens of a warm-up parameter set (the latest month, the analysis window's years)
import { LATEST_MONTH, WINDOW_FROM, WINDOW_TO, WINDOW_YEAR } from './warm-sets';

/**
 * Audit mutasi's answers for its default (the window) and for each year of it: they aggregate the transfer_audit
 * view, 0.5–0.9 s each at province scale uncached, so a year change would wait for four of them (bench pages)
 */
const AUDIT_SPANS: Record<string, string>[] = [{ from: WINDOW_FROM, to: WINDOW_TO }, { year: WINDOW_YEAR }];

export interface Endpoint {
  path: string;
  query: QueryDef;
  roles: readonly Role[];
  /** parameter sets to compute when a warehouse is opened (Ringkasan's answers) */
  warm?: Record<string, string>[];
}

const e = (path: string, query: QueryDef, roles: readonly Role[], warm?: Record<string, string>[]): Endpoint => ({ path, query, roles, warm });

export const ENDPOINTS: readonly Endpoint[] = [
  e('/api/months', q.months, EVERYONE, [{}]),
  e('/api/units', q.units, ACCOUNTS),
  e('/api/build-info', q.buildInfo, EVERYONE, [{}]),
  e('/api/regions', q.regions, EVERYONE),
  e('/api/overview', q.overview, ACCOUNTS, [{ month: LATEST_MONTH }]),
  e('/api/last-wave', q.lastWave, ACCOUNTS, [{ month: LATEST_MONTH }]),
  e('/api/waves', q.waves, ACCOUNTS, [{}]),
  e('/api/unit-load', q.unitLoad, ACCOUNTS, [{ month: LATEST_MONTH, lang: 'id' }, { month: LATEST_MONTH, lang: 'en' }]),
  e('/api/imbalance', q.imbalance, ACCOUNTS, [{ level: 'unit' }]),
  e('/api/heatmap', q.heatmap, ACCOUNTS, [{ month: LATEST_MONTH }]),
  e('/api/units/{id}', q.unitInfo, ACCOUNTS),
  e('/api/units/{id}/history', q.unitHistory, ACCOUNTS),
  e('/api/units/{id}/positions', q.unitPositions, ACCOUNTS),
  e('/api/units/{id}/positions/holders', q.unitPositionHolders, PEOPLE),
  e('/api/units/{id}/transfers', q.unitTransfers, ACCOUNTS),
  e('/api/units/{id}/waves', q.unitWaves, ACCOUNTS),
  e('/api/units/{id}/performance', q.unitPerformance, ACCOUNTS),
  e('/api/units/{id}/subunits', q.unitSubunits, ACCOUNTS),
  // counts only, suppressed below the minimum cell size (lib/server/disclosure.ts discloseReadiness)
  e('/api/units/{id}/readiness', q.unitReadiness, ACCOUNTS),
  e('/api/jabatan/titles', q.jabatanTitles, ACCOUNTS),
  e('/api/jabatan/units', q.jabatanUnits, ACCOUNTS),
  e('/api/audit/rules', q.auditRules, ACCOUNTS, AUDIT_SPANS),
  e('/api/audit/years', q.auditYears, ACCOUNTS),
  e('/api/audit/units', q.auditUnits, ACCOUNTS, AUDIT_SPANS),
  e('/api/audit/fairness', q.auditFairness, ACCOUNTS, AUDIT_SPANS),
  // one row per transfer that broke a rule, with the reason: person-level
  e('/api/audit/failures', q.auditFailures, PEOPLE, AUDIT_SPANS),
  e('/api/audit/transfers/{id}', q.auditTransfer, PEOPLE),
  e('/api/audit/transfers/{id}/rules', q.auditTransferRules, PEOPLE),
  e('/api/audit/transfers/{id}/load', q.auditTransferLoad, PEOPLE),
  e('/api/effects/info', q.effectsInfo, ACCOUNTS),
  e('/api/effects', q.effects, ACCOUNTS),
  e('/api/effects/rampup', q.effectsRampup, ACCOUNTS),
  e('/api/effects/waves', q.effectsWaves, ACCOUNTS),
  e('/api/pegawai/{ref}', q.pegawaiPerson, PEOPLE),
  e('/api/pegawai/{ref}/positions', q.pegawaiPositions, PEOPLE),
  e('/api/pegawai/{ref}/ratings', q.pegawaiRatings, PEOPLE),
  e('/api/pegawai/{ref}/transfers', q.pegawaiTransfers, PEOPLE),
];

interface Compiled {
  endpoint: Endpoint;
  re: RegExp;
  names: string[];
}

const compiled: Compiled[] = ENDPOINTS.map((endpoint) => {
  const names: string[] = [];
  const re = new RegExp(
    `^${endpoint.path
      .split('/')
      .map((seg) => {
        const m = /^\{(\w+)\}$/.exec(seg);
        if (!m) return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        names.push(m[1]!);
        return '([^/]+)';
      })
      .join('/')}/?$`,
  );
  return { endpoint, re, names };
});

/** The endpoint serving `pathname` and its route parameters (decoded), or null. */
export function matchEndpoint(pathname: string): { endpoint: Endpoint; params: Record<string, string> } | null {
  for (const c of compiled) {
    const m = c.re.exec(pathname);
    if (!m) continue;
    const params: Record<string, string> = {};
    try {
      c.names.forEach((n, i) => (params[n] = decodeURIComponent(m[i + 1]!)));
    } catch {
      return null; // malformed %-escape: no such resource
    }
    return { endpoint: c.endpoint, params };
  }
  return null;
}
