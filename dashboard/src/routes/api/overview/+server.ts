import { endpoint } from '$lib/server/endpoint';
import { overview } from '$lib/server/queries';

export const GET = endpoint(overview);
