/** The session cookie (HttpOnly, SameSite=Lax, Secure behind HTTPS) and the user it names (app-store/sessions.ts). */
import type { Cookies, RequestEvent } from '@sveltejs/kit';
import { sessionUser } from '#app-store/sessions.ts';
import { appStore } from './store';

export const SESSION_COOKIE = 'seimbang_sesi';

export function readSession(event: RequestEvent): App.Locals['user'] {
  const token = event.cookies.get(SESSION_COOKIE);
  if (!token || token.length > 100) return null;
  const u = sessionUser(appStore(), token);
  if (!u) {
    event.cookies.delete(SESSION_COOKIE, { path: '/' });
    return null;
  }
  return { username: u.username, displayName: u.displayName, role: u.role, mustChangePassword: u.mustChangePassword, tokenHash: u.tokenHash };
}

/** secure when the site is served over HTTPS (ORIGIN https://… or a TLS-terminating proxy that sets the origin) */
export function setSessionCookie(cookies: Cookies, url: URL, token: string): void {
  cookies.set(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:' });
}

export function clearSessionCookie(cookies: Cookies): void {
  cookies.delete(SESSION_COOKIE, { path: '/' });
}
