import { api } from '../../app/api';

/** Promotions and coupon templates pause and resume the same way: one POST to `<path>/pause` or `<path>/resume`. */
export function pauseOrResume(path: string, status: string): Promise<unknown> {
  return api.post(`${path}/${status === 'paused' ? 'resume' : 'pause'}`);
}
