import { afterAll, beforeAll, expect, it } from 'vitest';
import { defineEvent } from '../../platform/outbox/events.js';
import { describeEachBackend, startTestApp, type TestApp } from '../../../test/support/harness.js';
import { loginStaff, type StaffLogin } from '../../../test/support/staff.js';
import { MAX_ATTEMPTS } from '../../platform/outbox/outbox.js';

describeEachBackend('dead event deliveries', (backend) => {
  let t: TestApp;
  let admin: StaffLogin;
  let failing = true;
  const handled: string[] = [];

  beforeAll(async () => {
    t = await startTestApp(backend);
    t.k.outbox.subscribe('test.flaky-consumer', [defineEvent('test.flaky')], async (e) => {
      if (failing) throw new Error('downstream is down');
      handled.push(e.id);
    });
    admin = await loginStaff(t, 'admin');
  });
  afterAll(() => t.close());

  it('lists a delivery that failed every retry and puts it back in the queue', async () => {
    const eventId = await t.k.db.transaction(() => t.k.outbox.emit(defineEvent('test.flaky'), { n: 1 }));
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await t.k.outbox.dispatch();
      t.clock.advance(10 * 60_000);
    }
    const dead = await t.app.inject({ url: '/api/admin/events/dead', headers: admin.auth });
    expect(dead.statusCode).toBe(200);
    expect(dead.json().items).toEqual([
      expect.objectContaining({ eventId, consumer: 'test.flaky-consumer', attempts: MAX_ATTEMPTS, lastError: 'downstream is down', type: 'test.flaky', payload: { n: 1 } }),
    ]);

    failing = false;
    const retry = await t.app.inject({ method: 'POST', url: `/api/admin/events/${eventId}/retry`, headers: admin.auth });
    expect(retry.json()).toEqual({ revived: 1 });
    await t.settle();
    expect(handled).toEqual([eventId]);
    expect((await t.app.inject({ url: '/api/admin/events/dead', headers: admin.auth })).json().items).toEqual([]);

    const again = await t.app.inject({ method: 'POST', url: `/api/admin/events/${eventId}/retry`, headers: admin.auth });
    expect(again.statusCode).toBe(404);
    expect(again.json().code).toBe('DEAD_EVENT_NOT_FOUND');
    const log = (await t.app.inject({ url: `/api/admin/audit-log?action=events.retry`, headers: admin.auth })).json().items;
    expect(log).toEqual([expect.objectContaining({ entityType: 'outbox_event', entityId: eventId, staffId: admin.staffId })]);
  });
});
