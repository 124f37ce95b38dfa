import { endpoint } from '$lib/server/endpoint';
import { auditFailures } from '$lib/server/queries';

export const GET = endpoint(auditFailures);
