// Problem+json for what Fastify and Node answer on their own, before any route or hook: a malformed URL, a path
// segment over the router's limit, a request line or headers too large, a client that stalls.
import http from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { sendProblem } from './error-handler.js';
import { fallbackSecurityHeaders } from './security-headers.js';

/** Fastify's `frameworkErrors` option: router failures, which skip the hooks that set the security headers. */
export function frameworkErrors(error: FastifyError, _req: FastifyRequest, reply: FastifyReply) {
  reply.headers(fallbackSecurityHeaders);
  if (error.code === 'FST_ERR_BAD_URL') return sendProblem(reply, 400, 'Bad request', 'The URL is malformed (an invalid %-escape)');
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') return sendProblem(reply, 414, 'URI too long', 'A part of the URL path is longer than the server accepts');
  reply.log.error({ err: error }, 'router error');
  return sendProblem(reply, 500, 'Internal error', 'Something went wrong on the server; it has been logged');
}

/** The request line of the packet Node's parser gave up on, when the packet starts with one. */
function requestLineLength(packet: unknown): number {
  if (!Buffer.isBuffer(packet) || !/^[A-Z]+ /.test(packet.subarray(0, 12).toString('latin1'))) return 0;
  const end = packet.indexOf('\r\n');
  return end === -1 ? packet.length : end;
}

type ParserError = Error & { code?: string; rawPacket?: unknown };

function answerFor(err: ParserError): [number, string, string] {
  if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') return [408, 'Request timeout', 'The request did not arrive in time'];
  if (err.code === 'HPE_HEADER_OVERFLOW') {
    // Node limits the request line and headers together (16 kB); when the URL is most of it, say so.
    if (requestLineLength(err.rawPacket) > 8192) return [414, 'URI too long', 'The URL is longer than the server accepts'];
    return [431, 'Request header fields too large', 'The request headers are larger than the server accepts'];
  }
  return [400, 'Bad request', 'The request is not valid HTTP'];
}

/** Fastify's `clientErrorHandler` option: Node's HTTP parser refused the request, so only the socket is left. */
export function clientErrorHandler(err: ParserError, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, title, detail] = answerFor(err);
  const body = JSON.stringify({ type: 'about:blank', title, status, detail });
  const headers = { ...fallbackSecurityHeaders, 'content-type': 'application/problem+json; charset=utf-8', 'content-length': String(Buffer.byteLength(body)), connection: 'close' };
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n${body}`);
  }
  socket.destroy(err);
}
