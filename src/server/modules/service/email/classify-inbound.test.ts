// Bounces name the message they return: a delivery report carrying the whole original inline (message/rfc822, headers
// and body), as Postfix and Exchange send it, its headers only (text/rfc822-headers) or the original base64-encoded
// must yield the original's Message-ID (checked because mailparser was suspected of dropping it: it does not).
import { describe, expect, it } from 'vitest';
import { classifyInbound } from './classify-inbound.js';
import { deliveryReport } from '../../../test/delivery-report.js';
import { emailPayload, parseInboundEmail } from './parse-inbound.js';

const dsn = (returned: string[], returnedType: string, partHeaders: string[] = []) =>
  deliveryReport({ to: 'news@rapport.test', messageId: '<dsn-1@mx.example.com>', returned, returnedType, partHeaders: ['Content-Description: Undelivered Message', ...partHeaders] });

const original = [
  'From: Rapport <news@rapport.test>',
  'To: wang.fang@example.com',
  'Subject: Spring offers',
  'Message-ID: <campaign-42.abc@rapport.test>',
  'MIME-Version: 1.0',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Hello Wang Fang, our spring offers are here.',
];

async function classify(raw: string) {
  return classifyInbound(await parseInboundEmail(emailPayload(Buffer.from(raw), 'imap')));
}

describe('bounces name the returned message', () => {
  it('reads the Message-ID of a whole original returned inline as message/rfc822', async () => {
    const cls = await classify(dsn(original, 'message/rfc822'));
    expect(cls).toMatchObject({ kind: 'bounce', reason: '550 5.1.1 User unknown' });
    expect(cls.kind === 'bounce' && cls.originalIds).toContain('<campaign-42.abc@rapport.test>');
    expect(cls.kind === 'bounce' && cls.originalIds).not.toContain('<dsn-1@mx.example.com>');
  });

  it('reads it from returned headers only (text/rfc822-headers)', async () => {
    const cls = await classify(dsn(original.slice(0, 6), 'text/rfc822-headers'));
    expect(cls.kind === 'bounce' && cls.originalIds).toContain('<campaign-42.abc@rapport.test>');
  });

  it('reads it from a base64-encoded returned message', async () => {
    const encoded = Buffer.from(original.join('\r\n')).toString('base64').match(/.{1,76}/g)!;
    const cls = await classify(dsn(encoded, 'message/rfc822', ['Content-Transfer-Encoding: base64']));
    expect(cls.kind === 'bounce' && cls.originalIds).toContain('<campaign-42.abc@rapport.test>');
  });
});
