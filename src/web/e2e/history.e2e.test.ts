// End to end: a contact's owner and stage changed in the UI show on its timeline under "Everything" in plain words
// (names and stage labels, old → new); Settings → Audit log filters by user and verifies the chain.
import { describe, expect, it } from 'vitest';
import { ApiSession } from './support/fixtures.js';
import { browserSession, loginInBrowser, withFailureShot } from './support/e2e-session.js';

describe('change history and the audit log', () => {
  let contact: { id: string };
  const session = browserSession({
    seed: async (api, server) => {
      await api.call('POST', '/users', { email: 'olivia.owner@example.com', name: 'Olivia Owner', password: 'owner-password-1', role: 'sales' });
      await api.call('POST', '/users', { email: 'rita.rep@example.com', name: 'Rita Rep', password: 'rep-password-1', role: 'sales' });
      contact = await api.call<{ id: string }>('POST', '/contacts', { displayName: 'Historia Person' });
      await api.call('POST', '/interactions', { type: 'note', contactId: contact.id, subject: 'A first note', body: 'Met at the fair' });
      const rita = await ApiSession.login(server.url, 'rita.rep@example.com', 'rep-password-1');
      const own = await rita.call<{ id: string }>('POST', '/contacts', { displayName: 'Rita Own Contact' });
      await rita.call('PATCH', `/contacts/${own.id}`, { title: 'Buyer' });
    },
  });

  it('shows who changed the owner and stage on the timeline, old → new', async () => {
    const { page, server } = session;
    await withFailureShot(page, 'e2e-history-failure', async () => {
      await loginInBrowser(page, `${server.url}/contacts/${contact.id}`);
      await page.getByRole('button', { name: 'Edit Lifecycle stage' }).click();
      await page.getByRole('option', { name: 'Customer' }).click();
      await page.getByRole('button', { name: 'Edit Lifecycle stage' }).getByText('Customer').waitFor();
      await page.getByRole('button', { name: 'Edit Owner' }).click();
      await page.getByRole('option', { name: 'Olivia Owner' }).click();
      await page.getByRole('button', { name: 'Edit Owner' }).getByText('Olivia Owner').waitFor();

      // Activities only by default: the note, no history.
      await page.locator('[data-testid=timeline-item]', { hasText: 'A first note' }).waitFor();
      expect(await page.locator('[data-testid=history-item]').count()).toBe(0);
      await page.locator('[data-testid=timeline-filter]').getByText('Everything').click();
      const stage = page.locator('[data-testid=history-item]', { has: page.locator('[data-field=lifecycleStage]') });
      await stage.waitFor();
      expect((await stage.locator('[data-field=lifecycleStage]').innerText()).replace(/\s+/g, ' ')).toBe('Lifecycle stage: Lead → Customer');
      expect(await stage.innerText()).toContain('Administrator changed it');
      const owner = page.locator('[data-testid=history-item] [data-field=owner]');
      expect((await owner.innerText()).replace(/\s+/g, ' ')).toMatch(/^Owner: .+ → Olivia Owner$/);
      // Interleaved by time: the changes are newer than the note, so they come first; the creation is last or near it.
      const order = await page.locator('[data-testid=timeline] > *').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
      expect(order.indexOf('history-item')).toBeLessThan(order.indexOf('timeline-item'));
      await page.getByText('Administrator created it').waitFor();
      // An administrator follows the record's link to the audit log, filtered to this contact.
      await page.locator('[data-testid=audit-log-link]').click();
      await page.waitForURL(new RegExp(`auditRecord=${contact.id}`));
      await page.locator('[data-testid=audit-entry]', { hasText: 'Olivia Owner' }).waitFor();
      // Created, stage changed, owner changed: nothing of other records.
      await expect.poll(() => page.locator('[data-testid=audit-entry]').count()).toBe(3);
      const entries = await page.locator('[data-testid=audit-entry]').allInnerTexts();
      expect(entries.every((x) => x.includes('Contact'))).toBe(true);
    });
  }, 90_000);

  it('filters the audit log by user and verifies the chain', async () => {
    const { page, server } = session;
    await withFailureShot(page, 'e2e-audit-failure', async () => {
      await page.goto(`${server.url}/settings?tab=audit`);
      await page.locator('[data-testid=audit-entry]').first().waitFor();
      await page.locator('[data-testid=audit-user]').click();
      await page.getByRole('option', { name: 'Rita Rep' }).click();
      await page.waitForURL(/auditUser=/);
      await page.locator('[data-testid=audit-entry]', { hasText: 'Rita Rep changed it' }).waitFor();
      await page.locator('[data-testid=audit-entry]', { hasText: 'Rita Own Contact' }).first().waitFor();
      // Her contact's creation and its change, once the unfiltered list has been replaced.
      await expect.poll(() => page.locator('[data-testid=audit-entry]').count()).toBe(2);
      const texts = await page.locator('[data-testid=audit-entry]').allInnerTexts();
      expect(texts.every((x) => x.startsWith('Rita Rep'))).toBe(true);
      expect(texts.join('\n').replace(/\s+/g, ' ')).toContain('Job title: (empty) → Buyer');
      await page.locator('[data-testid=verify-chain]').click();
      expect(await page.locator('[data-testid=verify-result]').innerText()).toMatch(/^The chain is intact: \d+ entries checked\.$/);
    });
  }, 90_000);
});
