import { endpoint } from '$lib/server/endpoint';
import { auditTransferLoad } from '$lib/server/queries';

export const GET = endpoint(auditTransferLoad);
