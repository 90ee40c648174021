/**
 * Whether the sandbox payment provider runs where it should not go unnoticed. The sandbox marks an
 * order paid with no money behind it; that is the point in a demo, and a hazard in a store that
 * takes real money (another provider is configured) or that strangers can reach (PUBLIC_URL is a
 * public address). Pure: the start banner and the console's badge both ask it (docs/decisions/0026).
 */
export type SandboxExposure = 'public-url' | 'real-provider';

export interface SandboxStatus {
  enabled: boolean;
  /** Why the sandbox needs attention; empty when it runs where only its owner can reach it. */
  exposures: SandboxExposure[];
}

/** Loopback, private (RFC 1918, CGNAT, link-local, ULA) and the local names a LAN or a laptop uses. */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal') || host.endsWith('.lan')) return true;
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host.replace(/^::ffff:/, ''));
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return a === 127 || a === 10 || a === 0 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127);
  }
  if (host.includes(':')) return host === '::1' || /^f[cd][0-9a-f]{2}:/.test(host) || /^fe[89ab][0-9a-f]:/.test(host);
  return false;
}

export function sandboxStatus(input: { enabled: boolean; publicUrl?: string; providers: readonly string[] }): SandboxStatus {
  if (!input.enabled) return { enabled: false, exposures: [] };
  const exposures: SandboxExposure[] = [];
  if (input.publicUrl) {
    let host = '';
    try {
      host = new URL(input.publicUrl).hostname;
    } catch {
      host = '';
    }
    if (host && !isPrivateHost(host)) exposures.push('public-url');
  }
  if (input.providers.some((p) => p !== 'sandbox')) exposures.push('real-provider');
  return { enabled: true, exposures };
}
