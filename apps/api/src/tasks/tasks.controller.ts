import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequestId, Roles } from '../auth/decorators';
import { UuidPipe } from '../common/uuid.pipe';
import { ApiRoute } from '../openapi/api-route.decorator';
import { ReviewDraft, StatusAnswer, TaskDetail, TaskList } from '../openapi/schemas';
import { DeclineBody, ListTasksQuery as ListTasksSchema, ReviewBody, ReviewDraftBody } from '@dueflow/contract';
import { body, query } from '../common/validation';
import type { DeclineDto, ListTasksQuery, ReviewDraftDto, ReviewDto } from './task.dto';
import { TasksService } from './tasks.service';
import { PROCESS_UNAVAILABLE_DOC } from '../common/unavailable';

@Controller('tasks')
@Roles('reviewer', 'manager', 'admin')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  @ApiRoute({ summary: 'List review tasks', description: 'A reviewer sees their own tasks; managers and admins all.', response: TaskList })
  @Get()
  list(@CurrentUser() user: AuthUser, @Query(query(ListTasksSchema)) query: ListTasksQuery) {
    return this.tasks.list(user, query);
  }

  @ApiRoute({
    summary: 'Get a review task',
    description: 'With the project\'s summary, the rubric, once submitted the review, and, for its assignee while it is open, their saved draft.',
    response: TaskDetail,
  })
  @Get(':id')
  detail(@CurrentUser() user: AuthUser, @Param('id', new UuidPipe()) id: string) {
    return this.tasks.detail(user, id);
  }

  @ApiRoute({
    summary: 'Submit a review',
    description: 'Every criterion of the task\'s rubric scored 1-5. Reviews are blind.',
    response: StatusAnswer,
    errors: { 400: 'A criterion is missing, unknown or out of range.', 409: 'The task is not open, or is still being assigned (retry in a few seconds).', ...PROCESS_UNAVAILABLE_DOC },
  })
  @Post(':id/review')
  @HttpCode(200)
  @Roles('reviewer')
  submitReview(@CurrentUser() user: AuthUser, @Param('id', new UuidPipe()) id: string, @Body(body(ReviewBody)) body: ReviewDto, @RequestId() requestId: string) {
    return this.tasks.submitReview(user, id, body, requestId);
  }

  @ApiRoute({
    summary: 'Save a review draft',
    description:
      'Any part of a review, replacing the draft saved before; GET /tasks/{id} returns it to the assignee while the task is open. ' +
      'Private to the assignee, and outside the process: saving one changes nothing there. Submitting the review (or declining the task) discards it.',
    response: ReviewDraft,
    errors: { 400: 'A score names a criterion the task\'s rubric does not have.', 404: 'Not the caller\'s task.', 409: 'The task is not open.' },
  })
  @Put(':id/draft')
  @HttpCode(200)
  saveDraft(@CurrentUser() user: AuthUser, @Param('id', new UuidPipe()) id: string, @Body(body(ReviewDraftBody)) body: ReviewDraftDto) {
    return this.tasks.saveDraft(user, id, body);
  }

  @ApiRoute({
    summary: 'Decline a review task',
    description: 'A replacement is assigned; a declared conflict of interest excludes the reviewer from the company\'s later projects.',
    response: StatusAnswer,
    errors: { 409: 'The task is not open, or is still being assigned (retry in a few seconds).', ...PROCESS_UNAVAILABLE_DOC },
  })
  @Post(':id/decline')
  @HttpCode(200)
  @Roles('reviewer')
  decline(@CurrentUser() user: AuthUser, @Param('id', new UuidPipe()) id: string, @Body(body(DeclineBody)) body: DeclineDto, @RequestId() requestId: string) {
    return this.tasks.decline(user, id, body, requestId);
  }
}
