import { endpoint } from '$lib/server/endpoint';
import { units } from '$lib/server/queries';

export const GET = endpoint(units);
