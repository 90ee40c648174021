import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import { compressionCounts } from './compression.js';
import { metricsGuard, type MetricsAccess } from './metrics-access.js';

/**
 * Prometheus metrics at /metrics: request durations by route and status, plus Node's own. Served
 * only to METRICS_ALLOW addresses or with METRICS_TOKEN (they name every route and its traffic).
 */
export function installMetrics(app: FastifyInstance, access: MetricsAccess): Registry {
  const guard = metricsGuard(access);
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  // Counted where compression happens (no registry there); a cached body compressed once shows as one.
  new Counter({
    name: 'http_compressions_total',
    help: 'Response bodies compressed, by level (fresh: per response, cached: once per cache entry) and coding',
    labelNames: ['level', 'coding'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const [level, byCoding] of Object.entries(compressionCounts)) {
        for (const [coding, n] of Object.entries(byCoding)) this.inc({ level, coding }, n);
      }
    },
  });
  // Callback style: no promise per request on the hot path.
  app.addHook('onResponse', (req, reply, done) => {
    duration.observe(
      { method: req.method, route: req.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
    done();
  });
  app.get('/metrics', { schema: { hide: true } }, async (req, reply) => {
    const refused = guard(req, reply);
    if (refused) return refused;
    reply.type(registry.contentType);
    return registry.metrics();
  });
  return registry;
}
