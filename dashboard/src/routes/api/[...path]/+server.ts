import { json, type RequestHandler } from '@sveltejs/kit';
import { serveQuery } from '$lib/server/arrow';
import { matchEndpoint } from '$lib/server/endpoints';
import { isPersonal } from '$lib/server/access';
import { audit } from '$lib/server/store';

/** Every data endpoint, routed from its declaration in lib/server/endpoints.ts (the hook has checked the role). */
export const GET: RequestHandler = async (event) => {
  const m = matchEndpoint(event.url.pathname);
  if (!m) return json({ error: 'not_found', message: `No endpoint ${event.url.pathname}; the list is at /api.` }, { status: 404 });
  const response = await serveQuery(event, m.endpoint.query, m.params);
  // a download of person-level data is an export of personal data: who, what, from where
  if (response.status === 200 && event.url.searchParams.get('format') === 'csv' && isPersonal(m.endpoint.roles)) {
    audit({ actor: event.locals.user?.username, actorRole: event.locals.role, action: 'personal_data_exported', target: event.url.pathname, address: event.getClientAddress() });
  }
  return response;
};
