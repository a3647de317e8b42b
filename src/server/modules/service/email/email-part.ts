// The e-mail part of the service module: its routes, the delivery of agents' replies, the inbound processor, IMAP
// polling, and (when RAPPORT_SMTP_RECEIVER_PORT is set) the built-in SMTP receiver beside the HTTP server.
import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../../../core/db/database.js';
import './deliver-email.js';
import './process-inbound-email.js';
import './imap-poller.js';
import { emailRoutes } from './email-routes.js';
import { startSmtpReceiver, type SmtpReceiver } from './smtp-receiver.js';

export const emailPart: FastifyPluginAsync = async (app) => {
  await app.register(emailRoutes);
  const port = process.env.RAPPORT_SMTP_RECEIVER_PORT;
  if (!port) return;
  let receiver: SmtpReceiver | undefined;
  app.addHook('onReady', async () => {
    const db = (app as unknown as { db: Db }).db;
    receiver = await startSmtpReceiver(db, { port: Number(port), host: process.env.RAPPORT_SMTP_RECEIVER_HOST, log: (msg, err) => app.log.error({ err }, msg) });
    app.log.info(`SMTP receiver listening on port ${receiver.port}`);
  });
  app.addHook('onClose', async () => receiver?.close());
};
