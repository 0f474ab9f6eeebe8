import { API_POLICY, DOCS_POLICY, PathPolicy, pathOf, policyFor } from './security-headers';

describe('policyFor', () => {
  it('gives JSON routes the strict policy, and no-store', () => {
    for (const path of ['/projects', '/health/ready', '/metrics', '/docs-json', '/', '/docsx']) expect(policyFor(path)).toBe(API_POLICY);
    expect(API_POLICY.contentSecurityPolicy).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(API_POLICY.cacheControl).toBe('no-store');
  });

  it('gives Swagger UI its own policy, for the page and everything under it', () => {
    for (const path of ['/docs', '/docs/', '/docs/swagger-ui-bundle.js']) expect(policyFor(path)).toBe(DOCS_POLICY);
    expect(DOCS_POLICY.contentSecurityPolicy).toContain("script-src 'self'");
    expect(DOCS_POLICY.contentSecurityPolicy).toContain("frame-ancestors 'none'");
    expect(DOCS_POLICY.contentSecurityPolicy).not.toContain('unsafe-eval');
  });

  it('takes the longest prefix that covers the path, whatever the order of the list', () => {
    const app: PathPolicy = { prefix: '/app', contentSecurityPolicy: "default-src 'self'", cacheControl: 'no-cache' };
    const assets: PathPolicy = { prefix: '/app/assets', contentSecurityPolicy: "default-src 'self'", cacheControl: 'public, max-age=31536000, immutable' };
    expect(policyFor('/app/assets/x.js', [assets, app, API_POLICY])).toBe(assets);
    expect(policyFor('/app/assets/x.js', [API_POLICY, app, assets])).toBe(assets);
    expect(policyFor('/app/inbox', [assets, app])).toBe(app);
    expect(policyFor('/apple', [assets, app])).toBe(API_POLICY);
  });
});

describe('pathOf', () => {
  it('drops the query string', () => {
    expect(pathOf('/projects?limit=5&x=?')).toBe('/projects');
    expect(pathOf('/docs')).toBe('/docs');
  });
});
