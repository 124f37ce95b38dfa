import { endpoint } from '$lib/server/endpoint';
import { auditUnits } from '$lib/server/queries';

export const GET = endpoint(auditUnits);
