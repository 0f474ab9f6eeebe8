import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { DomainError } from '@dueflow/domain';
import { UserEntity, UserStore, hashPassword } from '@dueflow/persistence';
import { AuthUser, hasRole } from '../auth/auth-user';
import { CurrentUser, Roles } from '../auth/decorators';
import { UuidPipe } from '../common/uuid.pipe';
import { ApiRoute } from '../openapi/api-route.decorator';
import { Conflict, User, UserList } from '../openapi/schemas';
import { ConflictRequest, CreateUserRequest, ListUsersQuery as ListUsersSchema } from '@dueflow/contract';
import { body, query } from '../common/validation';
import type { ConflictDto, CreateUserDto, ListUsersQuery } from './user.dto';

function presentUser(user: UserEntity) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    roles: user.roles,
    reviewer: user.reviewer
      ? { tracks: user.reviewer.tracks, sectors: user.reviewer.sectors, affiliation: user.reviewer.affiliation, maxOpenTasks: user.reviewer.maxOpenTasks }
      : undefined,
    createdAt: user.createdAt.toISOString(),
  };
}

@Controller('users')
export class UsersController {
  constructor(private readonly users: UserStore) {}

  @ApiRoute({
    summary: 'Create a user',
    response: User,
    status: { 201: 'The new user.' },
    errors: { 400: 'A reviewer profile without the reviewer role, or the reviewer role without one.', 409: 'The email is taken.' },
  })
  @Post()
  @Roles('admin')
  async create(@Body(body(CreateUserRequest)) body: CreateUserDto) {
    if (body.reviewer && !body.roles.includes('reviewer')) {
      throw new DomainError('VALIDATION_FAILED', 'a reviewer profile needs the reviewer role', [{ field: 'reviewer', problem: 'only for users with the reviewer role' }]);
    }
    if (body.roles.includes('reviewer') && !body.reviewer) {
      throw new DomainError('VALIDATION_FAILED', 'a reviewer needs a reviewer profile', [{ field: 'reviewer', problem: 'is required for the reviewer role' }]);
    }
    const user = await this.users.create({
      email: body.email,
      name: body.name,
      passwordHash: await hashPassword(body.password),
      roles: body.roles,
      reviewer: body.reviewer ? { ...body.reviewer, affiliation: body.reviewer.affiliation ?? null } : undefined,
    });
    if (!user) throw new DomainError('CONFLICT', `a user with email ${body.email.toLowerCase()} already exists`, [{ field: 'email', problem: 'is already taken' }]);
    return presentUser(user);
  }

  @ApiRoute({ summary: 'List users', response: UserList })
  @Get()
  @Roles('admin', 'manager')
  async list(@Query(query(ListUsersSchema)) query: ListUsersQuery) {
    return { items: (await this.users.listByRole(query.role)).map(presentUser) };
  }

  /** A reviewer declares their own conflicts; an admin may declare anyone's. */
  @ApiRoute({
    summary: 'Declare a conflict of interest',
    description: 'A reviewer declares their own; an admin anyone\'s. The reviewer is excluded from the company\'s projects.',
    response: Conflict,
    status: { 201: 'The stored conflict.' },
  })
  @Post(':id/conflicts')
  @Roles('reviewer', 'admin')
  async declareConflict(@CurrentUser() caller: AuthUser, @Param('id', new UuidPipe()) id: string, @Body(body(ConflictRequest)) body: ConflictDto) {
    if (!hasRole(caller, 'admin') && caller.id !== id) throw new DomainError('NOT_FOUND', `no user ${id}`);
    const user = await this.users.findById(id);
    if (!user || !user.roles.includes('reviewer')) throw new DomainError('NOT_FOUND', `no reviewer ${id}`);
    const conflict = await this.users.declareConflict(id, { company: body.company, creditCode: body.creditCode ?? null }, body.reason, caller.id);
    return { id: conflict.id, reviewerId: id, company: conflict.company, creditCode: conflict.creditCode, reason: conflict.reason, createdAt: conflict.createdAt.toISOString() };
  }
}
