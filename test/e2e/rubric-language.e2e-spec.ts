import { ADMIN, OFFICER, projectBody } from '../support/factories';
import { Http, RunningDueflow, eventually, startDueflow } from '../support/harness';

/**
 * Words the server makes come in the reader's language: a task's rubric (criterion, what it asks,
 * what each score means) follows the account's `locale`, and changes with it at once.
 */
describe('the rubric in the reader\'s language', () => {
  let stack: RunningDueflow;
  let http: Http;
  let reviewer = '';

  beforeAll(async () => {
    stack = await startDueflow();
    http = new Http(stack.baseUrl);
  });
  afterAll(async () => {
    if (reviewer) await http.as(reviewer, 'PATCH', '/me', { body: { locale: 'zh-CN' } });
    await stack?.stop();
  });

  it('gives each criterion its label, question and five score meanings in zh-CN, then in en', async () => {
    const project = (await http.as(OFFICER, 'POST', '/projects', { body: projectBody() })).body;
    const task = await eventually('an expert task', async () => {
      const items = (await http.as(ADMIN, 'GET', `/tasks?projectId=${project.id}&track=expert`)).body.items;
      return items[0];
    });
    const users = (await http.as(ADMIN, 'GET', '/users?role=reviewer')).body.items as Array<{ id: string; email: string }>;
    reviewer = users.find((u) => u.id === task.assignee.id)!.email;

    await http.as(reviewer, 'PATCH', '/me', { body: { locale: 'zh-CN' } });
    const zh = (await http.as(reviewer, 'GET', `/tasks/${task.id}`)).body.rubric;
    expect(zh.criteria.map((c: { key: string }) => c.key)).toEqual(['technology', 'market', 'industry_chain_fit', 'team', 'feasibility']);
    expect(zh.criteria[0].label).toBe('技术成熟度与差异化');
    for (const c of zh.criteria) {
      expect(c.description).toMatch(/[\u4e00-\u9fff]/);
      expect(c.levels.map((l: { score: number }) => l.score)).toEqual([1, 2, 3, 4, 5]);
    }

    await http.as(reviewer, 'PATCH', '/me', { body: { locale: 'en' } });
    const en = (await http.as(reviewer, 'GET', `/tasks/${task.id}`)).body.rubric;
    expect(en.criteria[0].label).toBe('Technology maturity and differentiation');
    expect(en.criteria[0].levels[4].meaning).toBe('Excellent, leading its industry');
    expect(en.criteria.map((c: { weight: number }) => c.weight)).toEqual(zh.criteria.map((c: { weight: number }) => c.weight));
  });
});
