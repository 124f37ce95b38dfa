import { endpoint } from '$lib/server/endpoint';
import { jabatanUnits } from '$lib/server/queries';

export const GET = endpoint(jabatanUnits);
