import { MAX_WAIT_SECONDS, noneMatchHolds, parseIfNoneMatch, preferredWait, representationTag } from './conditional';

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
    expect(noneMatchHolds(['"7"'], 'W/"7"')).toBe(true);
    expect(noneMatchHolds(['"8"', '"70"'], 'W/"7"')).toBe(false);
    expect(noneMatchHolds('*', 'W/"7"')).toBe(true);
    expect(noneMatchHolds(['"7"'], '"7"')).toBe(true);
  });
});

describe('representationTag', () => {
  it('is the same for the same body and differs for any change in it', () => {
    const body = { id: 'p', status: 'in_review', tracks: { vc: { reviews: [] as string[] } } };
    const tag = representationTag(body);
    expect(tag).toMatch(/^W\/"[A-Za-z0-9_-]{27}"$/);
    expect(representationTag(structuredClone(body))).toBe(tag);
    expect(representationTag({ ...body, status: 'synthesis' })).not.toBe(tag);
    expect(representationTag({ ...body, tracks: { vc: { reviews: ['r'] } } })).not.toBe(tag);
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
