import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';

/**
 * Runs an async sign-in hook only for requests that carry credentials (an Authorization or Cookie
 * header). Most reads — catalog, search, the storefront's cached pages — carry neither, and a
 * callback-style hook that returns at once spares them a promise per hook on the hot path.
 */
export function credentialed(hook: (req: FastifyRequest, reply: FastifyReply) => Promise<void>) {
  return function credentialedHook(req: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void {
    if (req.headers.authorization === undefined && req.headers.cookie === undefined) return done();
    hook(req, reply).then(() => done(), done);
  };
}
