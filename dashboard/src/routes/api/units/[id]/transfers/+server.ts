import { endpoint } from '$lib/server/endpoint';
import { unitTransfers } from '$lib/server/queries';

export const GET = endpoint(unitTransfers);
