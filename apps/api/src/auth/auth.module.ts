import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { API_CONFIG, ApiConfig } from '../config';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { LoginThrottle } from './login-throttle';

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
  providers: [AuthService, { provide: LoginThrottle, useFactory: () => new LoginThrottle() }, { provide: APP_GUARD, useClass: AuthGuard }],
})
export class AuthModule {}
