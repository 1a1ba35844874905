import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Gives memory back after a burst: V8 collects garbage only when a program allocates, so a server
 * that falls quiet after heavy traffic would keep its peak heap indefinitely. Once requests have
 * come and then none for `quietMs`, one full collection runs (a pause of tens of milliseconds, when
 * nobody waits). `activity()` is called on every request.
 */
export function idleCollector(quietMs = 5000): { activity(): void; stop(): void } {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as (options?: { type: 'major'; execution: 'sync' }) => void;
  let timer: NodeJS.Timeout | null = null;
  return {
    activity() {
      if (timer) {
        timer.refresh();
        return;
      }
      timer = setTimeout(() => {
        timer = null;
        gc({ type: 'major', execution: 'sync' });
      }, quietMs);
      timer.unref();
    },
    stop() {
      if (timer) clearTimeout(timer);
    },
  };
}
