import type { LayoutServerLoad } from './$types';

/** who is signed in (hooks.server.ts): the pages show the user, and load person-level data only for PEOPLE roles */
export const load: LayoutServerLoad = ({ locals }) => ({
  user: locals.user ? { username: locals.user.username, displayName: locals.user.displayName, role: locals.user.role } : null,
});
