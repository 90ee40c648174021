import { beforeEach } from 'vitest';

/**
 * A journey's steps build on each other: once one fails, the later ones are reported as not run
 * (with the step that failed) instead of failing for a misleading reason. The accessibility check
 * at the end still runs on whatever pages were reached.
 */
export function stopAfterFirstFailure(): void {
  let failed: string | null = null;
  beforeEach((ctx) => {
    if (failed && !ctx.task.name.startsWith('accessibility')) throw new Error(`not run: an earlier step failed (${failed})`);
    ctx.onTestFailed(() => {
      failed ??= ctx.task.name;
    });
  });
}
