import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { PaymentErrors } from './errors.js';
import type { CreatePaymentInput, PaymentProvider, ProviderWebhookEvent } from './provider.js';

/** Callbacks older (or newer) than this are refused as stale: a captured request cannot be replayed later. */
export const SIGNATURE_TOLERANCE_MS = 5 * 60_000;
export const SIGNATURE_HEADER = 'x-sandbox-signature';

const eventSchema = z.object({
  eventId: z.string().min(1).max(100),
  type: z.enum(['payment.succeeded', 'payment.failed']),
  paymentId: z.uuid(),
  amount: z.number().int().min(0),
  currency: z.string().length(3),
  reason: z.string().max(200).optional(),
});

/** `t=<unix ms>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` — the scheme Stripe-like providers use. */
export function signSandboxPayload(secret: string, rawBody: string | Buffer, at: Date): string {
  const t = at.getTime();
  const mac = createHmac('sha256', secret).update(`${t}.`).update(rawBody).digest('hex');
  return `t=${t},v1=${mac}`;
}

/**
 * The built-in sandbox: imitates Alipay / WeChat Pay / card with a hosted pay page and signed,
 * asynchronous callbacks. Off in production unless PAYMENT_SANDBOX=1.
 */
export class SandboxProvider implements PaymentProvider {
  readonly code = 'sandbox';
  readonly methods = ['alipay', 'wechat', 'card'] as const;

  /**
   * `pageBase` is PUBLIC_URL when it is set, else '': the pay page is then a path on whatever host
   * the shopper is browsing, so they come back to the store on that host with their session cookie.
   */
  constructor(
    private readonly secret: string,
    private readonly pageBase: string,
  ) {}

  async create(input: CreatePaymentInput) {
    return { providerRef: `sbx_${input.paymentId.replace(/-/g, '')}`, payUrl: `${this.pageBase}/pay/sandbox/${input.paymentId}` };
  }

  sign(rawBody: string, at: Date): string {
    return signSandboxPayload(this.secret, rawBody, at);
  }

  verifyWebhook(rawBody: Buffer, headers: Record<string, string | string[] | undefined>, now: Date): ProviderWebhookEvent {
    const header = headers[SIGNATURE_HEADER];
    const m = typeof header === 'string' ? /^t=(\d{1,16}),v1=([0-9a-f]{64})$/.exec(header) : null;
    if (!m) throw new AppError(PaymentErrors.WEBHOOK_SIGNATURE_INVALID);
    const t = Number(m[1]);
    if (Math.abs(now.getTime() - t) > SIGNATURE_TOLERANCE_MS) throw new AppError(PaymentErrors.WEBHOOK_SIGNATURE_INVALID);
    const expected = Buffer.from(signSandboxPayload(this.secret, rawBody, new Date(t)).split('v1=')[1], 'hex');
    const given = Buffer.from(m[2], 'hex');
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new AppError(PaymentErrors.WEBHOOK_SIGNATURE_INVALID);
    let json: unknown;
    try {
      json = JSON.parse(rawBody.toString('utf8'));
    } catch {
      throw new AppError(PaymentErrors.WEBHOOK_PAYLOAD_INVALID, { reason: 'not JSON' });
    }
    const parsed = eventSchema.safeParse(json);
    if (!parsed.success) throw new AppError(PaymentErrors.WEBHOOK_PAYLOAD_INVALID, { reason: parsed.error.issues[0]?.message ?? 'bad shape' });
    return parsed.data;
  }

  /** Idempotent by construction: the answer is derived from the key, so a repeat (even after a restart) is the same refund. */
  async refund(input: { idempotencyKey: string }) {
    return { providerRefundId: `sbx_rf_${input.idempotencyKey.replace(/[^0-9a-z]/gi, '')}` };
  }

  /** The body of the callback the sandbox sends after the shopper acts on the pay page. */
  callbackBody(payment: { id: string; amount: number; currency: string }, outcome: 'succeeded' | 'failed'): string {
    return JSON.stringify({
      eventId: `evt_${newId()}`,
      type: outcome === 'succeeded' ? 'payment.succeeded' : 'payment.failed',
      paymentId: payment.id,
      amount: payment.amount,
      currency: payment.currency,
      ...(outcome === 'failed' ? { reason: 'declined by the sandbox' } : {}),
    });
  }
}

export type { CreatePaymentInput };
