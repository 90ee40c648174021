import type { Kernel } from '../../platform/kernel.js';
import type { SandboxProvider } from './sandbox-provider.js';
import { SIGNATURE_HEADER } from './sandbox-provider.js';

export type CallbackTransport = (body: string, headers: Record<string, string>) => Promise<number>;

/**
 * Sends the sandbox provider's callbacks, like a real provider would: asynchronously, after a
 * configurable delay, retried a few times if our endpoint does not answer 2xx. In memory on
 * purpose — it plays the provider, which is not part of our database.
 */
export class SandboxCallbacks {
  private readonly inFlight = new Set<Promise<void>>();
  transport: CallbackTransport;

  constructor(
    private readonly k: Kernel,
    private readonly provider: SandboxProvider,
  ) {
    this.transport = async (body, headers) => {
      const res = await fetch(`${k.config.publicUrl}/api/store/payments/webhook/sandbox`, { method: 'POST', body, headers });
      return res.status;
    };
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
    const run = this.deliver(body, delayMs).finally(() => this.inFlight.delete(run));
    this.inFlight.add(run);
  }

  private async deliver(body: string, delayMs: number): Promise<void> {
    for (let attempt = 0; attempt < 4; attempt++) {
      await new Promise((r) => setTimeout(r, attempt === 0 ? delayMs : 500 * 2 ** attempt));
      const headers = { 'content-type': 'application/json', [SIGNATURE_HEADER]: this.provider.sign(body, this.k.clock.now()) };
      try {
        const status = await this.transport(body, headers);
        if (status >= 200 && status < 300) return;
      } catch (err) {
        this.k.log.warn({ err }, 'sandbox callback failed');
      }
    }
  }

  /** Waits for every callback under way (tests, shutdown). */
  async flush(): Promise<void> {
    while (this.inFlight.size) await Promise.all([...this.inFlight]);
  }
}
