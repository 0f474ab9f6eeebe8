import { Body, Controller, Get, Patch } from '@nestjs/common';
import { DomainError } from '@dueflow/domain';
import { UserEntity, UserStore } from '@dueflow/persistence';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/decorators';
import { UserCache } from '../auth/user-cache';
import { ApiRoute } from '../openapi/api-route.decorator';
import { Me } from '../openapi/schemas';
import { requireSomeField } from '../users/at-least-one';
import { presentReviewerProfile } from '../users/user.presenter';
import { UpdateMeRequest } from '@dueflow/contract';
import { body } from '../common/validation';
import type { UpdateMeDto } from './me.dto';

function presentMe(user: UserEntity) {
  return { id: user.id, email: user.email, name: user.name, roles: user.roles, reviewer: presentReviewerProfile(user), locale: user.locale };
}

/** The signed-in user's own account. */
@Controller('me')
export class MeController {
  constructor(
    private readonly users: UserStore,
    private readonly cache: UserCache,
  ) {}

  @ApiRoute({ summary: 'The caller\'s account', description: 'Roles as they are now, the reviewer profile, and the console language.', response: Me })
  @Get()
  async get(@CurrentUser() caller: AuthUser) {
    return presentMe(await this.own(caller.id));
  }

  @ApiRoute({ summary: 'Change the caller\'s name or console language', response: Me, errors: { 400: 'Neither `name` nor `locale` given.' } })
  @Patch()
  async update(@CurrentUser() caller: AuthUser, @Body(body(UpdateMeRequest)) body: UpdateMeDto) {
    requireSomeField(body, ['name', 'locale']);
    const user = await this.cache.propagate(caller.id, () => this.users.updateOwnSettings(caller.id, { name: body.name, locale: body.locale }), (result) => result !== null);
    if (!user) throw new DomainError('UNAUTHENTICATED', 'the bearer token names no user');
    return presentMe(user);
  }

  private async own(id: string): Promise<UserEntity> {
    const user = await this.users.findById(id);
    if (!user) throw new DomainError('UNAUTHENTICATED', 'the bearer token names no user');
    return user;
  }
}
