import { endpoint } from '$lib/server/endpoint';
import { effectsRampup } from '$lib/server/queries';

export const GET = endpoint(effectsRampup);
