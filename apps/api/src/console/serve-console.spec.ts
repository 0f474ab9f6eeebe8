import { acceptsEncoding } from './serve-console';

describe('acceptsEncoding', () => {
  it.each([
    ['br, gzip', 'br', true],
    ['gzip, deflate, br', 'br', true],
    ['gzip;q=1.0, br;q=0', 'br', false],
    ['gzip;q=0.5', 'gzip', true],
    ['identity', 'gzip', false],
    ['', 'br', false],
    ['BR', 'br', true],
    ['brotli', 'br', false],
  ])('%j takes %s: %s', (header, name, expected) => {
    expect(acceptsEncoding(header, name)).toBe(expected);
  });
});
