import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { uuid } from '@dueflow/contract';
import { DomainError, Role } from '@dueflow/domain';
import type { AuthUser } from './auth-user';
import { AuthenticatedRequest, PUBLIC_ROUTE, REQUIRED_ROLES } from './decorators';
import { UserCache } from './user-cache';
import { TokenSubject, VerifiedTokens } from './verified-tokens';

const USER_ID = uuid();

/**
 * Global: every route needs a valid bearer token unless marked @Public, and the roles it names.
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
    request.user = await this.authenticate(request.headers.authorization);
    const required = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (required && !required.some((role) => request.user!.roles.includes(role))) {
      throw new DomainError('FORBIDDEN', `this action needs one of the roles: ${required.join(', ')}`);
    }
    return true;
  }

  private async authenticate(header: string | undefined): Promise<AuthUser> {
    const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(header ?? '');
    if (!match) throw new DomainError('UNAUTHENTICATED', 'a bearer token is required (POST /auth/login)');
    const token = match[1]!;
    const subject = this.verified.get(token) ?? (await this.verify(token));
    const identity = await this.users.get(subject.sub);
    if (!identity) throw new DomainError('UNAUTHENTICATED', 'the bearer token names no user');
    if (!identity.active) throw new DomainError('UNAUTHENTICATED', 'this account has been deactivated');
    return { id: identity.id, email: identity.email, name: identity.name, roles: identity.roles };
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
