import { MAX_WAIT_SECONDS, noneMatchHolds, parseIfNoneMatch, preferredWait, weakETag } from './conditional';

describe('If-None-Match', () => {
  it('reads the opaque part of every listed tag, weak or strong', () => {
    expect(parseIfNoneMatch('W/"7"')).toEqual(['"7"']);
    expect(parseIfNoneMatch('"a", W/"7" ,"b"')).toEqual(['"a"', '"7"', '"b"']);
    expect(parseIfNoneMatch(' * ')).toBe('*');
  });

  it('treats an absent or tagless header as no condition', () => {
    expect(parseIfNoneMatch(undefined)).toBeNull();
    expect(parseIfNoneMatch('7')).toBeNull();
    expect(parseIfNoneMatch('')).toBeNull();
  });

  it('compares weakly: W/"7" and "7" match the current W/"7", nothing else does', () => {
    expect(noneMatchHolds(['"7"'], weakETag(7))).toBe(true);
    expect(noneMatchHolds(['"8"', '"70"'], weakETag(7))).toBe(false);
    expect(noneMatchHolds('*', weakETag(7))).toBe(true);
    expect(noneMatchHolds(['"7"'], '"7"')).toBe(true);
  });
});

describe('Prefer: wait', () => {
  it('reads wait among other preferences and in repeated headers', () => {
    expect(preferredWait('wait=10')).toBe(10);
    expect(preferredWait('respond-async, wait=5')).toBe(5);
    expect(preferredWait('return=minimal; foo="bar", WAIT = "3"')).toBe(3);
    expect(preferredWait(['handling=lenient', 'wait=2'])).toBe(2);
  });

  it('caps the wait', () => {
    expect(preferredWait('wait=100000')).toBe(MAX_WAIT_SECONDS);
  });

  it('ignores absent and malformed preferences', () => {
    expect(preferredWait(undefined)).toBe(0);
    expect(preferredWait('wait=soon')).toBe(0);
    expect(preferredWait('wait=-1')).toBe(0);
    expect(preferredWait('waiting=3')).toBe(0);
    expect(preferredWait('wait=1.5')).toBe(0);
  });
});
