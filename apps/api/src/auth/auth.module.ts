import { createSecretKey } from 'node:crypto';
import { BeforeApplicationShutdown, Inject, Logger, Module, OnModuleInit } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { LoginAttemptStore, UserChangeListener, UserStore } from '@dueflow/persistence';
import { API_CONFIG, ApiConfig } from '../config';
import { DATA_SOURCE } from '../infrastructure/tokens';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { LoginThrottle } from './login-throttle';
import { UserCache } from './user-cache';

@Module({
  imports: [
    JwtModule.registerAsync({
      // A KeyObject, made once: given the secret as a string, jsonwebtoken re-derives the key on every
      // verify (after first trying it as a public key), the largest single cost in the API's profiles.
      useFactory: (config: ApiConfig) => ({
        secret: createSecretKey(Buffer.from(config.JWT_SECRET, 'utf8')),
        signOptions: { issuer: 'dueflow', algorithm: 'HS256' },
        verifyOptions: { issuer: 'dueflow', algorithms: ['HS256'] },
      }),
      inject: [API_CONFIG],
    }),
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    {
      provide: LoginThrottle,
      useFactory: (dataSource: DataSource) => new LoginThrottle(new LoginAttemptStore(dataSource)),
      inject: [DATA_SOURCE],
    },
    {
      provide: UserChangeListener,
      useFactory: (config: ApiConfig) => {
        const logger = new Logger('UserChangeListener');
        return new UserChangeListener({
          connectionString: config.DATABASE_URL,
          applicationName: 'dueflow-api-users',
          onError: (error) => logger.warn(`user change notifications interrupted (users are read from the database until they are back): ${error.message}`),
        });
      },
      inject: [API_CONFIG],
    },
    {
      provide: UserCache,
      useFactory: (users: UserStore, changes: UserChangeListener) => {
        const logger = new Logger('UserCache');
        return new UserCache((id) => users.findIdentity(id), changes, { onReconnectError: (error) => logger.warn(`user change notifications still unavailable: ${error.message}`) });
      },
      inject: [UserStore, UserChangeListener],
    },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [UserCache],
})
export class AuthModule implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('AuthModule');

  constructor(
    private readonly changes: UserChangeListener,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /** Listens from the start; if PostgreSQL refuses now, users are read uncached until the first request re-opens it. */
  async onModuleInit(): Promise<void> {
    if (this.config.JWT_SECRET_FILE) this.logger.log(`tokens are signed with the secret in ${this.config.JWT_SECRET_FILE} (JWT_SECRET unset)`);
    await this.changes.listen().catch((error: unknown) => this.logger.warn(`user change notifications unavailable at start: ${String(error)}`));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.changes.close();
  }
}
