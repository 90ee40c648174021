import { createHash, timingSafeEqual } from 'node:crypto';
import { BlockList, isIP } from 'node:net';
import { parseCidr } from './cidr.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { defineErrors } from '../errors.js';
import { sendProblem } from './problem.js';

export const MetricsErrors = defineErrors({
  METRICS_TOKEN_REQUIRED: {
    status: 401,
    en: 'The metrics need a bearer token (METRICS_TOKEN) from this address.',
    zh: '从此地址读取监控指标需要 Bearer 令牌（METRICS_TOKEN）。',
  },
  METRICS_FORBIDDEN: {
    status: 403,
    en: 'The metrics are not served to this address (METRICS_ALLOW).',
    zh: '监控指标不向此地址开放（METRICS_ALLOW）。',
  },
});

export interface MetricsAccess {
  /** CIDR blocks or addresses that may read /metrics without a token. */
  allow: string[];
  /** A bearer token that opens /metrics from anywhere. */
  token?: string;
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * The check Prometheus scrapers expect: an allowed source address (request.ip, which follows
 * TRUST_PROXY) or `Authorization: Bearer <METRICS_TOKEN>` (Prometheus' `authorization` /
 * `bearer_token_file`). 401 with WWW-Authenticate when a token would help, 403 when none is configured.
 */
export function metricsGuard(access: MetricsAccess) {
  const list = new BlockList();
  for (const entry of access.allow) {
    const c = parseCidr(entry);
    if (typeof c !== 'string') list.addSubnet(c.address, c.prefix, c.family);
  }
  const want = access.token ? digest(access.token) : null;
  const allowed = (ip: string) => {
    // An IPv4 client on a dual-stack socket shows as ::ffff:a.b.c.d.
    const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)?.[1];
    const address = v4 ?? ip;
    const family = isIP(address);
    return family !== 0 && list.check(address, family === 4 ? 'ipv4' : 'ipv6');
  };
  const tokenOk = (header: string | undefined) => {
    const given = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
    return !!want && given !== undefined && timingSafeEqual(digest(given), want);
  };
  return (req: FastifyRequest, reply: FastifyReply): FastifyReply | undefined => {
    if (tokenOk(req.headers.authorization) || allowed(req.ip)) return undefined;
    if (want) {
      reply.header('www-authenticate', 'Bearer realm="metrics"');
      return sendProblem(req, reply, MetricsErrors.METRICS_TOKEN_REQUIRED);
    }
    return sendProblem(req, reply, MetricsErrors.METRICS_FORBIDDEN);
  };
}
