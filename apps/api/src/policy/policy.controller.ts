import { Body, Controller, Get, Put } from '@nestjs/common';
import { DomainError, Policy, validatePolicy } from '@dueflow/domain';
import { PolicyStore } from '@dueflow/persistence';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Roles } from '../auth/decorators';
import { ApiRoute } from '../openapi/api-route.decorator';
import { Policy as PolicySchema, PolicyVersion } from '../openapi/schemas';

@Controller('policy')
export class PolicyController {
  constructor(private readonly policies: PolicyStore) {}

  @ApiRoute({ summary: 'Get the policy in force', response: PolicyVersion })
  @Get()
  async current() {
    const { version, policy } = await this.policies.current();
    return { version, ...policy };
  }

  /** Replaces the policy for projects submitted from now on; running projects keep theirs. */
  @ApiRoute({
    summary: 'Replace the policy',
    description: 'For projects submitted from now on; running projects keep the snapshot they started with.',
    response: PolicyVersion,
    body: PolicySchema,
  })
  @Put()
  @Roles('admin')
  async replace(@CurrentUser() admin: AuthUser, @Body() body: unknown) {
    const problems = validatePolicy(body);
    if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', 'the policy has invalid fields', problems);
    const { version, policy } = await this.policies.replace(body as Policy, admin.id);
    return { version, ...policy };
  }
}
