import { endpoint } from '$lib/server/endpoint';
import { unitPositions } from '$lib/server/queries';

export const GET = endpoint(unitPositions);
