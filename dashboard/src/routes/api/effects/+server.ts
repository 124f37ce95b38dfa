import { endpoint } from '$lib/server/endpoint';
import { effects } from '$lib/server/queries';

export const GET = endpoint(effects);
