/**
 * Every request passes here, in this order:
 *  1. the per-client rate limit (lib/server/rate-limit.ts) → 429;
 *  2. the session cookie → `locals.user` / `locals.role` (lib/server/session.ts);
 *  3. the access check: the route × role table (lib/server/access.ts for pages, lib/server/endpoints.ts for data
 *     endpoints) → 401 (sign in) or 403; a route without an entry is refused (fail closed);
 *  4. a generated one-time password must be changed first (→ /akun);
 *  5. a page while no warehouse can be read answers 503 (it still shows the notice);
 *  6. security headers on every answer (the Content-Security-Policy comes from svelte.config.js `kit.csp`).
 */
import { json, redirect, type Handle, type HandleServerError, type RequestEvent, type ServerInit } from '@sveltejs/kit';
import { startWarmUp } from '$lib/server/warm';
import { parseLang } from '$lib/params';
import { admits, API_ROUTE_ID, isPersonal, isPrivate, PAGES } from '$lib/server/access';
import { matchEndpoint } from '$lib/server/endpoints';
import { readSession, SESSION_COOKIE } from '$lib/server/session';
import { requestLimit } from '$lib/server/rate-limit';
import { acquire, release, WarehouseUnavailableError } from '$lib/server/db';
import { logOnce } from '$lib/server/log';
import { audit } from '$lib/server/store';
import type { Role } from '#app-store/roles.ts';

/** routes that work without a warehouse (sign-in, account and admin pages) */
const WITHOUT_WAREHOUSE = new Set(['/masuk', '/keluar', '/akun', '/admin/pengguna', '/admin/log-audit', '/admin/log-audit/csv', '/api']);

function rolesOf(event: RequestEvent): readonly Role[] | undefined | 'no-route' {
  const id = event.route.id;
  if (id === null) return 'no-route'; // SvelteKit answers 404
  if (id === API_ROUTE_ID) return matchEndpoint(event.url.pathname)?.endpoint.roles ?? 'no-route';
  return PAGES[id];
}

const isApi = (event: RequestEvent) => event.url.pathname === '/api' || event.url.pathname.startsWith('/api/');

function refuse(event: RequestEvent, status: 401 | 403, why: string, expired = false): Response {
  const lang = parseLang(event.url.searchParams.get('lang'));
  if (isApi(event) || event.request.method !== 'GET') {
    return json(
      status === 401
        ? { error: 'sign_in_required', message: 'Sign in (at /masuk) with a role that may see these data.' }
        : { error: 'forbidden', message: `Your role may not see these data (${why}).` },
      { status, headers: { 'Cache-Control': 'no-store' } },
    );
  }
  if (status === 401) {
    // an anonymous visitor at the front door gets the public report, not a sign-in form (issue 19)
    if (event.url.pathname === '/' && !expired) redirect(303, `/publik${lang === 'en' ? '?lang=en' : ''}`);
    const next = event.url.pathname + event.url.search;
    redirect(303, `/masuk?next=${encodeURIComponent(next)}${expired ? '&berakhir=1' : ''}${lang === 'en' ? '&lang=en' : ''}`);
  }
  const body =
    lang === 'en'
      ? '<h1>Not allowed</h1><p>Your role may not open this page.</p><p><a href="/?lang=en">Back to the overview</a></p>'
      : '<h1>Tidak diizinkan</h1><p>Peran Anda tidak boleh membuka halaman ini.</p><p><a href="/">Kembali ke ringkasan</a></p>';
  return new Response(`<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"><title>403 · Seimbang</title></head><body>${body}</body></html>`, {
    status: 403,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}

function securityHeaders(response: Response, personal: boolean, signedInOnly = false): Response {
  const h = response.headers;
  try {
    h.set('X-Content-Type-Options', 'nosniff');
    h.set('Referrer-Policy', 'same-origin');
    h.set('X-Frame-Options', 'DENY');
    h.set('Cross-Origin-Opener-Policy', 'same-origin');
    h.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
    // person-level answers are not kept by the browser or a proxy after sign-out
    if (personal) h.set('Cache-Control', 'private, no-store');
    // an account-only aggregate may be revalidated by the browser (ETag) but never kept by a shared proxy
    else if (signedInOnly) {
      const cc = h.get('Cache-Control');
      if (cc && !/\b(private|no-store)\b/.test(cc)) h.set('Cache-Control', `private, ${cc}`);
    }
  } catch {
    // immutable headers (a fetched response passed through): copy
    const copy = new Response(response.body, response);
    return securityHeaders(copy, personal, signedInOnly);
  }
  return response;
}

async function warehouseDown(event: RequestEvent): Promise<boolean> {
  if (isApi(event) || WITHOUT_WAREHOUSE.has(event.route.id ?? '')) return false;
  try {
    release(await acquire());
    return false;
  } catch (err) {
    if (err instanceof WarehouseUnavailableError) {
      logOnce('warehouse', err);
      return true;
    }
    throw err;
  }
}

/**
 * The simulator's page renders in the browser only and needs its state (megabytes at province scale) before it
 * can show anything: the browser starts that download while it parses the HTML, in parallel with the page's
 * scripts, instead of after they have run (issue 13: page ready ≤ 2 s). The URL, mode (cors) and credentials
 * (same-origin) match the page's own fetch (lib/simState.ts), so the browser hands it the preloaded answer.
 */
function statePreload(event: RequestEvent): string | null {
  if (event.route.id !== '/simulasi' || event.request.method !== 'GET') return null;
  const month = event.url.searchParams.get('month');
  const href = `/api/simulasi/state${month ? `?month=${encodeURIComponent(month)}` : ''}`;
  return `\n    <link rel="preload" href="${href.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}" as="fetch" crossorigin="anonymous" />`;
}

export const handle: Handle = async ({ event, resolve }) => {
  // 1. rate limit (the page's own requests while it renders are part of one visit)
  if (!event.isSubRequest) {
    const ok = requestLimit.take(event.getClientAddress());
    if (ok !== true) {
      return securityHeaders(
        json({ error: 'rate_limited', message: `Too many requests; try again in ${ok} s.` }, { status: 429, headers: { 'Retry-After': String(ok) } }),
        false,
      );
    }
  }

  // 2. session
  const hadSession = !!event.cookies.get(SESSION_COOKIE);
  event.locals.user = readSession(event);
  event.locals.role = event.locals.user?.role ?? 'publik';

  // 3. access
  const roles = rolesOf(event);
  let personal = false;
  let signedInOnly = false;
  if (roles !== 'no-route') {
    if (roles === undefined) {
      logOnce('access', new Error(`route ${event.route.id} has no entry in the access table (lib/server/access.ts): refused`));
      return securityHeaders(refuse(event, 403, 'route not in the access table'), true);
    }
    personal = isPersonal(roles);
    signedInOnly = isPrivate(roles);
    if (!admits(roles, event.locals.role)) {
      if (event.locals.user && !event.isSubRequest) {
        audit({ actor: event.locals.user.username, actorRole: event.locals.role, action: 'access_refused', target: event.url.pathname, address: event.getClientAddress() });
      }
      return securityHeaders(refuse(event, event.locals.user ? 403 : 401, `${event.locals.role}`, hadSession), true);
    }
  }

  // 4. a one-time password is replaced before anything else
  if (event.locals.user?.mustChangePassword && !['/akun', '/keluar'].includes(event.route.id ?? '')) {
    if (isApi(event)) return securityHeaders(json({ error: 'password_change_required', message: 'Choose a new password at /akun first.' }, { status: 403 }), true);
    if (event.request.method === 'GET') redirect(303, '/akun');
  }

  // 5. + 6.
  const down = event.request.method === 'GET' && !event.isSubRequest && (await warehouseDown(event));
  const lang = parseLang(event.url.searchParams.get('lang'));
  const preload = statePreload(event);
  let response = await resolve(event, {
    transformPageChunk: ({ html }) => {
      const out = html.replace('%lang%', lang);
      return preload ? out.replace('<meta charset="utf-8" />', `<meta charset="utf-8" />${preload}`) : out;
    },
  });
  if (down && response.status === 200 && response.headers.get('content-type')?.startsWith('text/html')) {
    response = new Response(response.body, { status: 503, headers: response.headers });
    response.headers.set('Retry-After', '10');
  }
  const html = response.headers.get('content-type')?.startsWith('text/html') ?? false;
  return securityHeaders(response, personal || (html && !!event.locals.user), signedInOnly);
};

/** Unexpected errors: the details to the server log (once), a plain sentence to the browser. */
export const handleError: HandleServerError = ({ error, event, status }) => {
  if (status !== 404) logOnce(`${event.request.method} ${event.route.id ?? event.url.pathname}`, error);
  return { message: status === 404 ? 'Not found' : 'Something went wrong on the server; the server log says what.' };
};

/** At server start: open the warehouse and warm the response cache in the background (lib/server/warm.ts). */
export const init: ServerInit = () => {
  startWarmUp();
};
