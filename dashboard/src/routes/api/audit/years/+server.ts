import { endpoint } from '$lib/server/endpoint';
import { auditYears } from '$lib/server/queries';

export const GET = endpoint(auditYears);
