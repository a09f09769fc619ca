/** What a supervisor sees of an advisory in GET /api/advisories, waited for (its send runs in the background). */
import { eventually, type PanelClient } from '../panel/panel-helpers';

export async function advisoryListed(
  client: PanelClient,
  advisoryId: string,
  until: (item: any) => boolean,
  timeoutMs = 15_000,
): Promise<any> {
  return eventually(async () => {
    const res = await client.get('/api/advisories?limit=100');
    const item = res.body.items?.find((a: { id: string }) => a.id === advisoryId);
    return item && until(item) && item;
  }, timeoutMs);
}
