import { endpoint } from '$lib/server/endpoint';
import { buildInfo } from '$lib/server/queries';

export const GET = endpoint(buildInfo);
