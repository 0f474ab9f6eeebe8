import { allowedMethods, patternToRegExp } from './routes';

describe('patternToRegExp', () => {
  it('matches a parameter within one segment only', () => {
    const pattern = patternToRegExp('/projects/:id/timeline');
    expect(pattern.test('/projects/0b7e/timeline')).toBe(true);
    expect(pattern.test('/projects/a/b/timeline')).toBe(false);
    expect(pattern.test('/projects//timeline')).toBe(false);
    expect(pattern.test('/projects/0b7e/timeline/')).toBe(false);
  });

  it('treats literal text literally and a wildcard as the rest of the path', () => {
    expect(patternToRegExp('/docs/swagger-ui-init.js').test('/docs/swagger-ui-initXjs')).toBe(false);
    const wildcard = patternToRegExp('/docs/*');
    expect(wildcard.test('/docs/swagger-ui.css')).toBe(true);
    expect(wildcard.test('/docs/a/b')).toBe(true);
    expect(wildcard.test('/docs-json')).toBe(false);
  });

  it('honours a parameter constraint and several parameters in a segment', () => {
    expect(patternToRegExp('/n/:n(^\\d+)').test('/n/12')).toBe(true);
    expect(patternToRegExp('/n/:n(\\d+)').test('/n/ab')).toBe(false);
    expect(patternToRegExp('/range/:from-:to').test('/range/1-2')).toBe(true);
  });
});

describe('allowedMethods', () => {
  const routes = [
    { method: 'GET', url: '/projects' },
    { method: 'POST', url: '/projects' },
    { method: 'GET', url: '/projects/:id' },
    { method: 'POST', url: '/auth/login' },
    { method: 'PATCH', url: '/users/:id' },
    { method: 'DELETE', url: '/users/:id' },
  ];

  it('lists every method of the path in a stable order, HEAD with GET', () => {
    expect(allowedMethods(routes, '/projects')).toEqual(['GET', 'HEAD', 'POST']);
    expect(allowedMethods(routes, '/auth/login')).toEqual(['POST']);
    expect(allowedMethods(routes, '/users/7')).toEqual(['PATCH', 'DELETE']);
    expect(allowedMethods(routes, '/projects/7')).toEqual(['GET', 'HEAD']);
  });

  it('is empty for a path no route takes', () => {
    expect(allowedMethods(routes, '/nope')).toEqual([]);
    expect(allowedMethods(routes, '/projects/7/nope')).toEqual([]);
  });
});
