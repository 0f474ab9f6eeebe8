import { z } from 'zod';
import { closed, oneOf, pageParameters } from './common';

/** GET /notifications: the caller's own, newest first; `unread=true` for the unread ones only. */
export const ListNotificationsQuery = closed(
  {
    // Kept as the text the query string carries (the document and the fuzzer read the schema as is).
    unread: oneOf(['true', 'false']).optional(),
    ...pageParameters(),
  },
  'of query parameters',
);

export type ListNotificationsInput = z.output<typeof ListNotificationsQuery>;
