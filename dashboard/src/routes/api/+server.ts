import { json } from '@sveltejs/kit';
import * as queries from '$lib/server/queries';
import type { QueryDef } from '$lib/server/queries/define';

const paths: Record<string, string> = {
  months: '/api/months',
  units: '/api/units',
  'build-info': '/api/build-info',
  regions: '/api/regions',
  overview: '/api/overview',
  'unit-load': '/api/unit-load',
  imbalance: '/api/imbalance',
  heatmap: '/api/heatmap',
  unit: '/api/units/{id}',
  'unit-history': '/api/units/{id}/history',
  'unit-positions': '/api/units/{id}/positions',
  'unit-transfers': '/api/units/{id}/transfers',
  'unit-performance': '/api/units/{id}/performance',
  'unit-subunits': '/api/units/{id}/subunits',
  'jabatan-titles': '/api/jabatan/titles',
  'jabatan-units': '/api/jabatan/units',
  'audit-rules': '/api/audit/rules',
  'audit-years': '/api/audit/years',
  'audit-units': '/api/audit/units',
  'audit-failures': '/api/audit/failures',
  'audit-transfer': '/api/audit/transfers/{id}',
  'audit-transfer-rules': '/api/audit/transfers/{id}/rules',
  'audit-transfer-load': '/api/audit/transfers/{id}/load',
  'effects-info': '/api/effects/info',
  effects: '/api/effects',
  'effects-rampup': '/api/effects/rampup',
};

/** Index of the data endpoints: path, what the rows are, and the parameters each accepts. */
export const GET = () =>
  json({
    formats: {
      default: 'application/vnd.apache.arrow.stream (Arrow IPC stream)',
      csv: 'add ?format=csv for text/csv',
    },
    caching: 'ETag = hash of build_info.built_at + endpoint + parameters; send If-None-Match for 304',
    endpoints: (Object.values(queries) as QueryDef[]).map((q) => ({
      name: q.name,
      path: paths[q.name] ?? null,
      description: q.description,
      params: Object.fromEntries(Object.entries(q.params).map(([k, s]) => [k, s.rule])),
    })),
  });
