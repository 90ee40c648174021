import { describe, expect, it } from 'vitest';
import { formatInstant } from './format';

describe('console dates: instants in the store time zone', () => {
  it('shows an instant as the store’s wall-clock time, whatever zone the computer is in', () => {
    // 16:30 UTC on 1 March is 00:30 on 2 March in Shanghai: the store day the reports use.
    expect(formatInstant('2026-03-01T16:30:00Z', 'Asia/Shanghai')).toBe('2026-03-02 00:30');
    expect(formatInstant('2026-03-01T16:30:45Z', 'Asia/Shanghai', true)).toBe('2026-03-02 00:30:45');
    expect(formatInstant('2026-03-01T16:30:00Z', 'America/New_York')).toBe('2026-03-01 11:30');
    expect(formatInstant('2026-03-01T00:05:00Z', 'UTC')).toBe('2026-03-01 00:05');
  });
});
