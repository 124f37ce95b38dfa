import { fail, redirect } from '@sveltejs/kit';
import { signIn } from '#app-store/sessions.ts';
import { appStore } from '$lib/server/store';
import { setSessionCookie, SESSION_COOKIE } from '$lib/server/session';
import { signInLimit } from '$lib/server/rate-limit';
import { parseLang } from '$lib/params';
import type { Actions, PageServerLoad } from './$types';

/** only a path of this site (not `//host`, not a URL): no open redirect */
function safeNext(v: FormDataEntryValue | string | null): string {
  const s = typeof v === 'string' ? v : '';
  return s.startsWith('/') && !s.startsWith('//') && !s.startsWith('/\\') && !s.startsWith('/masuk') ? s : '/';
}

export const load: PageServerLoad = ({ locals, url }) => {
  if (locals.user) redirect(303, safeNext(url.searchParams.get('next')));
  return { next: safeNext(url.searchParams.get('next')), signedOut: url.searchParams.has('keluar'), expired: url.searchParams.has('berakhir') };
};

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const username = String(form.get('username') ?? '').slice(0, 64);
    const password = String(form.get('password') ?? '').slice(0, 200);
    const next = safeNext(form.get('next'));
    const address = event.getClientAddress();
    const limited = signInLimit.take(address);
    if (limited !== true) return fail(429, { username, error: 'tooMany' as const, until: null });
    const r = await signIn(appStore(), { username, password, address, previousToken: event.cookies.get(SESSION_COOKIE) ?? null });
    if (!r.ok) {
      const until = r.lockedUntilMs ? new Date(r.lockedUntilMs).toISOString() : null;
      const error = r.reason === 'locked' ? ('locked' as const) : r.reason === 'disabled' ? ('disabled' as const) : ('bad' as const);
      return fail(r.reason === 'locked' ? 423 : 400, { username, error, until });
    }
    setSessionCookie(event.cookies, event.url, r.token);
    const lang = parseLang(event.url.searchParams.get('lang'));
    redirect(303, r.user.mustChangePassword ? `/akun${lang === 'en' ? '?lang=en' : ''}` : next);
  },
};
