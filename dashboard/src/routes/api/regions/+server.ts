import { endpoint } from '$lib/server/endpoint';
import { regions } from '$lib/server/queries';

export const GET = endpoint(regions);
