import type { FastifyRequest } from 'fastify';
import { clearedSessionCookie, hasCsrfProof, needsCsrfProof, readCookie, sessionCookie } from './session-cookie';

const over = (protocol: 'http' | 'https') => ({ protocol }) as FastifyRequest;

describe('readCookie', () => {
  it('finds the named cookie among others, with or without spaces and quotes', () => {
    expect(readCookie('a=1; dueflow_session=abc.def; b=2', 'dueflow_session')).toBe('abc.def');
    expect(readCookie('dueflow_session="abc"', 'dueflow_session')).toBe('abc');
    expect(readCookie('x_dueflow_session=abc', 'dueflow_session')).toBeUndefined();
  });

  it('treats a missing, empty or doubled cookie as absent', () => {
    expect(readCookie(undefined, 'dueflow_session')).toBeUndefined();
    expect(readCookie('dueflow_session=', 'dueflow_session')).toBeUndefined();
    expect(readCookie('dueflow_session=a; dueflow_session=b', 'dueflow_session')).toBeUndefined();
    expect(readCookie('garbage', 'dueflow_session')).toBeUndefined();
  });
});

describe('the session cookie', () => {
  it('is HttpOnly, SameSite=Strict, for the whole site, and Secure only over TLS', () => {
    expect(sessionCookie(over('http'), 't.o.k', 3600)).toBe('dueflow_session=t.o.k; Path=/; Max-Age=3600; HttpOnly; SameSite=Strict');
    expect(sessionCookie(over('https'), 't.o.k', 3600)).toMatch(/; Secure$/);
    expect(clearedSessionCookie(over('http'))).toMatch(/^dueflow_session=; Path=\/; Max-Age=0; /);
  });
});

describe('CSRF proof', () => {
  it('is needed for the methods that change things, and is X-Requested-With: dueflow', () => {
    expect(['POST', 'PUT', 'PATCH', 'DELETE'].every(needsCsrfProof)).toBe(true);
    expect(['GET', 'HEAD', 'OPTIONS'].some(needsCsrfProof)).toBe(false);
    expect(hasCsrfProof({ 'x-requested-with': 'dueflow' })).toBe(true);
    expect(hasCsrfProof({ 'x-requested-with': 'XMLHttpRequest' })).toBe(false);
    expect(hasCsrfProof({})).toBe(false);
  });
});
