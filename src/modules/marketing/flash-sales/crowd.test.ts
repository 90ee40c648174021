import { describe, expect, it } from 'vitest';
import { Crowd, CROWD_HOLD_MS } from './crowd.js';

describe('the flash-sale crowd (orders wait while it presses)', () => {
  const at = (start = 0) => {
    let t = start;
    return { now: () => t, advance: (ms: number) => void (t += ms) };
  };
  const press = (crowd: Crowd, clock: ReturnType<typeof at>, perSecond: number, seconds: number) => {
    for (let i = 0; i < perSecond * seconds; i++) {
      crowd.note();
      clock.advance(1000 / perSecond);
    }
  };

  it('a few shoppers are no crowd; 200 attempts a second are, and it is over within a second after they stop', () => {
    const clock = at(1000);
    const crowd = new Crowd(clock.now);
    press(crowd, clock, 100, 2);
    expect(crowd.pressing()).toBe(false);
    press(crowd, clock, 1000, 2);
    expect(crowd.pressing()).toBe(true);
    clock.advance(200);
    expect(crowd.pressing()).toBe(true);
    clock.advance(600);
    expect(crowd.pressing()).toBe(false);
  });

  it('holds orders back for CROWD_HOLD_MS at most, however long it presses; a new crowd after a pause holds again', () => {
    const clock = at(1000);
    const crowd = new Crowd(clock.now);
    press(crowd, clock, 1000, CROWD_HOLD_MS / 1000 - 1);
    expect(crowd.pressing()).toBe(true);
    press(crowd, clock, 1000, 2);
    expect(crowd.pressing()).toBe(false);
    clock.advance(1000);
    press(crowd, clock, 1000, 1);
    expect(crowd.pressing()).toBe(true);
  });
});
