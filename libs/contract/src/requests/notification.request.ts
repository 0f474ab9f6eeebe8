import { z } from 'zod';
import { closed, oneOf } from './common';
import { text } from './text';

/** GET /notifications: the caller's own, newest first; `unread=true` for the unread ones only. */
export const ListNotificationsQuery = closed(
  {
    // Kept as the text the query string carries (the document and the fuzzer read the schema as is).
    unread: oneOf(['true', 'false']).optional(),
    limit: z.coerce
      .number({ error: 'must be an integer from 1 to 100' })
      .int({ error: 'must be an integer from 1 to 100' })
      .min(1, { error: 'must be an integer from 1 to 100' })
      .max(100, { error: 'must be an integer from 1 to 100' })
      .optional(),
    cursor: text({ max: 200 }).optional(),
  },
  'of query parameters',
);

export type ListNotificationsInput = z.output<typeof ListNotificationsQuery>;
