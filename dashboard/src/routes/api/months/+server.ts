import { endpoint } from '$lib/server/endpoint';
import { months } from '$lib/server/queries';

export const GET = endpoint(months);
