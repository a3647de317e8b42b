// The background worker: modules register pollers (outbox consumers, deliveries, timers) that run in a loop.
// Every poller claims its work in the database, so several workers on several servers never do the same item twice.
import type { Db } from '../db/database.js';

export interface Poller {
  name: string;
  /** Does one round of work; returns how many items it handled (0 = idle, so the loop waits). */
  run(db: Db): Promise<number>;
  idleMs?: number;
}

const pollers: Poller[] = [];

export function registerPoller(p: Poller): void {
  if (!pollers.some((x) => x.name === p.name)) pollers.push(p);
}

export interface Worker {
  stop(): Promise<void>;
  /** Runs every poller until all are idle: used by tests and the CLI to drain work deterministically. */
  drain(): Promise<void>;
}

export function startWorker(db: Db, log: { error(obj: unknown, msg: string): void }, opts: { loop?: boolean } = {}): Worker {
  let stopped = false;
  const running: Promise<void>[] = [];
  // Idle waits end early on stop(), so closing the server never waits out a long poll interval.
  const wakers = new Set<() => void>();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        wakers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      timer.unref();
      wakers.add(done);
    });
  const round = async (p: Poller) => {
    try {
      return await p.run(db);
    } catch (err) {
      log.error({ err, poller: p.name }, 'background job failed');
      return 0;
    }
  };
  if (opts.loop !== false) {
    for (const p of pollers) {
      running.push(
        (async () => {
          while (!stopped) {
            const n = await round(p);
            if (n === 0 && !stopped) await sleep(p.idleMs ?? 1000);
          }
        })(),
      );
    }
  }
  return {
    async stop() {
      stopped = true;
      for (const wake of [...wakers]) wake();
      await Promise.all(running);
    },
    async drain() {
      for (let i = 0; i < 100; i++) {
        let total = 0;
        for (const p of pollers) total += await round(p);
        if (total === 0) return;
      }
    },
  };
}
