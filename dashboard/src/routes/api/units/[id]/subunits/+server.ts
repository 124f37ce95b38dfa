import { endpoint } from '$lib/server/endpoint';
import { unitSubunits } from '$lib/server/queries';

export const GET = endpoint(unitSubunits);
