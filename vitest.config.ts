// Vitest: the server suite runs twice, on SQLite and on PostgreSQL; the web's own checks run in Node;
// the browser suite drives real Chromium.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    // Vitest's default on a 2-core machine is one worker; the tests mostly wait on PostgreSQL, SQLite's disk or
    // Chromium, so three files at a time keep both cores busy and CI within its time.
    maxWorkers: 3,
    hookTimeout: 60_000,
    // Pages and workers answer in well under a second on a quiet machine, not always beside two other test files.
    expect: { poll: { timeout: 10_000 } },
    projects: [
      // The server files share their worker's modules (isolate: false): importing the whole app once per file cost
      // about 1,200 s of CPU per run. Every file starts its own app on its own database; fresh-env.ts gives each file
      // the worker's original environment.
      { extends: true, test: { name: 'sqlite', include: ['src/server/**/*.test.ts', 'src/shared/**/*.test.ts'], env: { RAPPORT_TEST_DB: 'sqlite' }, isolate: false, setupFiles: ['src/server/test/fresh-env.ts'] } },
      { extends: true, test: { name: 'postgres', include: ['src/server/**/*.test.ts'], env: { RAPPORT_TEST_DB: 'postgres' }, isolate: false, setupFiles: ['src/server/test/fresh-env.ts'] } },
      { extends: true, test: { name: 'web', include: ['src/web/**/*.test.ts'], exclude: ['src/web/**/*.e2e.test.ts'] } },
      // The browser files share their worker's modules too (each imported the whole server in-process: ~8 s a file).
      { extends: true, test: { name: 'browser', include: ['src/web/**/*.e2e.test.ts'], testTimeout: 120_000, isolate: false, setupFiles: ['src/server/test/fresh-env.ts'] } },
    ],
  },
});
