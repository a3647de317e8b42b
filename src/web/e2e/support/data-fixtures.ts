// Records for the data-in-and-out pages (API key, webhook with deliveries, backup, household), made through the API.
import type { ApiSession } from './fixtures.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitForJob(api: ApiSession, id: string): Promise<void> {
  for (let i = 0; i < 60; i++) {
    const job = await api.call<{ status: string; error: string | null }>('GET', `/jobs/${id}`);
    if (job.status === 'done') return;
    if (job.status === 'failed' || job.status === 'cancelled') throw new Error(`job ${id} ${job.status}: ${job.error}`);
    await sleep(250);
  }
  throw new Error(`job ${id} did not finish`);
}

/** Returns the id of a household to photograph. */
export async function createDataInOut(api: ApiSession): Promise<{ householdId: string }> {
  await api.call('POST', '/api-keys', { name: 'ERP sync', scopes: ['customers:read', 'customers:write', 'sales:read'] });
  // The .invalid host never resolves: the deliveries fail and wait for their retry, which is what the log is for.
  const hook = await api.call<{ id: string }>('POST', '/webhooks', { url: 'https://erp.example.invalid/rapport-hook', events: ['contact.created', 'deal.stage_changed'] });
  await api.call('POST', '/contacts', { displayName: '张伟', familyName: '张', phones: ['+86 21 6234 5678'], address: { street: '南京西路 88 号', city: '上海' } });
  await api.call('POST', '/contacts', { displayName: '张丽', familyName: '张', phones: ['021-6234-5678'], address: { street: '南京西路 88 号', city: '上海' } });
  const backup = await api.call<{ id: string }>('POST', '/backups', {});
  await waitForJob(api, backup.id);
  await api.call('POST', '/backups/schedules', { name: 'Nightly', frequency: 'daily', atTime: '02:00', keep: 7 });
  const regroup = await api.call<{ id: string }>('POST', '/households/regroup', {});
  await waitForJob(api, regroup.id);
  for (let i = 0; i < 40; i++) {
    const log = await api.call<{ data: { attempts: number }[] }>('GET', `/webhooks/${hook.id}/deliveries`);
    if (log.data.length >= 2 && log.data.every((d) => d.attempts > 0)) break;
    await sleep(250);
  }
  const households = await api.call<{ data: { id: string }[] }>('GET', '/households');
  return { householdId: households.data[0]?.id ?? '' };
}
