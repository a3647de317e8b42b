// Starts the real Rapport server in-process on a random port with a fresh SQLite file, serving the built UI.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from '../../../server/server.js';
import { resetWidgetLimits } from '../../../server/modules/service/widget/widget-limits.js';
import { resetTrackingLimits as resetWebTrackingLimits } from '../../../server/modules/marketing/tracking/tracking-limits.js';
import { resetTrackingLimits as resetCampaignTrackingLimits } from '../../../server/modules/marketing/campaigns/tracking-routes.js';

/** RAPPORT_E2E_WEB_DIR: a UI built elsewhere (e.g. `vite build --outDir`), so a run is not disturbed by other builds of dist/web. */
export const WEB_DIR = process.env.RAPPORT_E2E_WEB_DIR ?? fileURLToPath(new URL('../../../../dist/web', import.meta.url));

export interface RunningServer {
  url: string;
  close: () => Promise<void>;
}

/** `outboundAllow`: RAPPORT_OUTBOUND_ALLOW for this server (a test with a local SMTP peer allows '127.0.0.1'). */
export async function startServer(admin: { email: string; password: string } | null, outboundAllow?: string): Promise<RunningServer> {
  if (!existsSync(path.join(WEB_DIR, 'index.html'))) {
    throw new Error(`The UI is not built: run "npx vite build" first (expected ${WEB_DIR}/index.html)`);
  }
  // Browser files share their worker's modules (isolate: false in vitest.config.ts): every server starts with full
  // per-address rate-limit buckets, as a server in a process of its own would (all the tests' requests come from 127.0.0.1).
  resetWidgetLimits();
  resetWebTrackingLimits();
  resetCampaignTrackingLimits();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'rapport-e2e-'));
  const app = await createServer({
    databaseUrl: `sqlite:${path.join(dataDir, 'rapport.db')}`,
    dataDir,
    webDir: WEB_DIR,
    logLevel: process.env.RAPPORT_E2E_LOG ?? 'warn',
    ...(admin ? { adminEmail: admin.email, adminPassword: admin.password } : {}),
    ...(outboundAllow !== undefined && { outboundAllow }),
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
