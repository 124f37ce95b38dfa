/**
 * /skenario — the saved scenarios the signed-in role may see (app-store/scenarios.ts listScenarios: analis their own
 * drafts and every submitted or approved one; pimpinan the submitted and approved ones), and `create` (analis):
 * a new scenario on a base month, empty or with the plan the simulator posts ("Simpan sebagai skenario").
 */
import { fail, redirect } from '@sveltejs/kit';
import { createScenario, getVersion, listScenarios, ScenarioError } from '#app-store/scenarios.ts';
import { planOrigins } from '#simulate/scenario.ts';
import type { Change } from '#simulate/index.ts';
import { appStore } from '$lib/server/store';
import { actorOf, currentBuild, serverState } from '$lib/server/scenarios';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (e) => {
  const db = appStore();
  const scenarios = listScenarios(db, actorOf(e)).map((s) => ({ ...s, changes: getVersion(db, s.id)?.plan.length ?? 0 }));
  return { scenarios, builtAt: await currentBuild(), role: e.locals.role };
};

export const actions: Actions = {
  create: async (e) => {
    const form = await e.request.formData();
    const month = String(form.get('month') ?? '').slice(0, 7);
    let plan: unknown = [];
    const planText = String(form.get('plan') ?? '');
    if (planText) {
      try {
        plan = JSON.parse(planText);
      } catch {
        return fail(400, { error: 'bad_input', message: 'plan: not JSON' });
      }
    }
    let id: number;
    try {
      // the baseline: this warehouse's build and the month; the plan's assumptions recorded against it
      const { state, builtAt, monthMissing } = await serverState(/^\d{4}-\d{2}$/.test(month) ? month : null);
      if (monthMissing) return fail(400, { error: 'bad_input', message: `month ${month} is not in the warehouse` });
      const origins = Array.isArray(plan) ? planOrigins(state, plan as Change[]) : null;
      id = createScenario(appStore(), actorOf(e), {
        name: String(form.get('name') ?? ''),
        baselineBuild: builtAt,
        baselineMonth: state.month,
        plan,
        origins,
        note: String(form.get('note') ?? '') || null,
      }).id;
    } catch (err) {
      if (err instanceof ScenarioError) return fail(err.code === 'forbidden' ? 403 : 400, { error: err.code, message: err.message });
      throw err;
    }
    redirect(303, `/skenario/${id}?done=created${e.url.searchParams.get('lang') === 'en' ? '&lang=en' : ''}`);
  },
};
