import { DEFAULT_POLICY } from '@dueflow/domain';
import { InboxStore } from '@dueflow/persistence';
import { InboxDispatcher, SmtpMailer } from '@dueflow/worker';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { randomUUID } from 'node:crypto';
import {
  caughtMails,
  chromiumAvailable,
  launchChromium,
  mailText,
  missingKeys,
  personContext,
  screenshot,
  seriousAxeViolations,
  signIn,
  type ConsoleLocale,
} from '../support/browser';
import { ADMIN, MANAGER, MANAGER_2, OFFICER } from '../support/factories';
import { Http, RunningDueflow, eventually, startDueflow, usePolicy } from '../support/harness';
import { loadStackInfo } from '../support/test-stack';

/**
 * The whole story through the console, in Chromium, against the real stack (API, worker, Temporal,
 * PostgreSQL, Mailpit): an officer submits a ≥ CNY 1 bn candidate through the form; each assigned
 * reviewer scores it through the rubric (one saves a draft, reloads and finds it, then finishes with
 * the keyboard alone; one declines for a conflict and the replacement sees the task); a manager
 * reads the report and asks for information; the officer answers; two managers approve; the
 * officer records the signing; every e-mail of the story arrives with a link that opens the page.
 * Every page visited is checked with axe-core (no serious or critical violation) and for catalog
 * keys the console lacked.
 */

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const FROM = 'dueflow <no-reply@park.test>';
const run = chromiumAvailable() ? describe : describe.skip;
if (!chromiumAvailable()) process.stderr.write('[browser] /usr/bin/chromium is missing (bash tools/ensure-browser.sh installs it): the browser suite is skipped\n');

interface Person {
  email: string;
  context: BrowserContext;
  page: Page;
}

run('the console: the whole story in a real browser', () => {
  const info = loadStackInfo();
  let stack: RunningDueflow;
  let http: Http;
  let browser: Browser;
  let dispatcher: InboxDispatcher | null = null;
  const people: Person[] = [];
  /** Every page checked, with its problems: axe violations and missing keys. */
  const problems: string[] = [];
  const tag = randomUUID().slice(0, 6);
  const company = `苏州精密减速器${tag}有限公司`;
  let projectId = '';

  const person = async (email: string, locale: ConsoleLocale, from?: string): Promise<Person> => {
    await http.as(email, 'PATCH', '/me', { body: { locale } });
    const context = await personContext(browser, locale);
    const page = await context.newPage();
    await signIn(page, stack.baseUrl, email, undefined, from);
    const p = { email, context, page };
    people.push(p);
    return p;
  };

  /** axe-core and the catalog check on the page as it is now; a screenshot when named. */
  const check = async (page: Page, name?: string) => {
    // Not 'networkidle': a page showing a project holds a watch request open (Prefer: wait).
    await settled(page);
    for (const v of await seriousAxeViolations(page)) problems.push(`${name ?? page.url()}: ${v}`);
    for (const k of await missingKeys(page)) problems.push(`${name ?? page.url()}: missing key ${k}`);
    if (name) await screenshot(page, name);
  };

  const statusOf = async () => (await http.as(ADMIN, 'GET', `/projects/${projectId}`)).body.status as string;
  const waitForStatus = (status: string, timeoutMs = 60_000) => eventually(`project ${projectId} ${status}`, async () => (await statusOf()) === status, timeoutMs);
  const openTasks = async () => (await http.as(ADMIN, 'GET', `/tasks?projectId=${projectId}&status=open`)).body.items as Array<{ id: string; track: string; assignee: { id: string; email?: string } }>;
  const emailOf = async (userId: string) => (await http.as(ADMIN, 'GET', '/users?role=reviewer')).body.items.find((u: { id: string }) => u.id === userId).email as string;

  beforeAll(async () => {
    stack = await startDueflow();
    http = new Http(stack.baseUrl);
    await usePolicy(http, DEFAULT_POLICY);
    if (info.smtpUrl) {
      dispatcher = new InboxDispatcher({
        store: new InboxStore(stack.dataSource),
        mailer: new SmtpMailer(info.smtpUrl, FROM),
        logger: quiet,
        consoleUrl: `${stack.baseUrl}/app/`,
        from: FROM,
        batchSize: 200,
      });
      dispatcher.start();
    }
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const p of people) await p.context.close().catch(() => undefined);
    await browser?.close();
    await dispatcher?.stop();
    // Everyone back to the default language for the suites after this one.
    for (const p of people) await http?.as(p.email, 'PATCH', '/me', { body: { locale: 'zh-CN' } }).catch(() => undefined);
    await stack?.stop();
  });

  it('an officer submits a candidate through the form', async () => {
    // As a new user does: open the server's address, get sent to sign-in, land on their inbox.
    const officer = await person(OFFICER, 'zh-CN', '/');
    const { page } = officer;
    expect(new URL(page.url()).pathname).toBe('/app/projects');
    await page.waitForSelector('[data-testid=project-list]');
    await check(page, 'officer-projects-zh-CN');
    await page.getByTestId('new-project').click();
    await page.waitForSelector('[data-testid=project-form]');
    // The API's own message, next to its field: a blank form is refused field by field.
    await page.getByTestId('field-name').fill(`精密减速器产线 ${tag}`);
    await page.getByTestId('field-company').fill(company);
    await chooseOption(page, 'field-sector', '机器人');
    // 万元 in Chinese: 120,000 万元 is CNY 1.2 bn, over the dual-approval threshold.
    await page.getByTestId('field-totalInvestment').fill('120000');
    await page.getByTestId('field-expectedAnnualOutput').fill('200000');
    await page.getByTestId('field-source').getByText('产业链招商').click();
    await page.getByTestId('field-summary').fill('谐波减速器，用于工业机器人关节；中试线已运行，寻求量产基地。');
    await check(page, 'officer-submit-zh-CN');
    await page.getByTestId('submit-project').click();
    await page.waitForURL(/\/app\/projects\/[0-9a-f-]{36}$/);
    projectId = /projects\/([0-9a-f-]{36})/.exec(page.url())![1]!;
    const project = (await http.as(ADMIN, 'GET', `/projects/${projectId}`)).body;
    expect(project.company).toBe(company);
    expect(project.totalInvestment).toEqual({ amount: 1_200_000_000, currency: 'CNY' });
    await expect(page.getByTestId('project-status').textContent()).resolves.toBeTruthy();
    await check(page, 'officer-project-zh-CN');
  });

  it('each reviewer works the task through the rubric: a draft survives a reload, the rubric is done by keyboard, a conflict brings a replacement', async () => {
    const tasks = await eventually('four open review tasks', async () => {
      const open = await openTasks();
      return open.length >= 4 ? open : undefined;
    });
    const byTrack = (track: string) => tasks.filter((t) => t.track === track);
    const [expertA, expertB] = byTrack('expert');
    const [vc] = byTrack('vc');
    const [academic] = byTrack('academic');

    // Expert A reads English, drafts half, reloads, finds it, and finishes with the keyboard alone.
    const a = await person(await emailOf(expertA!.assignee.id), 'en');
    await a.page.waitForSelector(`[data-testid=task-row][data-task-id="${expertA!.id}"]`);
    await check(a.page, 'reviewer-tasks-en');
    await a.page.locator(`[data-testid=task-row][data-task-id="${expertA!.id}"] a`).first().click();
    await a.page.waitForSelector('[data-testid=rubric]');
    await a.page.getByTestId('score-technology').getByRole('radio').nth(3).check();
    await a.page.getByTestId('score-market').getByRole('radio').nth(2).check();
    await a.page.waitForSelector('[data-testid=draft-status][data-state=saved]');
    await eventually('the draft on the server', async () => {
      const draft = (await http.as(a.email, 'GET', `/tasks/${expertA!.id}`)).body.draft;
      return draft?.scores?.technology === 4 && draft?.scores?.market === 3;
    });
    await a.page.reload();
    await a.page.waitForSelector('[data-testid=rubric]');
    // The draft comes back from the server (GET /tasks/{id} returns it to its assignee).
    await eventually('the draft restored after the reload', async () => {
      const technology = await a.page.getByTestId('score-technology').getByRole('radio').nth(3).isChecked();
      const market = await a.page.getByTestId('score-market').getByRole('radio').nth(2).isChecked();
      return technology && market;
    }, 10_000).catch(async (error: unknown) => {
      await screenshot(a.page, 'failure-draft-restore');
      const draft = (await http.as(a.email, 'GET', `/tasks/${expertA!.id}`)).body.draft;
      const radios = await a.page.getByTestId('score-technology').getByRole('radio').evaluateAll((els) => els.map((e) => `${(e as unknown as { checked: boolean; value: string }).value}:${(e as unknown as { checked: boolean }).checked}`));
      const inputs = await a.page.locator('input[type=radio]').evaluateAll((els) => els.map((e) => `${(e as unknown as { name: string }).name}=${(e as unknown as { value: string }).value}:${(e as unknown as { checked: boolean }).checked}`));
      throw new Error(`${String(error)}; status: ${await a.page.getByTestId('draft-status').textContent()}; server draft: ${JSON.stringify(draft)}; radios ${radios.join(',')}; inputs ${inputs.join(',')}`);
    });
    await check(a.page, 'reviewer-task-en');
    await completeRubricByKeyboard(a.page);
    await eventually('expert A submitted', async () => (await http.as(ADMIN, 'GET', `/tasks/${expertA!.id}`)).body.status === 'submitted');

    // Expert B submits with the mouse, and cannot open A's task.
    const b = await person(await emailOf(expertB!.assignee.id), 'zh-CN');
    await b.page.goto(`${stack.baseUrl}/app/tasks/${expertA!.id}`);
    await b.page.getByText('未找到').first().waitFor();
    await b.page.goto(`${stack.baseUrl}/app/tasks/${expertB!.id}`);
    await submitReviewByMouse(b.page);
    await check(b.page, 'reviewer-task-zh-CN');

    // The VC reviewer declines for a conflict of interest; the replacement sees the task.
    const v = await person(await emailOf(vc!.assignee.id), 'zh-CN');
    await v.page.goto(`${stack.baseUrl}/app/tasks/${vc!.id}`);
    await v.page.getByTestId('decline-open').click();
    await v.page.getByTestId('decline-reason').fill('本人曾任该公司顾问。');
    await v.page.getByTestId('decline-conflict').check();
    await v.page.getByTestId('decline-confirm').click();
    await v.page.waitForURL(/\/app\/tasks$/);
    const replacement = await eventually('a replacement VC task', async () => (await openTasks()).find((t) => t.track === 'vc' && t.id !== vc!.id));
    const r = await person(await emailOf(replacement.assignee.id), 'zh-CN');
    await r.page.waitForSelector(`[data-testid=task-row][data-task-id="${replacement.id}"]`);
    await r.page.locator(`[data-testid=task-row][data-task-id="${replacement.id}"] a`).first().click();
    await submitReviewByMouse(r.page, { coInvest: true });

    const ac = await person(await emailOf(academic!.assignee.id), 'zh-CN');
    await ac.page.goto(`${stack.baseUrl}/app/tasks/${academic!.id}`);
    await submitReviewByMouse(ac.page);
    await waitForStatus('awaiting_decision', 90_000);
  });

  it('a manager reads the report and asks for information; the officer answers', async () => {
    const m = await person(MANAGER, 'zh-CN');
    await m.page.goto(`${stack.baseUrl}/app/decisions`);
    await m.page.waitForSelector(`[data-testid=decision-row][data-project-id="${projectId}"]`);
    await check(m.page, 'manager-decisions-zh-CN');
    await m.page.locator(`[data-testid=decision-row][data-project-id="${projectId}"] a`).first().click();
    await m.page.waitForSelector('[data-testid=decide-panel]');
    await m.page.waitForSelector('[data-testid=track-chart] canvas');
    await check(m.page, 'manager-report-zh-CN');
    await m.page.getByTestId('decide-request-info').click();
    await m.page.getByTestId('decision-rationale').fill('需核实产能规划。');
    await m.page.getByTestId('question-0').fill('请提供近三年的审计报告和量产爬坡计划。');
    await m.page.getByTestId('confirm-decision').click();
    await waitForStatus('information_requested');

    const officer = people.find((p) => p.email === OFFICER)!;
    await officer.page.goto(`${stack.baseUrl}/app/projects/${projectId}`);
    await officer.page.waitForSelector('[data-testid=answer-form]');
    await officer.page.getByTestId('answer-0').fill('审计报告已上传；量产爬坡计划：第一年 30%，第二年 70%，第三年满产。');
    await check(officer.page, 'officer-answer-zh-CN');
    await officer.page.getByTestId('send-answers').click();
    await waitForStatus('awaiting_decision');
    // The officer's page moved by itself (the project watch), without a reload.
    await officer.page.waitForSelector('[data-testid=project-status][data-status=awaiting_decision]');
  });

  it('a ≥ CNY 1 bn go needs a second manager; the officer records the signing', async () => {
    const m = people.find((p) => p.email === MANAGER)!;
    await m.page.goto(`${stack.baseUrl}/app/projects/${projectId}/report`);
    await m.page.waitForSelector('[data-testid=decide-panel]');
    await m.page.getByTestId('decide-go').click();
    await m.page.getByTestId('decision-rationale').fill('三方评审一致，产能规划已补充。');
    await m.page.getByTestId('confirm-decision').click();
    await waitForStatus('awaiting_second_approval');
    await m.page.waitForSelector('[data-testid=approval-state]');

    const m2 = await person(MANAGER_2, 'en');
    await m2.page.goto(`${stack.baseUrl}/app/decisions`);
    await m2.page.waitForSelector(`[data-testid=decision-row][data-project-id="${projectId}"]`);
    await check(m2.page, 'manager-decisions-en');
    await m2.page.locator(`[data-testid=decision-row][data-project-id="${projectId}"] a`).first().click();
    await m2.page.waitForSelector('[data-testid=decide-panel]');
    await check(m2.page, 'manager-report-en');
    await m2.page.getByTestId('decide-go').click();
    await m2.page.getByTestId('decision-rationale').fill('Second approval: agreed.');
    await m2.page.getByTestId('confirm-decision').click();
    await waitForStatus('approved');

    const officer = people.find((p) => p.email === OFFICER)!;
    await officer.page.goto(`${stack.baseUrl}/app/projects/${projectId}`);
    await officer.page.waitForSelector('[data-testid=signing-form]');
    // The form takes minutes; the signing may not be before the approval: the first whole minute
    // after it, written in the officer's time zone (the browser's: Asia/Shanghai).
    const approvedAt = Math.max(...(await http.as(ADMIN, 'GET', `/projects/${projectId}`)).body.decisions.map((d: { decidedAt: string }) => Date.parse(d.decidedAt)));
    const minute = Math.ceil(approvedAt / 60_000) * 60_000;
    while (Date.now() < minute + 500) await new Promise((r) => setTimeout(r, 250));
    const signed = new Date(minute + 8 * 3_600_000).toISOString().slice(0, 16);
    await officer.page.getByTestId('signing-date').fill(signed);
    await officer.page.getByTestId('signing-amount').fill('120000');
    await check(officer.page, 'officer-signing-zh-CN');
    await officer.page.getByTestId('record-signing').click();
    await waitForStatus('signed');
    const signing = (await http.as(ADMIN, 'GET', `/projects/${projectId}`)).body.signing;
    expect(signing.agreedInvestment).toEqual({ amount: 1_200_000_000, currency: 'CNY' });
    // The VC replacement's endorsement was typed as 2000 万元.
    const report = (await http.as(ADMIN, 'GET', `/projects/${projectId}/report`)).body;
    expect(JSON.stringify(report)).toContain('20000000');
    await officer.page.waitForSelector('[data-testid=project-status][data-status=signed]');
  });

  it('every e-mail of the story arrived, in its reader\'s language, with a link that opens its page', async () => {
    if (!info.mailpitUrl) return process.stderr.write('[browser] Mailpit could not be built here: the e-mail checks are skipped\n') as unknown as void;
    const mails = await eventually('the story\'s e-mails', async () => {
      const found = await caughtMails(info.mailpitUrl!, company);
      // assignments (5), decision needed, information request, answered, second approval, outcome
      return found.length >= 9 ? found : undefined;
    }, 30_000);
    const opened: string[] = [];
    for (const mail of mails) {
      const to = mail.To[0]!.Address;
      const text = await mailText(info.mailpitUrl!, mail.ID);
      const link = /(https?:\/\/\S+\/app\/\S*)/.exec(text)?.[1];
      expect(link).toBeDefined();
      expect(link!.startsWith(`${stack.baseUrl}/app/`)).toBe(true);
      let p = people.find((x) => x.email === to);
      p ??= await person(to, 'zh-CN');
      await p.page.goto(link!);
      await settled(p.page);
      expect(p.page.url()).not.toMatch(/\/signin/);
      expect(await p.page.getByText(/未找到|Not found/).count()).toBe(0);
      opened.push(`${to} ${mail.Subject}`);
    }
    expect(new Set(mails.map((m) => m.To[0]!.Address)).size).toBeGreaterThanOrEqual(6);
    process.stderr.write(`[browser] opened ${opened.length} e-mail links\n`);
  });

  it('each role\'s main page in both languages: screenshots, axe-core, no missing key', async () => {
    const homes: Array<[string, string, string]> = [
      ['officer', OFFICER, '/app/projects'],
      ['manager', MANAGER, '/app/dashboard'],
      ['admin', ADMIN, '/app/admin/users'],
      ['admin-policy', ADMIN, '/app/admin/policy'],
      ['notifications', OFFICER, '/app/notifications'],
    ];
    for (const locale of ['zh-CN', 'en'] as const) {
      for (const [name, email, path] of homes) {
        const p = await person(email, locale);
        await p.page.goto(`${stack.baseUrl}${path}`);
        await p.page.waitForSelector('main h1');
        await check(p.page, `${name}-${locale}`);
        if (locale === 'zh-CN') expect(await p.page.locator('html').getAttribute('lang')).toBe('zh-CN');
      }
    }
    expect(problems).toEqual([]);
  });
});

/** The page has drawn its data: no loading skeleton left, and a moment for the last paint. */
async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  await page.waitForFunction(() => (globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }).document.querySelectorAll('.ant-skeleton').length === 0);
  await page.waitForTimeout(300);
}

/** An antd Select: open it by its test id and pick the option with this text. */
async function chooseOption(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-item-option').filter({ hasText: text }).first().click();
}

/** Presses Tab until the focused element is inside `selector` (at most 60 times). */
async function tabTo(page: Page, selector: string): Promise<void> {
  for (let i = 0; i < 60; i++) {
    if (await page.evaluate((s) => !!(globalThis as unknown as { document: { activeElement: { closest(s: string): unknown } | null } }).document.activeElement?.closest(s), selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

/**
 * The rest of the rubric with the keyboard alone: Tab into each criterion's radio group, arrows to
 * choose, Tab to the recommendation, type the comments, Enter on submit.
 */
async function completeRubricByKeyboard(page: Page): Promise<void> {
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  const groups = await page.locator('[data-testid^=score-]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!));
  for (const group of groups) {
    await tabTo(page, `[data-testid="${group}"]`);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
  }
  await tabTo(page, '[data-testid=recommendation]');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowLeft');
  await tabTo(page, '[data-testid=comments]');
  await page.keyboard.type('Reviewed with the keyboard alone.');
  await tabTo(page, '[data-testid=submit-review]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid=submitted-review]');
}

async function submitReviewByMouse(page: Page, options: { coInvest?: boolean } = {}): Promise<void> {
  await page.waitForSelector('[data-testid=rubric]');
  const groups = page.locator('[data-testid^=score-]');
  for (let i = 0; i < (await groups.count()); i++) await groups.nth(i).getByRole('radio').nth(3).check();
  await page.getByTestId('recommendation').getByRole('radio').first().check();
  await page.getByTestId('comments').fill('技术路线清晰，团队稳定。');
  if (options.coInvest) {
    await page.getByTestId('coinvestment-willing').click();
    await page.getByTestId('coinvestment-amount').fill('2000');
  }
  await page.getByTestId('submit-review').click();
  await page.waitForSelector('[data-testid=submitted-review]');
}
