import { json } from '@sveltejs/kit';
import { ENDPOINTS } from '$lib/server/endpoints';
import { PAGES } from '$lib/server/access';

/** Index of the data endpoints (path, what the rows are, parameters, roles admitted) and of the pages' roles. */
export const GET = () =>
  json({
    formats: {
      default: 'application/vnd.apache.arrow.stream (Arrow IPC stream)',
      csv: 'add ?format=csv for text/csv',
    },
    caching: 'ETag = hash of build_info.built_at + endpoint + parameters; send If-None-Match for 304',
    access: 'roles: publik (not signed in), pimpinan, analis, admin; sign in at /masuk. 401: sign in; 403: your role may not.',
    endpoints: ENDPOINTS.map((e) => ({
      name: e.query.name,
      path: e.path,
      description: e.query.description,
      params: Object.fromEntries(Object.entries(e.query.params).map(([k, s]) => [k, s.rule])),
      roles: e.roles,
    })),
    pages: Object.entries(PAGES).map(([route, roles]) => ({ route, roles })),
  });
