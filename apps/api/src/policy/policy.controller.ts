import { Body, Controller, Get, Put } from '@nestjs/common';
import { PolicyReplacement } from '@dueflow/contract';
import type { PolicyReplacementInput } from '@dueflow/contract';
import { DomainError } from '@dueflow/domain';
import { PolicyStore } from '@dueflow/persistence';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Roles } from '../auth/decorators';
import { body } from '../common/validation';
import { ApiRoute } from '../openapi/api-route.decorator';
import { PolicyVersion } from '../openapi/schemas';

@Controller('policy')
export class PolicyController {
  constructor(private readonly policies: PolicyStore) {}

  @ApiRoute({ summary: 'Get the policy in force', description: 'With its `version`: send the policy back to PUT /policy with it.', response: PolicyVersion })
  @Get()
  async current() {
    const { version, policy } = await this.policies.current();
    return { version, ...policy };
  }

  /** Replaces the policy for projects submitted from now on; running projects keep theirs. */
  @ApiRoute({
    summary: 'Replace the policy',
    description:
      'Takes what GET /policy returned, edited. `version` is required: the version the edit started from. ' +
      'For projects submitted from now on; running projects keep the snapshot they started with.',
    response: PolicyVersion,
    errors: { 409: 'Someone else changed the policy since `version`: read it again and redo the edit.' },
  })
  @Put()
  @Roles('admin')
  async replace(@CurrentUser() admin: AuthUser, @Body(body(PolicyReplacement)) body: PolicyReplacementInput) {
    const { version: basedOn, ...policy } = body;
    const result = await this.policies.replace(policy, basedOn, admin.id);
    if (!result.replaced) {
      throw new DomainError('INVALID_STATE', `someone else changed the policy: version ${result.currentVersion} is in force, not ${basedOn}; read it again and redo your edit`, [
        { field: 'version', problem: `is stale: version ${result.currentVersion} is in force` },
      ]);
    }
    return { version: result.current.version, ...result.current.policy };
  }
}
