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
      useFactory: (config: ApiConfig) => ({ secret: config.JWT_SECRET, signOptions: { issuer: 'dueflow' }, verifyOptions: { issuer: 'dueflow' } }),
      inject: [API_CONFIG],
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, { provide: LoginThrottle, useFactory: () => new LoginThrottle() }, { provide: APP_GUARD, useClass: AuthGuard }],
})
export class AuthModule {}
