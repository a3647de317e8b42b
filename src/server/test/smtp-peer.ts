// Test helper: a real SMTP peer (smtp-server) on loopback that keeps every message it receives, raw.
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface SmtpPeer {
  port: number;
  received: { from: string; to: string[]; raw: string }[];
  close(): Promise<void>;
}

export interface SmtpPeerHooks {
  /** Before answering RCPT TO (the sender is mid-conversation, no data sent yet). */
  beforeRcpt?: (address: string) => Promise<void>;
  /** After a whole message arrived (it is counted) and before the 250 that accepts it. */
  beforeAccept?: (count: number) => Promise<void>;
}

export async function startSmtpPeer(hooks: SmtpPeerHooks = {}): Promise<SmtpPeer> {
  const received: SmtpPeer['received'] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onAuth: (_auth, _session, cb) => cb(null, { user: 'ok' }),
    onRcptTo(address, _session, cb) {
      void (hooks.beforeRcpt ?? (async () => undefined))(address.address).then(() => cb(), cb);
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (d: Buffer) => chunks.push(d));
      stream.on('end', () => {
        received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        void (hooks.beforeAccept ?? (async () => undefined))(received.length).then(() => cb(), cb);
      });
    },
  });
  server.on('error', () => undefined); // a sender killed mid-conversation resets its connection: expected in tests
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  return { port: (server.server.address() as AddressInfo).port, received, close: () => new Promise<void>((r) => server.close(() => r())) };
}
