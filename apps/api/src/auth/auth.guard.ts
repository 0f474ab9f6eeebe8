import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { uuid } from '@dueflow/contract';
import { DomainError, Role } from '@dueflow/domain';
import type { AuthUser } from './auth-user';
import { AuthenticatedRequest, PUBLIC_ROUTE, REQUIRED_ROLES } from './decorators';
import { CSRF_HEADER_VALUE, SESSION_COOKIE, hasCsrfProof, needsCsrfProof, readCookie } from './session-cookie';
import { UserCache } from './user-cache';
import { TokenSubject, VerifiedTokens } from './verified-tokens';

const USER_ID = uuid();
const TOKEN = /^[A-Za-z0-9._~+/-]+=*$/;

/**
 * Global: every route needs a valid bearer token or session cookie unless marked @Public, and the
 * roles it names. The Bearer header wins when both come. A browser sends the cookie on its own, so a
 * state-changing request authenticated by the cookie alone must also carry `X-Requested-With:
 * dueflow`, a header no foreign page can add without a CORS preflight (which the API never grants).
 * The token says only who the caller is, and until when; their roles, and whether they may still
 * sign in at all, are the user's as stored now (read through UserCache).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly verified = new VerifiedTokens();

  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly users: UserCache,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    request.user = await this.authenticate(request);
    const required = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (required && !required.some((role) => request.user!.roles.includes(role))) {
      throw new DomainError('FORBIDDEN', `this action needs one of the roles: ${required.join(', ')}`);
    }
    return true;
  }

  private async authenticate(request: AuthenticatedRequest): Promise<AuthUser> {
    const header = request.headers.authorization;
    const cookie = header === undefined ? readCookie(request.headers.cookie, SESSION_COOKIE) : undefined;
    if (cookie === undefined) return this.identify(/^Bearer (\S+)$/.exec(header ?? '')?.[1]);
    const user = await this.identify(cookie);
    if (needsCsrfProof(request.method) && !hasCsrfProof(request.headers)) {
      throw new DomainError('FORBIDDEN', `a request that changes something and is signed in by the session cookie must carry the header X-Requested-With: ${CSRF_HEADER_VALUE}`);
    }
    return user;
  }

  private async identify(token: string | undefined): Promise<AuthUser> {
    if (token === undefined || !TOKEN.test(token)) throw new DomainError('UNAUTHENTICATED', 'a bearer token or session cookie is required (POST /auth/login)');
    const subject = this.verified.get(token) ?? (await this.verify(token));
    const identity = await this.users.get(subject.sub);
    if (!identity) throw new DomainError('UNAUTHENTICATED', 'the bearer token names no user');
    if (!identity.active) throw new DomainError('UNAUTHENTICATED', 'this account has been deactivated');
    return { id: identity.id, email: identity.email, name: identity.name, roles: identity.roles, locale: identity.locale };
  }

  private async verify(token: string): Promise<TokenSubject> {
    let claims: { sub?: unknown; exp?: unknown };
    try {
      claims = await this.jwt.verifyAsync<{ sub?: unknown; exp?: unknown }>(token);
    } catch {
      throw new DomainError('UNAUTHENTICATED', 'the bearer token is invalid or expired');
    }
    // A token without `exp` would never expire; without a user id (a UUID) it names nobody.
    if (typeof claims.exp !== 'number' || !Number.isFinite(claims.exp)) throw new DomainError('UNAUTHENTICATED', 'the bearer token has no expiry');
    if (typeof claims.sub !== 'string' || !USER_ID.safeParse(claims.sub).success) throw new DomainError('UNAUTHENTICATED', 'the bearer token names no user');
    const subject = { sub: claims.sub.toLowerCase(), exp: claims.exp };
    this.verified.remember(token, subject);
    return subject;
  }
}
