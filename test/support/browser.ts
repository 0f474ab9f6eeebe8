import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DEFAULT_DEMO_PASSWORD } from '@dueflow/persistence';

/** Debian's Chromium (`apt-get install chromium`; .ci/run installs it): Playwright's own download does not work here. */
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Where the browser suites write their screenshots (kept with the test output, not committed). */
export const SHOTS_DIR = join(__dirname, '../../test-output/screenshots');

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM);
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'],
  });
}

export type ConsoleLocale = 'zh-CN' | 'en';

/** One person's browser: their own cookie jar, language and screen. */
export async function personContext(browser: Browser, locale: ConsoleLocale): Promise<BrowserContext> {
  const context = await browser.newContext({ locale, viewport: { width: 1366, height: 900 }, timezoneId: 'Asia/Shanghai' });
  context.setDefaultTimeout(20_000);
  return context;
}

/**
 * Signs in through the console's form and waits for the person's home page. `from` is where the
 * browser starts: `/` (what the README tells a new user to open) goes there through the redirects.
 */
export async function signIn(page: Page, baseUrl: string, email: string, password = DEFAULT_DEMO_PASSWORD, from = '/app/signin'): Promise<void> {
  await page.goto(`${baseUrl}${from}`);
  await page.locator('input[name=email]').fill(email);
  await page.locator('input[name=password]').fill(password);
  await page.locator('button[type=submit]').click();
  await page.waitForURL((url) => url.pathname.startsWith('/app/') && !url.pathname.startsWith('/app/signin'));
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core in the page: the serious and critical violations, as `rule: target` lines. */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  const loaded = await page.evaluate(() => typeof (globalThis as unknown as { axe?: unknown }).axe !== 'undefined');
  // Evaluated through the DevTools protocol: the console's CSP (rightly) refuses an injected <script>.
  if (!loaded) await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (opts: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run({ resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} at ${n.target.join(' ')}`));
}

/** Catalog keys the page asked for that no catalog has (the console records them, see apps/web/src/i18n). */
export async function missingKeys(page: Page): Promise<string[]> {
  return page.evaluate(() => (globalThis as unknown as { __dueflowMissingKeys?: string[] }).__dueflowMissingKeys ?? []);
}

/** A full-page screenshot into test-output/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SHOTS_DIR, { recursive: true });
  const path = join(SHOTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** A delivered e-mail as Mailpit's API lists it. */
export interface CaughtMail {
  ID: string;
  Subject: string;
  To: { Name: string; Address: string }[];
}

export async function caughtMails(mailpitUrl: string, search: string): Promise<CaughtMail[]> {
  const res = await fetch(`${mailpitUrl}/api/v1/search?query=${encodeURIComponent(search)}&limit=500`);
  if (!res.ok) throw new Error(`Mailpit search answered ${res.status}`);
  return ((await res.json()) as { messages: CaughtMail[] }).messages;
}

export async function mailText(mailpitUrl: string, id: string): Promise<string> {
  const res = await fetch(`${mailpitUrl}/api/v1/message/${id}`);
  return ((await res.json()) as { Text: string }).Text;
}
