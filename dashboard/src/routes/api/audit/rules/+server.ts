import { endpoint } from '$lib/server/endpoint';
import { auditRules } from '$lib/server/queries';

export const GET = endpoint(auditRules);
