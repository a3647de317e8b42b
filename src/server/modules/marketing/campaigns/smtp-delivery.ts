// One SMTP conversation per campaign run, kept open between messages, with a hook called once the server took the
// envelope (354 to DATA) and the whole message was streamed, before the final "." that completes it: the sender records
// "committing" there, so a crash before it leaves a message the server never accepted (safe to send again) and only
// the short span from that write to the server's reply and our "sent" is left uncertain (send-campaign.ts, README).
import { Readable } from 'node:stream';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { SmtpTransportConfig } from '../../../core/mail/smtp-settings.js';
import { allowedAddress, tlsName } from '../../../core/net/allowed-host.js';

export interface OutgoingMessage {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  messageId: string;
  headers: Record<string, string>;
}

/** `uncertain`: the connection broke after the final dot was sent and before the server answered. */
export type DeliveryResult = { ok: true } | { ok: false; permanent: boolean; code: number | null; error: string; uncertain: boolean; recipientRefused: boolean };

interface Target {
  host: string;
  port: number;
  secure: boolean;
  auth?: { user: string; pass: string };
  /** Named in Settings → Email: checked against the outbound policy at every connection (SMTP_URL is the operator's). */
  guarded: boolean;
}

export function smtpTarget(cfg: SmtpTransportConfig): Target {
  const guarded = cfg.source === 'settings';
  if (typeof cfg.transport !== 'string') return { ...cfg.transport, guarded };
  const u = new URL(cfg.transport);
  const secure = u.protocol === 'smtps:';
  return { host: u.hostname, port: Number(u.port || (secure ? 465 : 587)), secure, guarded, ...(u.username && { auth: { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } }) };
}

export function buildRaw(m: OutgoingMessage): Promise<Buffer> {
  const composer = new MailComposer({ from: m.from, to: m.to, subject: m.subject, html: m.html, text: m.text, messageId: m.messageId, headers: m.headers });
  return new Promise((resolve, reject) => composer.compile().build((err, buf) => (err ? reject(err) : resolve(buf))));
}

const addressOf = (from: string) => /<([^>]+)>/.exec(from)?.[1] ?? from;

export class CampaignMailer {
  private conn: SMTPConnection | null = null;

  constructor(private readonly target: Target) {}

  private async open(): Promise<SMTPConnection> {
    if (this.conn && !(this.conn as unknown as { destroyed: boolean }).destroyed) return this.conn;
    // Pinned to the address the policy checked; TLS still verifies the configured name.
    const host = this.target.guarded ? await allowedAddress(this.target.host, 'host') : this.target.host;
    const servername = this.target.guarded ? tlsName(this.target.host) : undefined;
    const conn = new SMTPConnection({ host, ...(servername && { servername }), port: this.target.port, secure: this.target.secure, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 });
    conn.on('error', () => undefined); // reported through the send callback; a dead connection is replaced
    await new Promise<void>((resolve, reject) => conn.connect((err) => (err ? reject(err) : resolve())));
    if (this.target.auth) await new Promise<void>((resolve, reject) => conn.login(this.target.auth!, (err) => (err ? reject(err) : resolve())));
    this.conn = conn;
    return conn;
  }

  /** Sends one message; `beforeCommit` runs once the data is written and before the terminating dot. */
  async send(m: OutgoingMessage, beforeCommit: () => Promise<void>): Promise<DeliveryResult> {
    let committed = false;
    try {
      const raw = await buildRaw(m);
      const conn = await this.open();
      // The connection reads the body only after the server's 354 to DATA (MAIL FROM and RCPT TO accepted); the
      // terminating dot goes out when the body ends, and it ends only after `beforeCommit` has committed.
      let phase: 'data' | 'commit' | 'done' = 'data';
      const body = new Readable({
        read() {
          if (phase === 'data') {
            phase = 'commit';
            this.push(raw);
          } else if (phase === 'commit') {
            phase = 'done';
            beforeCommit().then(
              () => {
                committed = true;
                this.push(null);
              },
              (err: Error) => this.destroy(err),
            );
          }
        },
      });
      const info = await new Promise<SMTPConnection.SentMessageInfo>((resolve, reject) => conn.send({ from: addressOf(m.from), to: [m.to] }, body, (err, info) => (err ? reject(err) : resolve(info))));
      const refused = info.rejected?.length ? `Recipient refused: ${info.rejected.join(', ')}` : null;
      if (refused) return { ok: false, permanent: true, code: 550, error: refused, uncertain: false, recipientRefused: true };
      return { ok: true };
    } catch (err) {
      const e = err as { responseCode?: number; message?: string; command?: string };
      this.close();
      const code = e.responseCode ?? null;
      return { ok: false, permanent: code !== null && code >= 500, code, error: String(e.message ?? err).slice(0, 500), uncertain: committed && code === null, recipientRefused: e.command === 'RCPT TO' || /RCPT/i.test(e.command ?? '') };
    }
  }

  close(): void {
    try {
      this.conn?.close();
    } catch {
      /* already closed */
    }
    this.conn = null;
  }
}
