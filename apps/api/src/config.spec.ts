import { loadApiConfig } from './config';

const base = { DATABASE_URL: 'postgres://u@127.0.0.1:5432/d', JWT_SECRET: 'x'.repeat(32) };

describe('TRUST_PROXY', () => {
  it('believes no forwarded address unless told whose to believe', () => {
    expect(loadApiConfig(base).TRUST_PROXY).toBe(false);
    expect(loadApiConfig({ ...base, TRUST_PROXY: '' }).TRUST_PROXY).toBe(false);
    expect(loadApiConfig({ ...base, TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(true);
    expect(loadApiConfig({ ...base, TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(loadApiConfig({ ...base, TRUST_PROXY: '10.0.0.5, 10.0.1.0/24,::1' }).TRUST_PROXY).toEqual(['10.0.0.5', '10.0.1.0/24', '::1']);
  });

  it('stops the API at boot on a value it cannot read, naming the variable', () => {
    expect(() => loadApiConfig({ ...base, TRUST_PROXY: 'the load balancer' })).toThrow(/TRUST_PROXY/);
  });
});
