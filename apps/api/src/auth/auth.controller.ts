import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiRoute } from '../openapi/api-route.decorator';
import { Session } from '../openapi/schemas';
import { AuthService } from './auth.service';
import { Public } from './decorators';
import { LoginRequest } from '@dueflow/contract';
import { body } from '../common/validation';
import type { LoginDto } from './login.dto';

@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @ApiRoute({
    summary: 'Sign in',
    description: 'Returns a bearer token for the other endpoints.',
    response: Session,
    errors: { 401: 'Wrong email or password.', 429: 'Five failed logins for this address and email within 15 minutes.' },
  })
  @Public()
  @Post('login')
  @HttpCode(200)
  login(@Body(body(LoginRequest)) body: LoginDto, @Ip() ip: string) {
    return this.auth.login(body.email, body.password, ip);
  }
}
