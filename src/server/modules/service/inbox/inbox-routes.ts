// HTTP routes of the inbox (support agents, managers, admins) and its WebSocket of live updates.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

import { ctxOf } from '../../../core/http/request-context.js';
import { idParams, listOf } from '../../../core/http/common-schemas.js';
import { ownOrigins } from '../../../core/http/public-origin.js';
import { getConversation, listConversations, listMessages, unreadCounts } from './inbox-repository.js';
import { assignConversation, attachToTicket, markConversationRead, replyToConversation, setConversationStatus, visibleConversationRow } from './inbox-actions.js';
import { assignInput, attachTicketInput, conversationListQuery, conversationSchema, messageListQuery, messageSchema, replyInput, statusInput, unreadSchema } from './inbox-schemas.js';
import { liveSocketsOf } from './live-sockets.js';

const read = { scope: 'service:read', access: 'support' } as const;
const write = { scope: 'service:write', access: 'support' } as const;

export const inboxRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['inbox'];
  app.get('/conversations', { config: read, schema: { tags, summary: 'The inbox: conversations I may see, last message first', querystring: conversationListQuery, response: { 200: listOf(conversationSchema) } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return listConversations(db, actor, req.query);
  });
  app.get('/conversations/unread', { config: read, schema: { tags, summary: 'How many open conversations have unread messages, per inbox view (capped at 999)', response: { 200: unreadSchema } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return unreadCounts(db, actor);
  });
  app.get('/conversations/:id', { config: read, schema: { tags, summary: 'One conversation', params: idParams, response: { 200: conversationSchema } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return getConversation(db.kysely, actor, req.params.id);
  });
  app.get('/conversations/:id/messages', { config: read, schema: { tags, summary: 'Messages of a conversation, newest first (internal notes included)', params: idParams, querystring: messageListQuery, response: { 200: listOf(messageSchema) } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    await visibleConversationRow(db, actor, req.params.id);
    return listMessages(db.kysely, req.params.id, { ...req.query, withPrivate: true });
  });
  app.post('/conversations/:id/messages', { config: write, schema: { tags, summary: 'Reply to the customer in their channel, or add an internal note (private)', params: idParams, body: replyInput, response: { 201: messageSchema } } }, async (req, reply) => {
    const { db, actor } = ctxOf(req);
    return reply.status(201).send(await replyToConversation(db, actor, req.params.id, req.body));
  });
  app.post('/conversations/:id/read', { config: write, schema: { tags, summary: 'Mark the conversation read', params: idParams, response: { 200: conversationSchema } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return markConversationRead(db, actor, req.params.id);
  });
  app.post('/conversations/:id/assign', { config: write, schema: { tags, summary: 'Assign to an agent and/or a team (null: unassign)', params: idParams, body: assignInput, response: { 200: conversationSchema } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return assignConversation(db, actor, req.params.id, req.body);
  });
  app.post('/conversations/:id/status', { config: write, schema: { tags, summary: 'Resolve, reopen or set pending', params: idParams, body: statusInput, response: { 200: conversationSchema } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return setConversationStatus(db, actor, req.params.id, req.body);
  });
  app.post('/conversations/:id/attach-ticket', { config: write, schema: { tags, summary: 'Attach the conversation to an existing ticket', params: idParams, body: attachTicketInput, response: { 200: conversationSchema } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return attachToTicket(db, actor, req.params.id, req.body);
  });

  // Live updates: every message and change of a conversation the agent may see, as JSON frames.
  app.get('/inbox/live', { websocket: true, config: read, schema: { tags, summary: 'WebSocket of live inbox events ({type: message|conversation, conversation, message})', hide: true } }, (socket, req) => {
    const actor = req.actor!;
    // A page of another site must not open a socket with the agent's cookie (cross-site WebSocket hijacking).
    const origin = req.headers.origin;
    const bearer = req.headers.authorization?.startsWith('Bearer ');
    if (origin && !bearer && !ownOrigins(req).includes(origin)) {
      socket.close(4403, 'Cross-site socket refused');
      return;
    }
    const remove = liveSocketsOf(app.db, app.realtime).addAgent({ actor, socket, reauthenticate: req.reauthenticate });
    socket.on('message', (raw) => {
      if (String(raw) === 'ping') socket.send('pong');
    });
    socket.on('close', remove);
    socket.send(JSON.stringify({ type: 'ready' }));
  });
};

