/**
 * The console's figures, in Debian's Chromium against the bench's API (which serves the build in
 * dist/web): the JavaScript a reviewer downloads to sign in and see their inbox (gzip, the target
 * 250 KB), and the time from a click in an inbox to a usable page, for the reviewer's task page and
 * the manager's report, with the CPU throttled 4× and DevTools' "Fast 3G" profile (562.5 ms
 * round trip, 180 KB/s down, 84 KB/s up). The bare baseline of the load time is the same
 * navigation to a page of the same origin that shows nothing (the network and the throttled CPU
 * alone).
 */
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { DEFAULT_DEMO_PASSWORD } from '@dueflow/persistence';
import { Track } from '@dueflow/domain';
import { HttpError, projectBody, reviewBody } from './api-client';
import { BenchContext } from './context';
import { median, pollUntil } from './stats';

export const CONSOLE_TARGETS = { initialJsGzipKb: 250, taskPageMs: 1000, reportPageMs: 1000 } as const;

/** DevTools' "Fast 3G" preset and a 4× slower CPU. */
const FAST_3G = { offline: false, latency: 562.5, downloadThroughput: 180_000, uploadThroughput: 84_375 };
const CPU_SLOWDOWN = 4;
const RUNS = 5;
const backoff = (attempt: number) => Math.min(50 * 1.5 ** attempt, 500);

export interface LoadFigure {
  runs: number;
  medianMs: number;
  maxMs: number;
  samplesMs: number[];
}

export interface ConsoleResult {
  browser: string;
  throttling: { cpuSlowdown: number; network: typeof FAST_3G };
  initialJs: { files: number; rawKb: number; gzipKb: number; byFile: Array<{ file: string; gzipKb: number }> };
  taskPage: LoadFigure;
  reportPage: LoadFigure;
  /** The bare baseline: the same click to an empty page of the console (network + throttled CPU only). */
  emptyPage: LoadFigure;
  /** For information: a reload of the task page's URL with a warm cache (page, session and data requests in turn). */
  taskPageReloadMs: number;
  targets: typeof CONSOLE_TARGETS;
}

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

function figure(samples: number[]): LoadFigure {
  return { runs: samples.length, medianMs: Math.round(median(samples)), maxMs: Math.round(Math.max(...samples)), samplesMs: samples.map(Math.round) };
}

interface Seeded {
  reviewer: string;
  taskId: string;
  reportProjectId: string;
}

/** One project with an open task for a demo reviewer, and one with its synthesis, awaiting a decision. */
async function seed(ctx: BenchContext): Promise<Seeded> {
  const { api, accounts } = ctx;
  const submit = async (tag: string) => {
    const project = await api.call<{ id: string }>('POST', '/projects', accounts.officer.token, projectBody(tag));
    const tasks = await pollUntil(
      `the review tasks of ${project.id}`,
      async () => {
        const page = await api.call<{ items: Array<{ id: string; track: Track; assignee: { id: string } }> }>('GET', `/tasks?projectId=${project.id}&status=open`, accounts.manager.token);
        return page.items.length >= ctx.seats ? page.items : undefined;
      },
      backoff,
      60_000,
    );
    return { id: project.id, tasks };
  };
  const open = await submit(`console-task-${Date.now()}`);
  const task = open.tasks[0]!;
  const reviewer = accounts.reviewers.get(task.assignee.id)!;

  const full = await submit(`console-report-${Date.now()}`);
  for (const t of full.tasks) {
    const who = accounts.reviewers.get(t.assignee.id)!;
    await pollUntil(
      `review of ${t.id}`,
      () =>
        api.call('POST', `/tasks/${t.id}/review`, who.token, reviewBody(t.track)).then(
          () => true,
          (error: unknown) => {
            if (error instanceof HttpError && error.status === 409) return undefined;
            throw error;
          },
        ),
      backoff,
      60_000,
    );
  }
  await pollUntil(
    `the synthesis of ${full.id}`,
    async () => ((await api.call<{ status: string }>('GET', `/projects/${full.id}`, accounts.manager.token)).status === 'awaiting_decision' ? true : undefined),
    backoff,
    120_000,
  );
  return { reviewer: reviewer.email, taskId: task.id, reportProjectId: full.id };
}

async function signIn(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.goto(`${baseUrl}/app/signin`);
  await page.locator('input[name=email]').fill(email);
  await page.locator('input[name=password]').fill(DEFAULT_DEMO_PASSWORD);
  await page.locator('button[type=submit]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/app/signin'));
}

/** Every script a fresh browser downloads to sign in and see the reviewer's inbox, gzip-compressed as a server would send it. */
async function initialJs(browser: Browser, baseUrl: string, reviewer: string): Promise<ConsoleResult['initialJs']> {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  const scripts = new Map<string, Buffer>();
  // Only what sign-in and the inbox need: scripts asked for before the inbox showed. The chunks the
  // console prefetches once the browser idles (the task page's) come after and are left out.
  let shown = false;
  const asked = new Set<string>();
  page.on('request', (req) => {
    if (!shown && req.resourceType() === 'script') asked.add(req.url());
  });
  page.on('response', (res) => {
    if (!asked.has(res.url())) return;
    void res.body().then((body) => scripts.set(new URL(res.url()).pathname, body));
  });
  await signIn(page, baseUrl, reviewer);
  await page.waitForSelector('[data-testid=task-list]');
  shown = true;
  await page.waitForLoadState('networkidle');
  await context.close();
  const byFile = [...scripts].map(([file, body]) => ({ file, raw: body.length, gzip: gzipSync(body, { level: 9 }).length }));
  return {
    files: byFile.length,
    rawKb: kb(byFile.reduce((s, f) => s + f.raw, 0)),
    gzipKb: kb(byFile.reduce((s, f) => s + f.gzip, 0)),
    byFile: byFile.sort((a, b) => b.gzip - a.gzip).map((f) => ({ file: f.file, gzipKb: kb(f.gzip) })),
  };
}

async function throttle(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', FAST_3G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  return cdp;
}

/**
 * Click in a list → the page is usable: from the click to the moment `ready` is visible (the data
 * shown and the controls enabled), measured in the browser's own clock.
 */
async function clickToUsable(page: Page, listUrl: string, listReady: string, link: string, ready: string): Promise<number> {
  await page.goto(listUrl);
  await page.waitForSelector(listReady);
  // A person looks at the list for a moment: the console prefetches the next page's code meanwhile.
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1500);
  const started = await page.evaluate(() => performance.now());
  await page.locator(link).first().click();
  await page.waitForSelector(ready, { state: 'visible' });
  return (await page.evaluate(() => performance.now())) - started;
}

async function measureClicks(context: BrowserContext, args: [string, string, string, string]): Promise<LoadFigure> {
  const page = await context.newPage();
  await throttle(page);
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) samples.push(await clickToUsable(page, ...args));
  await page.close();
  return figure(samples);
}

export async function measureConsole(ctx: BenchContext): Promise<ConsoleResult> {
  const baseUrl = ctx.stack.api.baseUrl;
  const seeded = await seed(ctx);
  const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  try {
    const js = await initialJs(browser, baseUrl, seeded.reviewer);

    const reviewer = await browser.newContext({ locale: 'zh-CN' });
    await signIn(await reviewer.newPage(), baseUrl, seeded.reviewer);
    const taskRow = `[data-testid=task-row][data-task-id="${seeded.taskId}"] a`;
    const taskPage = await measureClicks(reviewer, [`${baseUrl}/app/tasks`, '[data-testid=task-list]', taskRow, '[data-testid=rubric] input[type=radio]:not([disabled])']);
    // The baseline: the same list, a link to a page that renders nothing of its own.
    const emptyPage = await measureClicks(reviewer, [`${baseUrl}/app/tasks`, '[data-testid=task-list]', 'a[href="/app/notifications"]', 'main']);
    const reloadPage = await reviewer.newPage();
    await throttle(reloadPage);
    await reloadPage.goto(`${baseUrl}/app/tasks/${seeded.taskId}`);
    await reloadPage.waitForSelector('[data-testid=rubric]');
    const reloadStarted = Date.now();
    await reloadPage.reload();
    await reloadPage.waitForSelector('[data-testid=rubric] input[type=radio]:not([disabled])');
    const taskPageReloadMs = Date.now() - reloadStarted;
    await reviewer.close();

    const manager = await browser.newContext({ locale: 'zh-CN' });
    await signIn(await manager.newPage(), baseUrl, ctx.accounts.manager.email);
    const reportRow = `[data-testid=decision-row][data-project-id="${seeded.reportProjectId}"] a`;
    const reportPage = await measureClicks(manager, [`${baseUrl}/app/decisions`, '[data-testid=decision-list]', reportRow, '[data-testid=decide-panel]']);
    await manager.close();

    return {
      browser: browser.version(),
      throttling: { cpuSlowdown: CPU_SLOWDOWN, network: FAST_3G },
      initialJs: js,
      taskPage,
      reportPage,
      emptyPage,
      taskPageReloadMs,
      targets: CONSOLE_TARGETS,
    };
  } finally {
    await browser.close();
  }
}
