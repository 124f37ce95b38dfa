import { endpoint } from '$lib/server/endpoint';
import { unitPerformance } from '$lib/server/queries';

export const GET = endpoint(unitPerformance);
