// One visitor's WebSocket: authenticated by the session token, it hears its own conversation only and sends
// messages that are stored exactly as the HTTP route stores them (same limits, same idempotent client ids).
import type { WebSocket } from 'ws';
import type { Db } from '../../../core/db/database.js';
import { AppError } from '../../../core/errors.js';
import type { LiveSockets } from '../inbox/live-sockets.js';
import { limitVisitorMessage } from './widget-limits.js';
import { authenticateVisitor, postVisitorMessage, visitorMessageInput, type Visitor } from './widget-service.js';
import { checkOrigin } from './widget-channels.js';

export function attachVisitorSocket(db: Db, live: LiveSockets, socket: WebSocket, ctx: { token?: string; origin?: string; ip: string }): void {
  // Listeners are attached at once and wait for the check: frames sent right after opening are not lost.
  const visitor: Promise<Visitor | null> = authenticateVisitor(db, ctx.token)
    .then((v) => {
      checkOrigin(v.channel, ctx.origin);
      return v;
    })
    .catch(() => null);
  let remove = () => {};
  void visitor.then((v) => {
    if (!v) return socket.close(4401, 'The chat session is not valid');
    remove = live.addVisitor({ channelId: v.channel.id, visitorId: v.session.visitorId, socket });
    socket.send(JSON.stringify({ type: 'ready' }));
  });
  socket.on('close', () => remove());
  // One frame at a time, so the visitor's messages are stored in the order they were typed.
  let queue = Promise.resolve();
  socket.on('message', (raw) => {
    queue = queue.then(async () => {
      const v = await visitor;
      if (!v) return;
      const text = String(raw);
      if (text === 'ping') return void socket.send('pong');
      let clientId: string | undefined;
      try {
        const frame = JSON.parse(text);
        clientId = typeof frame?.clientId === 'string' ? frame.clientId : undefined;
        if (frame?.type !== 'message') throw new AppError('bad_request', 'Unknown frame type');
        const input = visitorMessageInput.safeParse({ bodyText: frame.bodyText, clientId });
        if (!input.success) throw new AppError('validation', input.error.issues[0]?.message ?? 'Invalid message');
        limitVisitorMessage(v.session.visitorId, ctx.ip);
        const stored = await postVisitorMessage(db, v, input.data);
        socket.send(JSON.stringify({ type: 'ack', clientId, message: stored.message }));
      } catch (err) {
        const e = err instanceof AppError ? err : err instanceof SyntaxError ? new AppError('bad_request', 'The frame is not valid JSON') : null;
        if (!e) console.error('widget socket message failed', err);
        socket.send(JSON.stringify({ type: 'error', clientId, status: e?.status ?? 500, detail: e?.message ?? 'The message could not be stored; try again' }));
      }
    });
  });
}
