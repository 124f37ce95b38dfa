import { redirect, type RequestHandler } from '@sveltejs/kit';
import { signOut } from '#app-store/sessions.ts';
import { appStore } from '$lib/server/store';
import { clearSessionCookie, SESSION_COOKIE } from '$lib/server/session';

/** Sign out (POST only: a link or an image cannot sign anyone out; SvelteKit checks the form's origin). */
export const POST: RequestHandler = (event) => {
  const token = event.cookies.get(SESSION_COOKIE);
  if (token) signOut(appStore(), token, event.locals.user, event.getClientAddress());
  clearSessionCookie(event.cookies);
  redirect(303, '/masuk?keluar=1');
};
