import { endpoint } from '$lib/server/endpoint';
import { jabatanTitles } from '$lib/server/queries';

export const GET = endpoint(jabatanTitles);
