// Turns every error into an RFC 9457 problem+json answer; a user never sees a stack trace.
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type FieldError } from '../errors.js';

export function sendProblem(reply: FastifyReply, status: number, title: string, detail: string, errors?: FieldError[]) {
  return reply
    .status(status)
    .type('application/problem+json')
    .send({ type: status === 422 ? 'https://rapport.dev/problems/validation' : 'about:blank', title, status, detail, ...(errors ? { errors } : {}) });
}

const fastifyCodes: Record<string, [number, string, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'Request body too large', 'The request body is larger than the server accepts'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'Unsupported media type', 'Send the request body as application/json'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'Bad request', 'The request says it carries JSON but the body is empty'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'Bad request', 'The Content-Length header does not match the body'],
};

export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) return sendProblem(reply, error.status, error.title, error.message, error.errors);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = error.validation.flatMap((v) => {
        const base = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
        // An unknown field is named itself, not its parent object.
        const keys = v.keyword === 'unrecognized_keys' ? ((v.params as { keys?: string[] }).keys ?? []) : [];
        if (keys.length) return keys.map((k) => ({ path: base ? `${base}.${k}` : k, message: 'unknown field' }));
        return [{ path: base || (error.validationContext ?? 'body'), message: v.message ?? 'invalid value' }];
      });
      const where = error.validationContext === 'querystring' ? 'query parameters' : error.validationContext === 'params' ? 'path' : 'request body';
      return sendProblem(reply, 422, 'Invalid input', `The ${where} has ${errors.length} invalid field${errors.length === 1 ? '' : 's'}: ${errors.map((e) => e.path).join(', ')}`, errors);
    }
    const known = error.code ? fastifyCodes[error.code] : undefined;
    if (known) return sendProblem(reply, known[0], known[1], known[2]);
    if (error instanceof SyntaxError || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
      return sendProblem(reply, 400, 'Malformed JSON', 'The request body is not valid JSON');
    }
    if (error.statusCode === 429) return sendProblem(reply, 429, 'Too many requests', error.message);
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendProblem(reply, error.statusCode, 'Bad request', error.message);
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, 500, 'Internal error', 'Something went wrong on the server; it has been logged');
  });
  // Every path, API or not (the web app's catch-all only exists when its files are built); a long path is cut short.
  app.setNotFoundHandler((request, reply) => {
    const urlPath = request.url.split('?')[0]!;
    return sendProblem(reply, 404, 'Not found', `No route ${request.method} ${urlPath.length > 200 ? `${urlPath.slice(0, 200)}…` : urlPath}`);
  });
}
