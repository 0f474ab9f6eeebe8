import type { z } from 'zod';
import type { AccountStatusRequest, ConflictRequest, CreateUserRequest, ListUsersQuery as ListUsersSchema, UpdateUserRequest } from '@dueflow/contract';

// The request types handlers receive: each the output of its schema in @dueflow/contract (see common/validation.ts).
export type CreateUserDto = z.output<typeof CreateUserRequest>;
export type ListUsersQuery = z.output<typeof ListUsersSchema>;
export type ConflictDto = z.output<typeof ConflictRequest>;
/** PATCH /users/{id}: any of these; the reviewer profile is replaced whole. */
export type UpdateUserDto = z.output<typeof UpdateUserRequest>;
/** POST /users/{id}/deactivate and /reactivate: why (logged; kept on the user while deactivated). */
export type AccountStatusDto = z.output<typeof AccountStatusRequest>;
