import type { Handle, ServerInit } from '@sveltejs/kit';
import { startWarmUp } from '$lib/server/warm';
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

/** At server start: open the warehouse and warm the response cache in the background (lib/server/warm.ts). */
export const init: ServerInit = () => {
  startWarmUp();
};
