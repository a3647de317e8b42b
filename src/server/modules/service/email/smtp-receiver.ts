// The optional built-in SMTP receiver (smtp-server): mail for a configured mailbox address is stored raw first and
// then processed; other recipients are refused, and a message over the size limit is refused before it is kept.
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { Db } from '../../../core/db/database.js';
import { processInbound, storeInbound } from '../conversations/inbound-store.js';
import { configOf } from './mailboxes.js';
import { emailPayload, rawMessageLimit } from './parse-inbound.js';

export interface SmtpReceiver {
  port: number;
  close(): Promise<void>;
}

async function mailboxFor(db: Db, address: string): Promise<string | null> {
  const rows = await db.kysely.selectFrom('service_channels').selectAll().where('kind', '=', 'email').where('enabled', '=', 1).execute();
  return rows.find((r) => configOf(r).address === address.toLowerCase())?.id ?? null;
}

/** Listens on host:port (RAPPORT_SMTP_RECEIVER_PORT / _HOST when the server starts it); port 0 picks a free one. */
export async function startSmtpReceiver(db: Db, opts: { port: number; host?: string; log?: (msg: string, err?: unknown) => void }): Promise<SmtpReceiver> {
  const limit = rawMessageLimit();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: limit,
    banner: 'Rapport',
    onRcptTo(address, session, cb) {
      mailboxFor(db, address.address).then(
        (id) => (id ? cb() : cb(Object.assign(new Error('No such mailbox here'), { responseCode: 550 }))),
        (err) => cb(Object.assign(new Error('Try again later'), { responseCode: 451, cause: err })),
      );
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (d: Buffer) => {
        size += d.length;
        if (size <= limit) chunks.push(d);
      });
      stream.on('end', () => {
        if (size > limit || (stream as unknown as { sizeExceeded?: boolean }).sizeExceeded) return cb(Object.assign(new Error('Message too large'), { responseCode: 552 }));
        const rcpt = session.envelope.rcptTo[0]?.address ?? '';
        void (async () => {
          const channelId = await mailboxFor(db, rcpt);
          const id = await storeInbound(db, 'email', channelId, emailPayload(Buffer.concat(chunks), 'smtp'));
          // Accepted once stored: processing problems are kept on the stored row and retried, not bounced.
          cb();
          await processInbound(db, id).catch((err) => opts.log?.('inbound e-mail processing failed', err));
        })().catch((err) => cb(Object.assign(new Error('Try again later'), { responseCode: 451, cause: err })));
      });
    },
  });
  server.on('error', (err) => opts.log?.('SMTP receiver error', err));
  server.listen(opts.port, opts.host ?? '0.0.0.0');
  await once(server.server, 'listening');
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
