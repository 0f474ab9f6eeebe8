import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DomainError } from '@dueflow/domain';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequestId, Roles } from '../auth/decorators';
import { CLIENT_KEY_PATTERN } from '../common/client-key';
import { MAX_WAIT_SECONDS, parseIfNoneMatch, preferredWait } from '../common/conditional';
import { UuidPipe } from '../common/uuid.pipe';
import { ApiRoute } from '../openapi/api-route.decorator';
import { ProjectDetail, ProjectPage, ProjectReport, ProjectSummary, StatusAnswer, Timeline, TimelineVerification } from '../openapi/schemas';
import { CreateProjectRequest, DecisionBody, InformationBody, ListProjectsQuery as ListProjectsSchema, ResumeBody, SigningBody, WithdrawBody } from '@dueflow/contract';
import { body, query } from '../common/validation';
import type { CreateProjectDto, DecisionDto, InformationDto, ListProjectsQuery, SigningDto, WithdrawDto } from './project.dto';
import { ProjectsService } from './projects.service';
import { PROCESS_UNAVAILABLE_DOC } from '../common/unavailable';
import type { ResumeDto } from './resume.dto';

@Controller('projects')
export class ProjectsController {
  constructor(private readonly projects: ProjectsService) {}

  @ApiRoute({
    summary: 'Submit a candidate company',
    description: 'Starts the project\'s due-diligence process under the policy in force.',
    response: ProjectSummary,
    status: { 201: 'The new project, in screening.', 200: 'A retry with the same Idempotency-Key and body: the same project.' },
    headers: { 'Idempotency-Key': { description: 'A retry with the same key and body returns the same project.', pattern: CLIENT_KEY_PATTERN } },
    errors: { 400: 'The Idempotency-Key header is malformed.', 422: 'The Idempotency-Key was used before with a different body.', ...PROCESS_UNAVAILABLE_DOC },
  })
  @Post()
  @Roles('officer')
  async submit(
    @CurrentUser() user: AuthUser,
    @Body(body(CreateProjectRequest)) body: CreateProjectDto,
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

  @ApiRoute({ summary: 'List projects', description: 'Officers see their own, managers and admins all; newest first, by cursor.', response: ProjectPage })
  @Get()
  @Roles('officer', 'manager', 'admin')
  list(@CurrentUser() user: AuthUser, @Query(query(ListProjectsSchema)) query: ListProjectsQuery) {
    return this.projects.list(user, query);
  }

  @ApiRoute({
    summary: 'Get a project',
    description:
      'What the caller sees follows from their part in the project, not their roles alone: anyone holding an open review task on it ' +
      '(a manager or officer who also reviews included), or who reviewed it, gets the reviewer\'s view: their own track, task and review, ' +
      'no synthesis, decisions or signing. Its officer sees every track without reviewers\' names; managers and admins everything, ' +
      'earlier review rounds of a re-opened track included (`tracks.<track>.earlierRounds`). Someone who declined a task on it for a ' +
      'conflict of interest gets 404. Each track shows its current round. ' +
      'The ETag changes whenever what the caller sees of the project changes. With If-None-Match and `Prefer: wait=N` ' +
      `the request is held until a step of the project's process changes it (at most N seconds, N ≤ ${MAX_WAIT_SECONDS}): watch a project instead of polling it.`,
    response: ProjectDetail,
    notModified: 'The project has not changed from the If-None-Match tag (within the wait asked for).',
    headers: {
      'If-None-Match': { description: 'The ETag of the representation you hold: 304 while it is current.' },
      Prefer: { description: `\`wait=N\`: with If-None-Match, hold the request up to N seconds (at most ${MAX_WAIT_SECONDS}) for the next change.` },
    },
  })
  @Get(':id')
  async detail(
    @CurrentUser() user: AuthUser,
    @Param('id', new UuidPipe()) id: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Headers('prefer') prefer: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const conditions = { ifNoneMatch: parseIfNoneMatch(ifNoneMatch), waitSeconds: preferredWait(prefer) };
    const waits = conditions.ifNoneMatch !== null && conditions.waitSeconds > 0;
    // A caller that hangs up ends its wait (the response's close fires before it is sent only then).
    const gone = new AbortController();
    if (waits) reply.raw.once('close', () => gone.abort());
    const { etag, body } = await this.projects.detail(user, id, { ...conditions, signal: gone.signal });
    void reply.header('etag', etag);
    if (waits) void reply.header('preference-applied', `wait=${conditions.waitSeconds}`).header('vary', 'Prefer');
    if (body) return body;
    void reply.status(304);
    return undefined;
  }

  @ApiRoute({
    summary: 'Get the project\'s timeline',
    description:
      'The events of the project the caller\'s part in it may see, in order: managers and admins every event as recorded; ' +
      'the project\'s officer its milestones (not the reviewer pool, exclusions, decline reasons or reviewers\' names); ' +
      'a reviewer (anyone holding an open task on it) their own assignment, reminder, submission or decline.',
    response: Timeline,
  })
  @Get(':id/timeline')
  @Roles('officer', 'reviewer', 'manager', 'admin')
  timeline(@CurrentUser() user: AuthUser, @Param('id', new UuidPipe()) id: string) {
    return this.projects.timeline(user, id);
  }

  @ApiRoute({
    summary: 'Verify the timeline\'s audit chain',
    description: 'Recomputes the hash chain of the stored events and reports the first broken link.',
    response: TimelineVerification,
  })
  @Get(':id/timeline/verify')
  @Roles('officer', 'manager', 'admin')
  verifyTimeline(@CurrentUser() user: AuthUser, @Param('id', new UuidPipe()) id: string) {
    return this.projects.verifyTimeline(user, id);
  }

  @ApiRoute({ summary: 'Get the synthesis report', response: ProjectReport, errors: { 409: 'The synthesis report is not ready yet.' } })
  @Get(':id/report')
  @Roles('officer', 'manager', 'admin')
  report(@CurrentUser() user: AuthUser, @Param('id', new UuidPipe()) id: string) {
    return this.projects.report(user, id);
  }

  @ApiRoute({
    summary: 'Decide on a project',
    description: 'go, no_go or request_info (with questions). At or above the dual-approval threshold a go needs a second, different manager.',
    response: StatusAnswer,
    errors: {
      400: '`questions` missing for request_info.',
      409: 'The project is not awaiting a decision (or another decision won a race).',
      422: 'Refused by a business rule, e.g. the second go of a dual approval from the same manager.',
      ...PROCESS_UNAVAILABLE_DOC,
    },
  })
  @Post(':id/decision')
  @HttpCode(200)
  @Roles('manager')
  decide(@CurrentUser() user: AuthUser, @Param('id', new UuidPipe()) id: string, @Body(body(DecisionBody)) body: DecisionDto, @RequestId() requestId: string) {
    return this.projects.decide(user, id, body, requestId);
  }

  @ApiRoute({
    summary: 'Answer the managers\' questions',
    response: StatusAnswer,
    errors: { 403: 'Only the officer who submitted the project answers.', 409: 'No information was requested.', ...PROCESS_UNAVAILABLE_DOC },
  })
  @Post(':id/information')
  @HttpCode(200)
  @Roles('officer')
  provideInformation(@CurrentUser() user: AuthUser, @Param('id', new UuidPipe()) id: string, @Body(body(InformationBody)) body: InformationDto, @RequestId() requestId: string) {
    return this.projects.provideInformation(user, id, body, requestId);
  }

  @ApiRoute({ summary: 'Record the signed agreement', response: StatusAnswer, errors: { 409: 'The project is not approved.', ...PROCESS_UNAVAILABLE_DOC } })
  @Post(':id/signing')
  @HttpCode(200)
  @Roles('officer', 'manager')
  sign(@CurrentUser() user: AuthUser, @Param('id', new UuidPipe()) id: string, @Body(body(SigningBody)) body: SigningDto, @RequestId() requestId: string) {
    return this.projects.sign(user, id, body, requestId);
  }

  @ApiRoute({
    summary: 'Withdraw a project',
    description: 'Cancels its open review tasks.',
    response: StatusAnswer,
    errors: { 409: 'The project is already decided or closed.', ...PROCESS_UNAVAILABLE_DOC },
  })
  @Post(':id/withdraw')
  @HttpCode(200)
  @Roles('officer', 'manager')
  withdraw(@CurrentUser() user: AuthUser, @Param('id', new UuidPipe()) id: string, @Body(body(WithdrawBody)) body: WithdrawDto, @RequestId() requestId: string) {
    return this.projects.withdraw(user, id, body, requestId);
  }

  @ApiRoute({
    summary: 'Resume a project\'s failed step',
    description:
      'A step of the process that failed for good (its retries ran out, or it can never succeed as it is) waits, with the reason in `statusDetail` ' +
      'and a `step_failed` event on the timeline; managers and admins are notified. Once the cause is fixed, an admin resumes it: the workflow ' +
      'runs the failed step again (if it fails again, it is reported again and waits).',
    response: StatusAnswer,
    errors: { 400: '`reason` (what was fixed) is missing.', 409: 'No step of the project is waiting to be resumed.', ...PROCESS_UNAVAILABLE_DOC },
  })
  @Post(':id/resume')
  @HttpCode(200)
  @Roles('admin')
  resume(@CurrentUser() user: AuthUser, @Param('id', new UuidPipe()) id: string, @Body(body(ResumeBody)) body: ResumeDto, @RequestId() requestId: string) {
    return this.projects.resume(user, id, body, requestId);
  }
}
