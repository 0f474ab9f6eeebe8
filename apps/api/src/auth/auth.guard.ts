import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { DomainError, ROLES, Role } from '@dueflow/domain';
import type { AuthUser } from './auth-user';
import { AuthenticatedRequest, PUBLIC_ROUTE, REQUIRED_ROLES } from './decorators';
import { VerifiedTokens } from './verified-tokens';

interface TokenClaims {
  sub: string;
  email: string;
  name: string;
  roles: Role[];
  exp?: number;
}

/** Global: every route needs a valid bearer token unless marked @Public, and the roles it names. */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly verified = new VerifiedTokens();

  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
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
    const known = this.verified.get(token);
    if (known) return known;
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      throw new DomainError('UNAUTHENTICATED', 'the bearer token is invalid or expired');
    }
    const roles = Array.isArray(claims.roles) ? claims.roles.filter((r): r is Role => ROLES.includes(r)) : [];
    // Shared by every request that carries this token: frozen, so no handler can change it for the others.
    const user: AuthUser = Object.freeze({ id: claims.sub, email: claims.email, name: claims.name, roles: Object.freeze(roles) as Role[] });
    this.verified.remember(token, user, claims.exp);
    return user;
  }
}
