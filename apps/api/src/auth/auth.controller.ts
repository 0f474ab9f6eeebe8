import { Body, Controller, HttpCode, Ip, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { AuthUser } from './auth-user';
import { ApiRoute } from '../openapi/api-route.decorator';
import { PasswordChanged, Session } from '../openapi/schemas';
import { AuthService } from './auth.service';
import { ChangePasswordRequest, LoginRequest } from '@dueflow/contract';
import { body } from '../common/validation';
import { CurrentUser, Public } from './decorators';
import { LoginRateLimited } from './login-throttle';
import type { LoginDto } from './login.dto';
import type { ChangePasswordDto } from './password.dto';

const THROTTLED = 'Too many failed sign-ins: 5 for this account, or 50 from this address, within 15 minutes. `Retry-After` says when to try again.';

@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @ApiRoute({
    summary: 'Sign in',
    description: 'Returns a bearer token for the other endpoints.',
    response: Session,
    errors: { 401: 'Wrong email or password, or a deactivated account.', 429: THROTTLED },
  })
  @Public()
  @Post('login')
  @HttpCode(200)
  login(@Body(body(LoginRequest)) body: LoginDto, @Ip() ip: string, @Res({ passthrough: true }) reply: FastifyReply) {
    return withRetryAfter(reply, this.auth.login(body.email, body.password, ip));
  }

  @ApiRoute({
    summary: 'Change the caller\'s password',
    description: 'Needs the current password; a wrong one counts as a failed sign-in. Tokens already issued stay valid until they expire.',
    response: PasswordChanged,
    errors: { 400: 'The current password is wrong (`currentPassword`), or the new one is shorter than 10 characters.', 429: THROTTLED },
  })
  @Post('password')
  @HttpCode(200)
  changePassword(@CurrentUser() caller: AuthUser, @Body(body(ChangePasswordRequest)) body: ChangePasswordDto, @Ip() ip: string, @Res({ passthrough: true }) reply: FastifyReply) {
    return withRetryAfter(reply, this.auth.changePassword(caller, body.currentPassword, body.newPassword, ip));
  }
}

/** A throttled attempt says when to try again; the exception filter writes the 429's body. */
async function withRetryAfter<T>(reply: FastifyReply, answer: Promise<T>): Promise<T> {
  try {
    return await answer;
  } catch (error) {
    if (error instanceof LoginRateLimited) void reply.header('retry-after', String(error.retryAfterSeconds));
    throw error;
  }
}
