import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequestId, Roles } from '../auth/decorators';
import { UuidPipe } from '../common/uuid.pipe';
import { DeclineDto, ListTasksQuery, ReviewDto } from './task.dto';
import { TasksService } from './tasks.service';

@Controller('tasks')
@Roles('reviewer', 'manager', 'admin')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  @Get()
  list(@CurrentUser() user: AuthUser, @Query() query: ListTasksQuery) {
    return this.tasks.list(user, query);
  }

  @Get(':id')
  detail(@CurrentUser() user: AuthUser, @Param('id', new UuidPipe()) id: string) {
    return this.tasks.detail(user, id);
  }

  @Post(':id/review')
  @HttpCode(200)
  @Roles('reviewer')
  submitReview(@CurrentUser() user: AuthUser, @Param('id', new UuidPipe()) id: string, @Body() body: ReviewDto, @RequestId() requestId: string) {
    return this.tasks.submitReview(user, id, body, requestId);
  }

  @Post(':id/decline')
  @HttpCode(200)
  @Roles('reviewer')
  decline(@CurrentUser() user: AuthUser, @Param('id', new UuidPipe()) id: string, @Body() body: DeclineDto, @RequestId() requestId: string) {
    return this.tasks.decline(user, id, body, requestId);
  }
}
