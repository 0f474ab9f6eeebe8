import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { UserStore, verifyPassword } from '@dueflow/persistence';
import { DomainError } from '@dueflow/domain';
import { API_CONFIG, ApiConfig } from '../config';
import { LoginThrottle } from './login-throttle';

/** A well-formed hash to compare against when the email is unknown, so timing doesn't reveal it. */
const DUMMY_HASH = '$2b$10$H3.PTfCY65uIrRnzmkIfRegAvykm4h/8QNuSM6j59Dw7kGvSQbmVS';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UserStore,
    private readonly jwt: JwtService,
    private readonly throttle: LoginThrottle,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async login(email: string, password: string, ip: string) {
    this.throttle.check(ip, email);
    const user = await this.users.findByEmail(email);
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok) {
      this.throttle.recordFailure(ip, email);
      throw new DomainError('UNAUTHENTICATED', 'wrong email or password');
    }
    this.throttle.recordSuccess(ip, email);
    const accessToken = await this.jwt.signAsync(
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
}
