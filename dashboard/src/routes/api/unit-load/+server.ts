import { endpoint } from '$lib/server/endpoint';
import { unitLoad } from '$lib/server/queries';

export const GET = endpoint(unitLoad);
