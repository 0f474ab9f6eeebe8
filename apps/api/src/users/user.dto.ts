import type { z } from 'zod';
import type { ConflictRequest, CreateUserRequest, ListUsersQuery as ListUsersSchema } from '@dueflow/contract';

// The request types handlers receive: each the output of its schema in @dueflow/contract (see common/validation.ts).
export type CreateUserDto = z.output<typeof CreateUserRequest>;
export type ListUsersQuery = z.output<typeof ListUsersSchema>;
export type ConflictDto = z.output<typeof ConflictRequest>;
