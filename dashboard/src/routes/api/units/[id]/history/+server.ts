import { endpoint } from '$lib/server/endpoint';
import { unitHistory } from '$lib/server/queries';

export const GET = endpoint(unitHistory);
