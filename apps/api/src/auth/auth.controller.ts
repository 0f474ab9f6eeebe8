import { Body, Controller, HttpCode, Ip, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthUser } from './auth-user';
import { ApiRoute } from '../openapi/api-route.decorator';
import { LoggedOut, PasswordChanged, Session } from '../openapi/schemas';
import { AuthService } from './auth.service';
import { ChangePasswordRequest, LoginRequest } from '@dueflow/contract';
import { body } from '../common/validation';
import { CurrentUser, Public } from './decorators';
import { LoginRateLimited } from './login-throttle';
import type { LoginDto } from './login.dto';
import type { ChangePasswordDto } from './password.dto';
import { clearedSessionCookie, sessionCookie } from './session-cookie';

const THROTTLED = 'Too many failed sign-ins: 5 for this account, or 50 from this address, within 15 minutes. `Retry-After` says when to try again.';

@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @ApiRoute({
    summary: 'Sign in',
    description:
      'Returns a bearer token for the other endpoints, and sets the same token as the browser session cookie `dueflow_session` ' +
      '(HttpOnly, SameSite=Strict, Path=/, Secure over HTTPS; it expires with the token). A request signed in by the cookie alone ' +
      'that changes something (POST, PUT, PATCH, DELETE) must carry `X-Requested-With: dueflow`, or gets 403.',
    response: Session,
    errors: { 401: 'Wrong email or password, or a deactivated account.', 429: THROTTLED },
  })
  @Public()
  @Post('login')
  @HttpCode(200)
  async login(@Body(body(LoginRequest)) body: LoginDto, @Ip() ip: string, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const session = await withRetryAfter(reply, this.auth.login(body.email, body.password, ip));
    void reply.header('set-cookie', sessionCookie(request, session.accessToken, session.expiresIn));
    return session;
  }

  @ApiRoute({
    summary: 'Sign out of the browser session',
    description: 'Clears the session cookie. Needs no token and may be repeated; a bearer token stays valid until it expires.',
    response: LoggedOut,
  })
  @Public()
  @Post('logout')
  @HttpCode(200)
  logout(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    void reply.header('set-cookie', clearedSessionCookie(request));
    return { loggedOut: true as const };
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
