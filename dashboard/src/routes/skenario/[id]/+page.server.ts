/**
 * /skenario/[id] — one scenario: its plan through the simulator on the current warehouse (before, after, changes
 * only per unit; the roll-out month by month), the stale-baseline notice, versions and approval history; the form
 * actions of the workflow (app-store/scenarios.ts checks role and status; each writes the audit log).
 */
import { fail, redirect } from '@sveltejs/kit';
import {
  approveScenario,
  deleteScenario,
  duplicateScenario,
  listEvents,
  listVersions,
  renameScenario,
  returnScenario,
  ScenarioError,
  submitScenario,
} from '#app-store/scenarios.ts';
import { appStore } from '$lib/server/store';
import { actorOf, openScenario, readable } from '$lib/server/scenarios';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (e) => {
  const s = readable(e, e.params.id);
  const o = await openScenario(s);
  const view = e.url.searchParams.get('view');
  return {
    scenario: o.scenario,
    version: { version: o.version.version, plan: o.version.plan, author: o.version.author, note: o.version.note, at: o.version.at },
    versions: listVersions(appStore(), s.id),
    events: listEvents(appStore(), s.id),
    report: o.report,
    labels: o.labels,
    builtAt: o.builtAt,
    stale: o.stale,
    monthMissing: o.monthMissing,
    view: view === 'before' || view === 'after' ? view : ('changes' as const),
    done: e.url.searchParams.get('done'),
    role: e.locals.role,
    username: e.locals.user?.username ?? null,
  };
};

const lang = (e: RequestEvent) => (e.url.searchParams.get('lang') === 'en' ? '&lang=en' : '');

async function act(e: RequestEvent, f: (form: FormData) => string | void) {
  const form = await e.request.formData();
  let to: string | void;
  try {
    to = f(form);
  } catch (err) {
    if (err instanceof ScenarioError) {
      const status = err.code === 'forbidden' ? 403 : err.code === 'not_found' ? 404 : err.code === 'bad_input' ? 400 : 409;
      return fail(status, { error: err.code, message: err.message });
    }
    throw err;
  }
  if (to) redirect(303, to);
}

const text = (form: FormData, k: string) => String(form.get(k) ?? '');

export const actions: Actions = {
  rename: (e) => act(e, (form) => {
    renameScenario(appStore(), actorOf(e), readable(e, e.params.id).id, text(form, 'name'));
    return `/skenario/${e.params.id}?done=renamed${lang(e)}`;
  }),
  duplicate: (e) => act(e, (form) => {
    const copy = duplicateScenario(appStore(), actorOf(e), readable(e, e.params.id).id, text(form, 'name') || undefined);
    return `/skenario/${copy.id}?done=duplicated${lang(e)}`;
  }),
  submit: (e) => act(e, (form) => {
    submitScenario(appStore(), actorOf(e), readable(e, e.params.id).id, text(form, 'note'));
    return `/skenario/${e.params.id}?done=submitted${lang(e)}`;
  }),
  approve: (e) => act(e, (form) => {
    approveScenario(appStore(), actorOf(e), readable(e, e.params.id).id, text(form, 'comment'));
    return `/skenario/${e.params.id}?done=approved${lang(e)}`;
  }),
  return: (e) => act(e, (form) => {
    returnScenario(appStore(), actorOf(e), readable(e, e.params.id).id, text(form, 'comment'));
    return `/skenario/${e.params.id}?done=returned${lang(e)}`;
  }),
  delete: (e) => act(e, (form) => {
    if (text(form, 'confirm').trim().toUpperCase() !== 'HAPUS') throw new ScenarioError('bad_input', 'type HAPUS to confirm the deletion');
    deleteScenario(appStore(), actorOf(e), readable(e, e.params.id).id);
    return `/skenario${lang(e) ? '?lang=en' : ''}`;
  }),
};
