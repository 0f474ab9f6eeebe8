import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { UserStore, hashPassword, needsRehash, verifyPassword } from '@dueflow/persistence';
import { DomainError } from '@dueflow/domain';
import { API_CONFIG, ApiConfig } from '../config';
import type { AuthUser } from './auth-user';
import { LoginThrottle } from './login-throttle';
import { UserCache } from './user-cache';

@Injectable()
export class AuthService {
  private readonly logger = new Logger('AuthService');
  /** A hash to check against when the email is unknown, so the time taken doesn't reveal it. */
  private dummyHash: Promise<string> | null = null;

  constructor(
    private readonly users: UserStore,
    private readonly jwt: JwtService,
    private readonly throttle: LoginThrottle,
    private readonly cache: UserCache,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async login(email: string, password: string, address: string) {
    const attempt = await this.throttle.begin(email, address);
    const user = await this.users.findByEmail(email);
    const ok = await verifyPassword(password, user?.passwordHash ?? (await this.dummy()));
    if (!user || !ok) {
      await attempt.failed();
      throw new DomainError('UNAUTHENTICATED', 'wrong email or password');
    }
    await attempt.succeeded();
    // Only someone who knows the password learns that the account is deactivated.
    if (user.deactivatedAt) throw new DomainError('UNAUTHENTICATED', 'this account has been deactivated');
    if (needsRehash(user.passwordHash)) await this.rehash(user.id, password, user.passwordHash);
    const accessToken = await this.jwt.signAsync(
      // Roles, email and name are for the client's display only: the API reads them from the database on each request.
      { sub: user.id, email: user.email, name: user.name, roles: user.roles },
      { expiresIn: this.config.JWT_EXPIRES_IN_SECONDS },
    );
    return {
      accessToken,
      tokenType: 'Bearer' as const,
      expiresIn: this.config.JWT_EXPIRES_IN_SECONDS,
      user: { id: user.id, email: user.email, name: user.name, roles: user.roles },
    };
  }

  /** The caller proves their current password (counted like a sign-in) and sets a new one. */
  async changePassword(caller: AuthUser, currentPassword: string, newPassword: string, address: string) {
    const attempt = await this.throttle.begin(caller.email, address);
    const user = await this.users.findById(caller.id);
    if (!user) throw new DomainError('UNAUTHENTICATED', 'the bearer token names no user');
    if (!(await verifyPassword(currentPassword, user.passwordHash))) {
      await attempt.failed();
      throw new DomainError('VALIDATION_FAILED', 'the current password is wrong', [{ field: 'currentPassword', problem: 'is not the current password' }]);
    }
    await attempt.succeeded();
    const passwordHash = await hashPassword(newPassword);
    await this.cache.propagate(user.id, () => this.users.setPasswordHash(user.id, passwordHash));
    return { changedAt: new Date().toISOString() };
  }

  /** Replaces a bcrypt (or outdated argon2) hash with today's, unless the password changed meanwhile. */
  private async rehash(userId: string, password: string, stored: string): Promise<void> {
    try {
      await this.users.setPasswordHash(userId, await hashPassword(password), stored);
    } catch (error) {
      // The sign-in stands; the next one tries again.
      this.logger.warn(`rehashing the password of user ${userId} failed: ${String(error)}`);
    }
  }

  private dummy(): Promise<string> {
    this.dummyHash ??= hashPassword(randomUUID());
    return this.dummyHash;
  }
}
