import { endpoint } from '$lib/server/endpoint';
import { effectsInfo } from '$lib/server/queries';

export const GET = endpoint(effectsInfo);
