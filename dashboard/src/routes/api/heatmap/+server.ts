import { endpoint } from '$lib/server/endpoint';
import { heatmap } from '$lib/server/queries';

export const GET = endpoint(heatmap);
