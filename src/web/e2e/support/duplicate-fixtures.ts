// Likely duplicates for the Duplicates page (three records of one contact, which make a group, and two company
// pairs), found by a detection run.
import type { ApiSession } from './fixtures.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function createDuplicates(api: ApiSession): Promise<void> {
  await api.call('POST', '/contacts', { displayName: 'Emily Chen', title: 'Operations', emails: ['EMILY@acme.example'], phones: ['+1 415 555 0123'] });
  await api.call('POST', '/contacts', { displayName: 'Emily Chen', emails: ['emily.chen@mail.example'], phones: ['+1 415 555 0123'], source: 'Web form' });
  await api.call('POST', '/companies', { name: 'ACME Trading, Inc.', domain: 'www.acme.example', industry: 'Wholesale', address: { street: '1 Harbour Road', city: 'Hong Kong' } });
  await api.call('POST', '/companies', { name: '上海星辰科技', industry: '软件', size: '201-1000' });
  const job = await api.call<{ id: string }>('POST', '/duplicates/detect', { autoMerge: false });
  for (let i = 0; i < 60; i++) {
    const j = await api.call<{ status: string; error: string | null }>('GET', `/jobs/${job.id}`);
    if (j.status === 'done') return;
    if (j.status === 'failed' || j.status === 'cancelled') throw new Error(`duplicate detection ${j.status}: ${j.error}`);
    await sleep(250);
  }
  throw new Error('duplicate detection did not finish');
}
