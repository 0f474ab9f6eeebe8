import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import type { z } from 'zod';
import { ListNotificationsQuery } from '@dueflow/contract';
import { DomainError, renderNotification } from '@dueflow/domain';
import { InboxItem, InboxStore, UserStore, decodeCursor } from '@dueflow/persistence';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/decorators';
import { UuidPipe } from '../common/uuid.pipe';
import { query } from '../common/validation';
import { ApiRoute } from '../openapi/api-route.decorator';
import { InboxNotification, InboxPage } from '../openapi/schemas';

type ListNotificationsDto = z.output<typeof ListNotificationsQuery>;

const isUuid = (value: unknown): value is string => typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

/** An inbox row as its recipient reads it: the text rendered now, in the reader's language. */
function present(item: InboxItem, locale: string): z.output<typeof InboxNotification> {
  const text = renderNotification({ kind: item.kind, payload: item.payload, company: item.company }, locale);
  const taskId = item.payload['taskId'];
  return {
    id: item.id,
    kind: item.kind,
    subject: text.subject,
    body: text.body,
    ...(item.projectId ? { projectId: item.projectId } : {}),
    ...(isUuid(taskId) ? { taskId } : {}),
    createdAt: item.createdAt.toISOString(),
    readAt: item.readAt ? item.readAt.toISOString() : null,
  };
}

/** The caller's own notifications (in-app inbox). Every signed-in user has one. */
@Controller('notifications')
export class NotificationsController {
  constructor(
    private readonly inbox: InboxStore,
    private readonly users: UserStore,
  ) {}

  @ApiRoute({ summary: 'The caller\'s notifications', description: 'Newest first, by cursor; `unread=true` for the unread ones. Texts come in the caller\'s language.', response: InboxPage })
  @Get()
  async list(@CurrentUser() caller: AuthUser, @Query(query(ListNotificationsQuery)) q: ListNotificationsDto) {
    const after = q.cursor ? decodeCursor(q.cursor) : undefined;
    if (after === null) throw new DomainError('VALIDATION_FAILED', 'the cursor is not valid', [{ field: 'cursor', problem: 'is not a cursor this API issued' }]);
    const locale = await this.localeOf(caller);
    const page = await this.inbox.list(caller.id, { unread: q.unread === 'true', after, limit: q.limit ?? 20 });
    return { items: page.items.map((item) => present(item, locale)), nextCursor: page.nextCursor };
  }

  @ApiRoute({
    summary: 'Mark one of the caller\'s notifications read',
    description: 'Idempotent: a second call keeps the first time.',
    response: InboxNotification,
    errors: { 404: 'No such notification in the caller\'s inbox (another person\'s is not found either).' },
  })
  @Post(':id/read')
  @HttpCode(200)
  async read(@CurrentUser() caller: AuthUser, @Param('id', new UuidPipe()) id: string) {
    const item = await this.inbox.markRead(caller.id, id);
    if (!item) throw new DomainError('NOT_FOUND', `no notification ${id}`);
    return present(item, await this.localeOf(caller));
  }

  private async localeOf(caller: AuthUser): Promise<string> {
    return (await this.users.findById(caller.id))?.locale ?? 'zh-CN';
  }
}
