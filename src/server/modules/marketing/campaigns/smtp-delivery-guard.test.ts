// Campaign delivery connects to the SMTP server of Settings → Email through the outbound policy, like the mail outbox:
// a private address is refused before any byte reaches it unless RAPPORT_OUTBOUND_ALLOW allows it; SMTP_URL (the
// operator's own setting) is used as given.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { configureOutbound } from '../../../core/net/outbound-policy.js';
import { startSmtpPeer, type SmtpPeer } from '../../../test/smtp-peer.js';
import { CampaignMailer, smtpTarget, type OutgoingMessage } from './smtp-delivery.js';

let peer: SmtpPeer;
beforeAll(async () => (peer = await startSmtpPeer()));
afterAll(() => peer.close());
afterEach(() => configureOutbound([]));

const message = (to: string): OutgoingMessage => ({ from: 'News <news@rapport.test>', to, subject: 'Hello', html: '<p>Hi</p>', text: 'Hi', messageId: `<${to}@rapport.test>`, headers: {} });

async function deliver(source: 'settings' | 'environment', to: string) {
  const transport = source === 'settings' ? { host: '127.0.0.1', port: peer.port, secure: false } : `smtp://127.0.0.1:${peer.port}`;
  const mailer = new CampaignMailer(smtpTarget({ transport, from: 'news@rapport.test', domain: 'rapport.test', source } as Parameters<typeof smtpTarget>[0]));
  try {
    return await mailer.send(message(to), async () => undefined);
  } finally {
    mailer.close();
  }
}

describe('campaign SMTP delivery and the outbound policy', () => {
  it('refuses a private server named in Settings → Email, and nothing reaches it', async () => {
    configureOutbound([]);
    const result = await deliver('settings', 'refused@example.com');
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.error).toContain('RAPPORT_OUTBOUND_ALLOW');
    expect(peer.received.filter((m) => m.to.includes('refused@example.com'))).toHaveLength(0);
  });

  it('delivers when RAPPORT_OUTBOUND_ALLOW allows the address, and always through SMTP_URL', async () => {
    configureOutbound(['127.0.0.1']);
    expect(await deliver('settings', 'allowed@example.com')).toEqual({ ok: true });
    configureOutbound([]);
    expect(await deliver('environment', 'operator@example.com')).toEqual({ ok: true });
    expect(peer.received.flatMap((m) => m.to)).toEqual(['allowed@example.com', 'operator@example.com']);
  });
});
