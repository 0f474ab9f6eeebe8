import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { DomainError } from '@dueflow/domain';
import { UserStore, hashPassword } from '@dueflow/persistence';
import { AuthUser, hasRole } from '../auth/auth-user';
import { CurrentUser, RequestId, Roles } from '../auth/decorators';
import { UuidPipe } from '../common/uuid.pipe';
import { ApiRoute } from '../openapi/api-route.decorator';
import { Conflict, ConflictList, User, UserList, UserWithOpenTasks } from '../openapi/schemas';
import { AccountStatusRequest, ConflictRequest, CreateUserRequest, ListUsersQuery as ListUsersSchema, UpdateUserRequest } from '@dueflow/contract';
import { body, query } from '../common/validation';
import type { AccountStatusDto, ConflictDto, CreateUserDto, ListUsersQuery, UpdateUserDto } from './user.dto';
import { presentConflict, presentUser } from './user.presenter';
import { UsersService } from './users.service';

const OPEN_TASKS_NOTE = 'Open review tasks of a user who may no longer review are declined through their projects, which assign someone else; `openTasks` counts those that could not be yet (repeat the call).';

@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UserStore,
    private readonly accounts: UsersService,
  ) {}

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

  @ApiRoute({ summary: 'List users', description: 'Deactivated users too (`active: false`).', response: UserList })
  @Get()
  @Roles('admin', 'manager')
  async list(@Query(query(ListUsersSchema)) query: ListUsersQuery) {
    return { items: (await this.users.listByRole(query.role)).map(presentUser) };
  }

  @ApiRoute({
    summary: 'Change a user',
    description: `Name, roles, reviewer profile (replaced whole). A reviewer profile exactly when the reviewer role. Takes effect on the user's next request. ${OPEN_TASKS_NOTE}`,
    response: UserWithOpenTasks,
    errors: {
      400: 'Nothing to change; a reviewer profile without the reviewer role, or the reviewer role without one.',
      403: 'An administrator taking away their own admin role.',
      503: 'Temporal is unreachable while declining the tasks of a former reviewer: repeat the call.',
    },
  })
  @Patch(':id')
  @Roles('admin')
  update(@CurrentUser() admin: AuthUser, @Param('id', new UuidPipe()) id: string, @Body(body(UpdateUserRequest)) body: UpdateUserDto, @RequestId() requestId: string) {
    return this.accounts.update(admin, id, body, requestId);
  }

  @ApiRoute({
    summary: 'Deactivate a user',
    description: `The user can no longer sign in, every token of theirs is refused from the next request, and no new review task goes to them. The reason is logged and kept on the user. Idempotent (a repeat keeps the first reason). ${OPEN_TASKS_NOTE}`,
    response: UserWithOpenTasks,
    errors: { 403: 'An administrator deactivating their own account.', 503: 'Temporal is unreachable while declining the user\'s tasks: repeat the call.' },
  })
  @Post(':id/deactivate')
  @HttpCode(200)
  @Roles('admin')
  deactivate(@CurrentUser() admin: AuthUser, @Param('id', new UuidPipe()) id: string, @Body(body(AccountStatusRequest)) body: AccountStatusDto, @RequestId() requestId: string) {
    return this.accounts.deactivate(admin, id, body.reason, requestId);
  }

  @ApiRoute({ summary: 'Reactivate a user', description: 'The user can sign in again and gets new review tasks. The reason is logged. Idempotent.', response: User })
  @Post(':id/reactivate')
  @HttpCode(200)
  @Roles('admin')
  async reactivate(@CurrentUser() admin: AuthUser, @Param('id', new UuidPipe()) id: string, @Body(body(AccountStatusRequest)) body: AccountStatusDto) {
    return presentUser(await this.accounts.reactivate(admin, id, body.reason));
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
    return presentConflict({ ...conflict, reviewerId: id });
  }

  @ApiRoute({ summary: 'List a reviewer\'s declared conflicts of interest', description: 'A reviewer their own; an admin anyone\'s.', response: ConflictList })
  @Get(':id/conflicts')
  @Roles('reviewer', 'admin')
  async listConflicts(@CurrentUser() caller: AuthUser, @Param('id', new UuidPipe()) id: string) {
    await this.visibleUser(caller, id);
    return { items: (await this.users.listConflicts(id)).map(presentConflict) };
  }

  @ApiRoute({
    summary: 'Withdraw a declared conflict of interest',
    description: 'A reviewer their own; an admin anyone\'s. Later assignments may choose the reviewer for the company again; current ones stay as they are.',
    response: Conflict,
  })
  @Delete(':id/conflicts/:conflictId')
  @Roles('reviewer', 'admin')
  async removeConflict(@CurrentUser() caller: AuthUser, @Param('id', new UuidPipe()) id: string, @Param('conflictId', new UuidPipe('conflictId')) conflictId: string) {
    await this.visibleUser(caller, id);
    const removed = await this.users.removeConflict(id, conflictId);
    if (!removed) throw new DomainError('NOT_FOUND', `no conflict ${conflictId} of user ${id}`);
    return presentConflict(removed);
  }

  /** A reviewer sees only their own account here; to them, anyone else's does not exist. */
  private async visibleUser(caller: AuthUser, id: string): Promise<void> {
    if (!hasRole(caller, 'admin') && caller.id !== id) throw new DomainError('NOT_FOUND', `no user ${id}`);
    if (!(await this.users.findById(id))) throw new DomainError('NOT_FOUND', `no user ${id}`);
  }
}
