import { endpoint } from '$lib/server/endpoint';
import { auditTransfer } from '$lib/server/queries';

export const GET = endpoint(auditTransfer);
