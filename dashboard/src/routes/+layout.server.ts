import { admits, PAGES } from '$lib/server/access';
import type { LayoutServerLoad } from './$types';

/**
 * Who is signed in (hooks.server.ts), and which pages their role may open (lib/server/access.ts): the navigation
 * shows only those, so an anonymous visitor sees the public report and sign-in, not links that answer "sign in".
 */
export const load: LayoutServerLoad = ({ locals }) => ({
  user: locals.user ? { username: locals.user.username, displayName: locals.user.displayName, role: locals.user.role } : null,
  allowedPages: Object.entries(PAGES)
    .filter(([id, roles]) => !id.includes('[') && admits(roles, locals.role))
    .map(([id]) => id),
});
