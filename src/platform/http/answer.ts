import type { FastifyRequest } from 'fastify';
import { isResponseSerializationError } from 'fastify-type-provider-zod';
import { safeEncode, type ZodType } from 'zod';
import type { Database } from '../db/database.js';

/**
 * An answer its route's response schema refuses. Fastify serializes an answer after the handler
 * has returned — after a write's commit — so a refused answer used to be a 500 for a write that
 * happened, and a client that retried did it twice (issue 10). Two guards, decision 0024:
 *
 * - `checkedAnswer` checks a write's answer with the very schema the serializer will use, as the
 *   last step inside the write's transaction: a refused answer rolls the write back, so the 500
 *   the client gets is the truth (nothing happened) and a retry is safe.
 * - Whatever still fails at serialization is logged at error level with the operation id, the
 *   request id (pino's `reqId`), the status and the refused fields' paths (never their values).
 */
export class AnswerRefused extends Error {
  constructor(
    readonly operationId: string | undefined,
    readonly status: number,
    readonly fields: string[],
  ) {
    super(`The answer of ${operationId ?? 'an operation'} (${status}) does not match its response schema: ${fields.join(', ')}`);
  }
}

type Issues = ReadonlyArray<{ path: PropertyKey[]; code: string }>;
const fieldsOf = (issues: Issues) => issues.slice(0, 10).map((i) => `${i.path.map(String).join('.') || '(root)'} (${i.code})`);

const operationOf = (req: FastifyRequest) => (req.routeOptions.schema as { operationId?: string } | undefined)?.operationId;

/** Returns `body` when the route's schema for `status` accepts it; throws AnswerRefused (logged) otherwise. */
export function checkedAnswer<T>(req: FastifyRequest, status: number, body: T): T {
  const schema = (req.routeOptions.schema?.response as Record<number, ZodType> | undefined)?.[status];
  if (!schema || typeof (schema as { safeParse?: unknown }).safeParse !== 'function') return body;
  const result = safeEncode(schema, body);
  if (result.success) return body;
  const refused = new AnswerRefused(operationOf(req), status, fieldsOf(result.error.issues));
  req.log.error(
    { operationId: refused.operationId, status, fields: refused.fields, rolledBack: true },
    'answer refused by its response schema before commit; the write was rolled back',
  );
  throw refused;
}

/**
 * For the error handler: logs a serialization failure (or an AnswerRefused) with what an operator
 * needs to find it, and says whether it was one. A failure at serialization after an unsafe method
 * may follow a commit: the log says so (`afterWrite`), for the operator to reconcile.
 */
export function logRefusedAnswer(req: FastifyRequest, err: unknown, status: number): boolean {
  if (err instanceof AnswerRefused) return true; // logged where it was thrown
  if (!(err instanceof Error) || (err as { code?: string }).code !== 'FST_ERR_RESPONSE_SERIALIZATION' || !isResponseSerializationError(err)) return false;
  req.log.error(
    {
      operationId: operationOf(req),
      status,
      fields: fieldsOf((err.cause as { issues: Issues }).issues),
      afterWrite: !['GET', 'HEAD', 'OPTIONS'].includes(req.method),
    },
    'answer refused by its response schema at serialization',
  );
  return true;
}

/** A write in one transaction whose answer is checked (checkedAnswer) before the commit. */
export function answeredWrite<T>(db: Database, req: FastifyRequest, status: number, fn: () => Promise<T>): Promise<T> {
  return db.transaction(async () => checkedAnswer(req, status, await fn()));
}
