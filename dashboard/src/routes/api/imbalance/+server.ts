import { endpoint } from '$lib/server/endpoint';
import { imbalance } from '$lib/server/queries';

export const GET = endpoint(imbalance);
