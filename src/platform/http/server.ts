import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { installErrorHandling, sendProblem } from './problem.js';
import { CoreErrors, problemOf } from '../errors.js';
import { installMetrics } from './metrics.js';
import { securityHeaders } from './security-headers.js';
import { installCompression } from './compression.js';
import { refuseUnstorableText } from './storable-text.js';

export interface HttpOptions {
  /** The kernel's pino logger (its format and level); Fastify's own type, so the app stays the default instance type. */
  logger: FastifyBaseLogger;
  /** Where each request's one log line goes: `info` for JSON logs, `debug` (quiet at info) on a terminal. */
  requestLogLevel: 'info' | 'debug';
  bodyLimit: number;
  publicUrl: string;
  version: string;
}

export type App = FastifyInstance;

/** The bare HTTP server every module registers its routes on. Knows nothing about shops. */
export async function createHttpServer(opts: HttpOptions) {
  const app = Fastify({
    loggerInstance: opts.logger,
    // Fastify's two lines per request (incoming, completed) become one, below.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: opts.bodyLimit,
    trustProxy: true,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 1000 },
    // Router-level client errors (bad URL encoding, …) get problem+json like every other error.
    frameworkErrors: (err, req, reply) => {
      void sendProblem(req, reply, CoreErrors.VALIDATION_FAILED, { summary: err.message });
    },
    // Requests Node's HTTP parser refuses before routing (raw non-ASCII in the URL, broken headers).
    clientErrorHandler: (err, socket) => {
      if (!socket.writable) return;
      const problem = JSON.stringify(
        problemOf(CoreErrors.VALIDATION_FAILED, 'en', { summary: `unparseable request (${(err as NodeJS.ErrnoException).code ?? 'malformed'}); percent-encode non-ASCII characters in the URL` }),
      );
      socket.end(
        `HTTP/1.1 400 Bad Request\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(problem)}\r\nConnection: close\r\n\r\n${problem}`,
      );
    },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app, opts.bodyLimit);
  refuseUnstorableText(app);

  // Helmet's choice of headers on every answer, errors included. The API docs page, the console and
  // the storefront ship inline bootstraps: CSP is set per surface.
  const security = securityHeaders({ contentSecurityPolicy: false, crossOriginEmbedderPolicy: false });
  app.addHook('onRequest', (_req, reply, done) => {
    reply.headers(security);
    done();
  });
  // One line per request (method, URL, status, time); server errors are logged by the error handler.
  app.addHook('onResponse', (req, reply, done) => {
    const ms = Math.round(reply.elapsedTime * 10) / 10;
    req.log[opts.requestLogLevel](
      { method: req.method, url: req.url, statusCode: reply.statusCode, responseTime: ms },
      `${req.method} ${req.url} ${reply.statusCode} ${ms} ms`,
    );
    done();
  });
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Shopkeeper API',
        description: 'Store API (/api/store) for shoppers and admin API (/api/admin) for staff. Errors are application/problem+json with a stable `code`.',
        version: opts.version,
      },
      servers: [{ url: opts.publicUrl }],
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'Token from login (API clients)' },
          session: { type: 'apiKey', in: 'cookie', name: 'sk_session', description: 'Shopper session cookie (browsers; unsafe methods also need X-CSRF-Token)' },
          adminSession: { type: 'apiKey', in: 'cookie', name: 'sk_admin', description: 'Staff session cookie' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  installMetrics(app);
  installCompression(app);
  return app;
}

export type HttpServer = Awaited<ReturnType<typeof createHttpServer>>;
