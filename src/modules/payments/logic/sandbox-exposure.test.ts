import { describe, expect, it } from 'vitest';
import { isPrivateHost, sandboxStatus } from './sandbox-exposure.js';

describe('sandbox exposure', () => {
  it('tells private and local hosts from public ones', () => {
    for (const h of ['localhost', '127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.20', '169.254.1.1', '100.64.0.1', '[::1]', 'fd12:3456::1', 'fe80::1', 'shop.local', 'box.lan'])
      expect(isPrivateHost(h), h).toBe(true);
    for (const h of ['shop.example.com', '8.8.8.8', '172.32.0.1', '192.169.0.1', '100.128.0.1', '2001:db8::1', '11.0.0.1', 'localhost.example.com'])
      expect(isPrivateHost(h), h).toBe(false);
  });

  it('needs attention with a public PUBLIC_URL or another provider, never when off', () => {
    expect(sandboxStatus({ enabled: true, providers: ['sandbox'] })).toEqual({ enabled: true, exposures: [] });
    expect(sandboxStatus({ enabled: true, publicUrl: 'http://192.168.1.20:3000', providers: ['sandbox'] }).exposures).toEqual([]);
    expect(sandboxStatus({ enabled: true, publicUrl: 'https://shop.example.com', providers: ['sandbox'] }).exposures).toEqual(['public-url']);
    expect(sandboxStatus({ enabled: true, publicUrl: 'https://shop.example.com', providers: ['sandbox', 'alipay'] }).exposures).toEqual(['public-url', 'real-provider']);
    expect(sandboxStatus({ enabled: false, publicUrl: 'https://shop.example.com', providers: ['alipay'] })).toEqual({ enabled: false, exposures: [] });
  });
});
