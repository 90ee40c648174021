import type { Kernel } from '../../platform/kernel.js';
import type { SandboxProvider } from './sandbox-provider.js';
import { SIGNATURE_HEADER } from './sandbox-provider.js';
import { PaymentEvents } from './events.js';

export type CallbackTransport = (body: string, headers: Record<string, string>) => Promise<number>;

/**
 * Sends the sandbox provider's callbacks, like a real provider would: asynchronously, after a
 * configurable delay, retried with backoff while our endpoint does not answer 2xx. Each callback is
 * an outbox event delivered no earlier than its delay, so a restart between the shopper paying and
 * the callback still delivers it (decision 0030). Sent outside any transaction: it calls our own
 * webhook, which opens its own.
 */
export class SandboxCallbacks {
  transport: CallbackTransport;

  constructor(
    private readonly k: Kernel,
    private readonly provider: SandboxProvider,
  ) {
    this.transport = async (body, headers) => {
      const res = await fetch(`${k.config.publicUrl}/api/store/payments/webhook/sandbox`, { method: 'POST', body, headers });
      return res.status;
    };
    k.outbox.subscribe(
      'payments.sandbox-callbacks',
      [PaymentEvents.sandboxCallbackDue],
      async (e) => {
        const { body } = e.payload;
        const headers = { 'content-type': 'application/json', [SIGNATURE_HEADER]: this.provider.sign(body, this.k.clock.now()) };
        const status = await this.transport(body, headers);
        if (status < 200 || status >= 300) throw new Error(`the store answered the sandbox callback with ${status}`);
      },
      { transactional: false },
    );
  }

  async settings(): Promise<{ delayMs: number; failureRate: number }> {
    return {
      delayMs: (await this.k.settings.get<number>('payments.sandbox.delayMs')) ?? 300,
      failureRate: (await this.k.settings.get<number>('payments.sandbox.failureRate')) ?? 0,
    };
  }

  /** The shopper acted on the pay page: the provider will call back with the outcome. */
  async send(payment: { id: string; amount: number; currency: string }, wanted: 'succeeded' | 'failed'): Promise<void> {
    const { delayMs, failureRate } = await this.settings();
    const outcome = wanted === 'succeeded' && Math.random() < failureRate ? 'failed' : wanted;
    const body = this.provider.callbackBody(payment, outcome);
    await this.k.outbox.emit(PaymentEvents.sandboxCallbackDue, { paymentId: payment.id, body }, { deliverAt: new Date(this.k.clock.now().getTime() + delayMs) });
  }

  /** Waits out the delay and delivers every callback sent so far (tests; a running store's background worker does this itself). */
  async flush(): Promise<void> {
    const { delayMs } = await this.settings();
    await new Promise((r) => setTimeout(r, delayMs));
    await this.k.outbox.drain();
  }
}
