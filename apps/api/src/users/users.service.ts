import { Injectable, Logger } from '@nestjs/common';
import { DomainError } from '@dueflow/domain';
import { UserEntity, UserStore } from '@dueflow/persistence';
import type { AuthUser } from '../auth/auth-user';
import { UserCache } from '../auth/user-cache';
import { ProcessGateway } from '../infrastructure/process.gateway';
import { requireSomeField } from './at-least-one';
import { presentUser } from './user.presenter';
import type { UpdateUserDto } from './user.dto';

/** Why a deactivated reviewer's tasks are declined, as their projects' timelines record it. */
export const DEACTIVATED_REASON = 'reviewer deactivated by an administrator';
const ROLE_REMOVED_REASON = 'reviewer role removed by an administrator';

/**
 * What an administrator does to accounts. Every change is written first and takes effect on the
 * next request everywhere: the answer waits until PostgreSQL's notification of it is back, by which
 * time every API instance has dropped its cached copy of the user (UserCache.propagate). Then the user's open review tasks, when they may no longer review,
 * are declined one by one through their projects' workflows, which assign replacements. A crash in
 * between leaves tasks open on someone who cannot act on them: the same call again declines what is
 * left, and its answer says how many remain.
 */
@Injectable()
export class UsersService {
  private readonly logger = new Logger('UsersService');

  constructor(
    private readonly users: UserStore,
    private readonly cache: UserCache,
    private readonly process: ProcessGateway,
  ) {}

  async update(admin: AuthUser, id: string, dto: UpdateUserDto, requestId: string) {
    requireSomeField(dto, ['name', 'roles', 'reviewer']);
    const user = await this.existing(id);
    const roles = dto.roles ?? user.roles;
    if (admin.id === id && user.roles.includes('admin') && !roles.includes('admin')) {
      throw new DomainError('FORBIDDEN', 'an administrator cannot take away their own admin role', [{ field: 'roles', problem: 'must keep admin for your own account' }]);
    }
    const reviewer = roles.includes('reviewer');
    if (dto.reviewer && !reviewer) {
      throw new DomainError('VALIDATION_FAILED', 'a reviewer profile needs the reviewer role', [{ field: 'reviewer', problem: 'only for users with the reviewer role' }]);
    }
    if (reviewer && !dto.reviewer && !user.reviewer) {
      throw new DomainError('VALIDATION_FAILED', 'a reviewer needs a reviewer profile', [{ field: 'reviewer', problem: 'is required for the reviewer role' }]);
    }
    const updated = await this.cache.propagate(
      id,
      () =>
        this.users.update(id, {
          name: dto.name,
          roles: dto.roles,
          reviewer: dto.reviewer ? { ...dto.reviewer, affiliation: dto.reviewer.affiliation ?? null } : !reviewer && user.reviewer ? null : undefined,
        }),
      (result) => result !== null,
    );
    if (!updated) throw new DomainError('NOT_FOUND', `no user ${id}`);
    if (reviewer) return { ...presentUser(updated), openTasks: 0 };
    return { ...presentUser(updated), openTasks: await this.releaseTasks(id, ROLE_REMOVED_REASON, requestId) };
  }

  async deactivate(admin: AuthUser, id: string, reason: string, requestId: string) {
    if (admin.id === id) throw new DomainError('FORBIDDEN', 'an administrator cannot deactivate their own account', [{ field: 'id', problem: 'is your own account' }]);
    const outcome = await this.cache.propagate(id, () => this.users.deactivate(id, reason), (result) => result?.changed === true);
    if (!outcome) throw new DomainError('NOT_FOUND', `no user ${id}`);
    if (outcome.changed) this.logger.log(`user ${id} deactivated by ${admin.id}: ${reason}`);
    return { ...presentUser(outcome.user), openTasks: await this.releaseTasks(id, DEACTIVATED_REASON, requestId) };
  }

  async reactivate(admin: AuthUser, id: string, reason: string): Promise<UserEntity> {
    const outcome = await this.cache.propagate(id, () => this.users.reactivate(id), (result) => result?.changed === true);
    if (!outcome) throw new DomainError('NOT_FOUND', `no user ${id}`);
    if (outcome.changed) this.logger.log(`user ${id} reactivated by ${admin.id}: ${reason}`);
    return outcome.user;
  }

  /**
   * Declines each open task of the user through its project's workflow, which assigns someone
   * else. A task the workflow cannot take yet (still being assigned) or any more (its process has
   * ended) is left; returns how many are still open. An unreachable Temporal ends the call (503):
   * repeating it finishes the rest.
   */
  private async releaseTasks(userId: string, reason: string, requestId: string): Promise<number> {
    let open = 0;
    for (const task of await this.users.openTasksOf(userId)) {
      try {
        await this.process.declineTask(task.projectId, { taskId: task.id, reviewerId: userId, reason, conflictOfInterest: false, requestId });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        if (await this.users.taskIsOpen(task.id)) {
          open += 1;
          this.logger.warn(`task ${task.id} of user ${userId} is still open: ${error.message}`);
        }
      }
    }
    return open;
  }

  private async existing(id: string): Promise<UserEntity> {
    const user = await this.users.findById(id);
    if (!user) throw new DomainError('NOT_FOUND', `no user ${id}`);
    return user;
  }
}
