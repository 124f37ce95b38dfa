import { error } from '@sveltejs/kit';
import { loadData } from '$lib/api';
import { isTransferId } from '$lib/params';
import { texts } from '$lib/i18n';
import type { TransferLoadDatum } from '$lib/charts/transferUnitLoad';
import type { AuditTransferRow, AuditTransferRuleRow } from '$lib/types';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, params, parent }) => {
  const { lang, warehouseError } = await parent();
  const t = texts(lang);
  if (!isTransferId(params.id)) error(400, t.card.notFound(params.id.slice(0, 60)));
  if (warehouseError) return { id: params.id, data: null };
  const base = `/api/audit/transfers/${encodeURIComponent(params.id)}`;
  const transfer = await loadData<AuditTransferRow>(fetch, base, { lang });
  if (!transfer.error && transfer.rows.length === 0) error(404, t.card.notFound(params.id));
  const [rules, load] = await Promise.all([
    loadData<AuditTransferRuleRow>(fetch, `${base}/rules`),
    loadData<TransferLoadDatum>(fetch, `${base}/load`),
  ]);
  return { id: params.id, data: { transfer, rules, load } };
};
