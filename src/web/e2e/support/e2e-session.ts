// The frame every browser test shares: a fresh server with an admin, an API session, Chromium with one page, the
// login form, and a screenshot left behind when a flow fails.
import { afterAll, beforeAll } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, type LaunchedBrowser } from './browser.js';
import { ApiSession } from './fixtures.js';
import { startServer, type RunningServer } from './server.js';

export const ADMIN = { email: 'admin@example.com', password: 'admin12345' };

export interface BrowserSession {
  readonly server: RunningServer;
  readonly api: ApiSession;
  readonly page: Page;
}

export interface BrowserSessionOptions {
  viewport?: { width: number; height: number };
  /** The test's own data, made through the API once the server is up and before the browser starts. */
  seed?: (api: ApiSession, server: RunningServer) => Promise<void>;
  /** RAPPORT_OUTBOUND_ALLOW for the server, e.g. '127.0.0.1' for a local SMTP peer. */
  outboundAllow?: string;
}

/**
 * Registers beforeAll/afterAll hooks for the enclosing describe and returns a handle whose fields are set once
 * beforeAll has run (read them inside tests, not at describe time).
 */
export function browserSession(options: BrowserSessionOptions = {}): BrowserSession {
  let server: RunningServer | undefined;
  let api: ApiSession | undefined;
  let page: Page | undefined;
  let browser: LaunchedBrowser | undefined;
  const ready = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`browserSession: ${name} is read before beforeAll has run`);
    return value;
  };

  beforeAll(async () => {
    server = await startServer(ADMIN, options.outboundAllow);
    api = await ApiSession.login(server.url, ADMIN.email, ADMIN.password);
    await options.seed?.(api, server);
    browser = await launchBrowser(options.viewport ?? { width: 1280, height: 900 });
    page = await browser.context.newPage();
    page.setDefaultTimeout(15_000);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  return {
    get server() {
      return ready(server, 'server');
    },
    get api() {
      return ready(api, 'api');
    },
    get page() {
      return ready(page, 'page');
    },
  };
}

/** Opens `url`, lands on the login form (directly or by redirect), signs in and waits to be taken on: back to `url`,
 * or to Today (the landing page) when `url` was the login form itself. */
export async function loginInBrowser(page: Page, url: string, admin: { email: string; password: string } = ADMIN): Promise<void> {
  await page.goto(url);
  await page.waitForURL('**/login');
  await page.fill('input[name=email]', admin.email);
  await page.fill('input[name=password]', admin.password);
  await page.click('button[type=submit]');
  await page.waitForURL((u) => !u.pathname.endsWith('/login'));
}

/** Runs a flow; if it fails, leaves a full-page picture in screenshots/<name>.png for whoever reads the failure. */
export async function withFailureShot(page: Page, name: string, flow: () => Promise<void>): Promise<void> {
  try {
    await flow();
  } catch (err) {
    await page.screenshot({ path: `screenshots/${name}.png`, fullPage: true }).catch(() => undefined);
    throw err;
  }
}

/** Opens a menu with `trigger`, clicks its item `item` and waits for the menu to be gone, so that the next menu's
 * items are not confused with this one's while it is still fading out (both carry the same test ids). */
export async function pickMenuItem(page: Page, trigger: string, item: string): Promise<void> {
  await page.locator('[role=menu]').first().waitFor({ state: 'detached' });
  await page.click(trigger);
  await page.locator(`[role=menu] ${item}`).click();
  await page.locator('[role=menu]').first().waitFor({ state: 'detached' });
}
