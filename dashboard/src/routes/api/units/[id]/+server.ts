import { endpoint } from '$lib/server/endpoint';
import { unitInfo } from '$lib/server/queries';

export const GET = endpoint(unitInfo);
