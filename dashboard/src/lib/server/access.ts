/**
 * Who may see what: the route × role table (issue 19). Every request passes the hook (hooks.server.ts), which
 * looks the route up here (pages and non-API server routes, by SvelteKit route id) or in lib/server/endpoints.ts
 * (data endpoints under /api, by path) and answers 401 / 403 itself when the role is not admitted. A route that
 * has no entry is refused (fail closed) and the matrix test (test/browser/access-matrix.test.ts) fails.
 *
 * Adding a page is one line here: `'/simulasi': ANALYSTS,`.
 *
 * What is public (no sign-in): the public transparency report (/publik, its downloads and the static export), where
 * every cell describing people passes the disclosure rule (lib/server/disclosure.ts: < 5 people suppressed), plus
 * sign-in itself. The analysis pages (Ringkasan, Unit kerja, Jabatan, Dampak, Audit) need an account: they show
 * counts of 1–4 people (a position's holders, a unit's rating distribution, a unit's transfers in a year) and
 * details of single-holder posts, which are right for an analyst and identifying for an anonymous visitor (issue 19);
 * coarsening them would make the analyst's figures wrong, so the coarsened view is the public report instead.
 * Person-level detail (the justification card of a transfer, the list of transfers that broke a rule, what the
 * holders of a post lack, the people pages) needs pimpinan or analis. The admin pages: admin.
 */
import type { Role } from '#app-store/roles.ts';

export const EVERYONE: readonly Role[] = ['publik', 'pimpinan', 'analis', 'admin'];
/** any account (signed in) */
export const ACCOUNTS: readonly Role[] = ['pimpinan', 'analis', 'admin'];
/** people data: named persons, individual ratings, one transfer's details (UU 27/2022: only who needs it) */
export const PEOPLE: readonly Role[] = ['pimpinan', 'analis'];
/** the simulator and scenario editing */
export const ANALYSTS: readonly Role[] = ['analis'];
export const ADMIN: readonly Role[] = ['admin'];

/** Pages and non-API server routes, by SvelteKit route id. */
export const PAGES: Record<string, readonly Role[]> = {
  '/': ACCOUNTS,
  '/unit': ACCOUNTS,
  '/unit/[id]': ACCOUNTS,
  '/jabatan': ACCOUNTS,
  '/dampak': ACCOUNTS,
  '/audit': ACCOUNTS,
  '/audit/[id]': PEOPLE,
  '/pegawai': PEOPLE,
  '/pegawai/[ref]': PEOPLE,
  // the simulator: named people and their attributes (issue 13: signed-in leadership and analysts only)
  '/simulasi': PEOPLE,
  '/api/simulasi/state': PEOPLE,
  // saved scenarios (issue 15): named people in every plan. Both roles read (pimpinan: submitted and approved only,
  // app-store/scenarios.ts canRead); what each may change is checked by the store: analis create, edit, submit,
  // delete; pimpinan approve and return
  '/skenario': PEOPLE,
  '/skenario/[id]': PEOPLE,
  '/skenario/[id]/plan': PEOPLE,
  '/skenario/[id]/ekspor/[format]': PEOPLE,
  '/skenario/bandingkan': PEOPLE,
  // the public transparency report and its downloads: aggregates under the disclosure rule (issue 17)
  '/publik': EVERYONE,
  '/publik/data/[file]': EVERYONE,
  '/masuk': EVERYONE,
  '/keluar': EVERYONE,
  '/akun': ACCOUNTS,
  '/admin/pengguna': ADMIN,
  '/admin/log-audit': ADMIN,
  '/admin/log-audit/csv': ADMIN,
  // the index of data endpoints (their own roles are in lib/server/endpoints.ts)
  '/api': EVERYONE,
};

/** the catch-all route that serves every endpoint of lib/server/endpoints.ts */
export const API_ROUTE_ID = '/api/[...path]';

export function admits(roles: readonly Role[] | undefined, role: Role): boolean {
  return !!roles && roles.includes(role);
}

/**
 * person-level routes (open to fewer than every account: PEOPLE, ANALYSTS, ADMIN): answered with
 * `Cache-Control: private, no-store` and audited on CSV export
 */
export function isPersonal(roles: readonly Role[]): boolean {
  return !roles.includes('publik') && !ACCOUNTS.every((r) => roles.includes(r));
}

/** signed-in-only routes: never kept by a shared cache (`private`), whether personal or an aggregate */
export function isPrivate(roles: readonly Role[]): boolean {
  return !roles.includes('publik');
}
