import { MAX_JSON_DEPTH, nestsDeeperThan } from './json-body';

const nested = (depth: number, open = '{"a":', close = '}') => `${open.repeat(depth)}1${close.repeat(depth)}`;

describe('nestsDeeperThan', () => {
  it('accepts bodies up to the limit, objects and arrays alike', () => {
    expect(nestsDeeperThan(Buffer.from(nested(MAX_JSON_DEPTH)), MAX_JSON_DEPTH)).toBe(false);
    expect(nestsDeeperThan(Buffer.from(nested(MAX_JSON_DEPTH, '[', ']')), MAX_JSON_DEPTH)).toBe(false);
    expect(nestsDeeperThan(Buffer.from('{"a":[1,{"b":[]}],"c":{}}'), 4)).toBe(false);
    expect(nestsDeeperThan(Buffer.from('{"a":[1,{"b":[]}],"c":{}}'), 3)).toBe(true);
  });

  it('refuses one level more', () => {
    expect(nestsDeeperThan(Buffer.from(nested(MAX_JSON_DEPTH + 1)), MAX_JSON_DEPTH)).toBe(true);
    expect(nestsDeeperThan(Buffer.from('['.repeat(5000)), MAX_JSON_DEPTH)).toBe(true);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    const text = JSON.stringify({ note: `${'['.repeat(100)} "quoted" \\ ${'{'.repeat(100)}` });
    expect(nestsDeeperThan(Buffer.from(text), 2)).toBe(false);
  });

  it('counts depth, not the number of brackets', () => {
    expect(nestsDeeperThan(Buffer.from(`[${'[],'.repeat(1000)}[]]`), 2)).toBe(false);
  });
});
