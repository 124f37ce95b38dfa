import { endpoint } from '$lib/server/endpoint';
import { auditTransferRules } from '$lib/server/queries';

export const GET = endpoint(auditTransferRules);
