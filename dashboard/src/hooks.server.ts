import type { Handle } from '@sveltejs/kit';
import { parseLang } from '$lib/params';

/** Set <html lang> from ?lang= and add a few security headers. */
export const handle: Handle = async ({ event, resolve }) => {
  const lang = parseLang(event.url.searchParams.get('lang'));
  const response = await resolve(event, {
    transformPageChunk: ({ html }) => html.replace('%lang%', lang),
  });
  response.headers.set('X-Content-Type-Options', 'nosniff');
  response.headers.set('Referrer-Policy', 'same-origin');
  return response;
};
