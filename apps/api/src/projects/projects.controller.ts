import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DomainError } from '@dueflow/domain';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequestId, Roles } from '../auth/decorators';
import { CLIENT_KEY_PATTERN } from '../common/client-key';
import { UuidPipe } from '../common/uuid.pipe';
import { CreateProjectDto, DecisionDto, InformationDto, ListProjectsQuery, SigningDto, WithdrawDto } from './project.dto';
import { ProjectsService } from './projects.service';

@Controller('projects')
export class ProjectsController {
  constructor(private readonly projects: ProjectsService) {}

  @Post()
  @Roles('officer')
  async submit(
    @CurrentUser() user: AuthUser,
    @Body() body: CreateProjectDto,
    @Headers('idempotency-key') key: string | undefined,
    @RequestId() requestId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (key !== undefined && !CLIENT_KEY_PATTERN.test(key)) {
      throw new DomainError('VALIDATION_FAILED', 'the Idempotency-Key header is invalid', [
        { field: 'Idempotency-Key', problem: 'must be 1-128 characters of letters, digits, . _ : -' },
      ]);
    }
    const { created, body: project } = await this.projects.submit(user, body, key, requestId);
    void reply.status(created ? 201 : 200);
    return project;
  }

  @Get()
  @Roles('officer', 'manager', 'admin')
  list(@CurrentUser() user: AuthUser, @Query() query: ListProjectsQuery) {
    return this.projects.list(user, query);
  }

  @Get(':id')
  detail(@CurrentUser() user: AuthUser, @Param('id', new UuidPipe()) id: string) {
    return this.projects.detail(user, id);
  }

  @Get(':id/timeline')
  @Roles('officer', 'manager', 'admin')
  timeline(@CurrentUser() user: AuthUser, @Param('id', new UuidPipe()) id: string) {
    return this.projects.timeline(user, id);
  }

  @Get(':id/report')
  @Roles('officer', 'manager', 'admin')
  report(@CurrentUser() user: AuthUser, @Param('id', new UuidPipe()) id: string) {
    return this.projects.report(user, id);
  }

  @Post(':id/decision')
  @HttpCode(200)
  @Roles('manager')
  decide(@CurrentUser() user: AuthUser, @Param('id', new UuidPipe()) id: string, @Body() body: DecisionDto, @RequestId() requestId: string) {
    return this.projects.decide(user, id, body, requestId);
  }

  @Post(':id/information')
  @HttpCode(200)
  @Roles('officer')
  provideInformation(@CurrentUser() user: AuthUser, @Param('id', new UuidPipe()) id: string, @Body() body: InformationDto, @RequestId() requestId: string) {
    return this.projects.provideInformation(user, id, body, requestId);
  }

  @Post(':id/signing')
  @HttpCode(200)
  @Roles('officer', 'manager')
  sign(@CurrentUser() user: AuthUser, @Param('id', new UuidPipe()) id: string, @Body() body: SigningDto, @RequestId() requestId: string) {
    return this.projects.sign(user, id, body, requestId);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Roles('officer', 'manager')
  withdraw(@CurrentUser() user: AuthUser, @Param('id', new UuidPipe()) id: string, @Body() body: WithdrawDto, @RequestId() requestId: string) {
    return this.projects.withdraw(user, id, body, requestId);
  }
}
