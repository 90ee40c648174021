import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, CoreErrors, problemOf } from '../errors.js';
import { pickLocale } from '../i18n.js';
import { drainRequest } from './drain.js';
import { logRefusedAnswer } from './answer.js';

export function localeOf(req: FastifyRequest) {
  const lang = (req.query as Record<string, unknown> | undefined)?.lang;
  return pickLocale(req.headers['accept-language'], typeof lang === 'string' ? lang : undefined);
}

export function sendProblem(
  req: FastifyRequest,
  reply: FastifyReply,
  code: string,
  params: Record<string, unknown> = {},
  extra: Record<string, unknown> = {},
) {
  const locale = localeOf(req);
  // A problem with nothing of its own (sold out, not found) is the same text every time: kept whole.
  const plain = isEmpty(params) && isEmpty(extra);
  const kept = plain ? plainProblems.get(`${code}:${locale}`) : undefined;
  if (kept) return reply.status(kept.status).type('application/problem+json').send(kept.body);
  const problem = problemOf(code, locale, params, extra);
  const body = JSON.stringify(problem);
  if (plain && plainProblems.size < 1000) plainProblems.set(`${code}:${locale}`, { status: problem.status, body });
  return reply.status(problem.status).type('application/problem+json').send(body);
}

const plainProblems = new Map<string, { status: number; body: string }>();

function isEmpty(o: Record<string, unknown>): boolean {
  for (const _ in o) return false;
  return true;
}

/** Fastify's own client-error codes → our stable codes. */
const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: CoreErrors.INVALID_JSON,
  FST_ERR_CTP_EMPTY_JSON_BODY: CoreErrors.INVALID_JSON,
  FST_ERR_CTP_BODY_TOO_LARGE: CoreErrors.BODY_TOO_LARGE,
  FST_ERR_CTP_INVALID_MEDIA_TYPE: CoreErrors.UNSUPPORTED_MEDIA_TYPE,
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: CoreErrors.VALIDATION_FAILED,
};

/**
 * Every error leaves as problem+json with a stable `code`. Client mistakes are 4xx with a message
 * in the caller's language; anything unexpected is logged and answered with a bland 500.
 */
export function installErrorHandling(app: FastifyInstance, bodyLimit: number): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) {
      if (err.status >= 500) req.log.error({ err }, 'server error');
      return sendProblem(req, reply, err.code, err.params, err.extra);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const errors = err.validation.map((v) => ({
        in: err.validationContext ?? 'body',
        path: (v.instancePath || '/').replace(/^\//, '').replace(/\//g, '.'),
        message: v.message,
      }));
      const summary = errors
        .slice(0, 3)
        .map((e) => `${e.in}${e.path ? '.' + e.path : ''}: ${e.message}`)
        .join('; ');
      return sendProblem(req, reply, CoreErrors.VALIDATION_FAILED, { summary }, { errors });
    }
    const mapped = err.code ? FASTIFY_CODES[err.code] : undefined;
    if (mapped) {
      const answer = () => sendProblem(req, reply, mapped, { limit: bodyLimit, type: req.headers['content-type'] ?? '', summary: err.message });
      // Refused before the body was read (too large, wrong type): read the rest first, or a client
      // still sending sees a broken pipe instead of this answer. Fastify then closes the connection.
      return req.raw.complete ? answer() : drainRequest(req.raw).then(answer);
    }
    if (err.statusCode === 429) {
      return sendProblem(req, reply, CoreErrors.RATE_LIMITED, { retryAfter: reply.getHeader('retry-after') ?? 60 });
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return sendProblem(req, reply, CoreErrors.VALIDATION_FAILED, { summary: err.message });
    }
    // An answer its schema refused is logged with its operation and fields (not the whole body).
    if (!logRefusedAnswer(req, err, reply.statusCode)) req.log.error({ err }, 'unhandled error');
    return sendProblem(req, reply, CoreErrors.INTERNAL);
  });

  app.setNotFoundHandler((req, reply) =>
    sendProblem(req, reply, CoreErrors.ROUTE_NOT_FOUND, { method: req.method, url: req.url.split('?')[0] }),
  );
}
