/**
 * /skenario/[id]/plan — the simulator's side of a scenario (issue 15).
 * GET: the latest version's plan with its version number, base month and status (/simulasi opens it for editing).
 * POST (JSON `{ baseVersion, plan, note? }`, analis): save a new version on the version the editor started from;
 * 409 with who saved which version and the changes added and removed since, when someone saved in between.
 * PERSONAL DATA (NIPs in the plan): pimpinan and analis (lib/server/access.ts); writes are checked by the store.
 */
import { json, type RequestHandler } from '@sveltejs/kit';
import { ConflictError, getVersion, saveScenario, ScenarioError } from '#app-store/scenarios.ts';
import { planOrigins } from '#simulate/scenario.ts';
import type { Change } from '#simulate/index.ts';
import { appStore } from '$lib/server/store';
import { actorOf, readable, serverState } from '$lib/server/scenarios';

const NO_STORE = { 'Cache-Control': 'private, no-store' };

export const GET: RequestHandler = (e) => {
  const s = readable(e, e.params.id!);
  const v = getVersion(appStore(), s.id)!;
  return json(
    { id: s.id, name: s.name, status: s.status, owner: s.owner, month: s.baselineMonth, baselineBuild: s.baselineBuild, version: v.version, plan: v.plan },
    { headers: NO_STORE },
  );
};

export const POST: RequestHandler = async (e) => {
  const s = readable(e, e.params.id!);
  let body: { baseVersion?: unknown; plan?: unknown; note?: unknown };
  try {
    body = (await e.request.json()) as typeof body;
  } catch {
    return json({ error: 'bad_input', message: 'the body is JSON: { baseVersion, plan, note }' }, { status: 400 });
  }
  try {
    const { state, monthMissing } = await serverState(s.baselineMonth);
    // the plan's assumptions recorded against the warehouse it is saved on (when the base month is still there)
    const origins = !monthMissing && Array.isArray(body.plan) ? planOrigins(state, body.plan as Change[]) : null;
    const v = saveScenario(appStore(), actorOf(e), s.id, {
      baseVersion: Number(body.baseVersion),
      plan: body.plan,
      origins,
      note: typeof body.note === 'string' ? body.note : null,
    });
    return json({ version: v.version }, { headers: NO_STORE });
  } catch (err) {
    if (err instanceof ConflictError) {
      return json(
        { error: 'conflict', message: err.message, baseVersion: err.baseVersion, current: err.current, added: err.added, removed: err.removed },
        { status: 409, headers: NO_STORE },
      );
    }
    if (err instanceof ScenarioError) {
      const status = err.code === 'forbidden' ? 403 : err.code === 'not_found' ? 404 : err.code === 'bad_input' ? 400 : 409;
      return json({ error: err.code, message: err.message }, { status, headers: NO_STORE });
    }
    throw err;
  }
};
