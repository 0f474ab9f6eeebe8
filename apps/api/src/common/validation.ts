import { PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { checkRequest } from '@dueflow/contract';
import { DomainError } from '@dueflow/domain';

export type RequestPart = 'body' | 'query';

/**
 * Validates one request part against its schema from @dueflow/contract (libs/contract/src/requests)
 * and hands the handler the parsed value: text normalised to NFC, `limit` a number. A refusal is a
 * 400 listing every bad field, one problem each, unknown fields included. derive.ts reads the schema
 * off the pipe to document the route, so the document and the check cannot part.
 *
 * The pattern, for every route that takes input (new routes too):
 *
 *   // libs/contract/src/requests/user.request.ts
 *   export const UpdateUserRequest = closed({ name: text({ min: 1, max: 200 }).optional() }, '{name?}');
 *   // …and list it in REQUEST_SCHEMAS (libs/contract/src/requests/index.ts) under its component name.
 *   // apps/api/src/users/user.dto.ts
 *   export type UpdateUserDto = z.output<typeof UpdateUserRequest>;
 *   // the controller
 *   update(@Param('id', new UuidPipe()) id: string, @Body(body(UpdateUserRequest)) dto: UpdateUserDto)
 *
 * Every free-text field uses text() (the text rule); query strings use closed() too.
 */
export class SchemaPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(
    readonly part: RequestPart,
    readonly schema: S,
  ) {}

  transform(value: unknown): z.output<S> {
    // A query string with no parameters reaches us as an empty object; a missing body as undefined.
    const checked = checkRequest(this.schema, this.part === 'query' ? (value ?? {}) : value);
    if (checked.ok) return checked.value;
    const message = this.part === 'body' ? 'the request has invalid fields' : 'the query string has invalid parameters';
    throw new DomainError('VALIDATION_FAILED', message, checked.problems.map((p) => (p.field === '' ? { field: this.part, problem: p.problem } : p)));
  }
}

/** `@Body(body(Schema))`: the JSON body, checked against Schema. */
export const body = <S extends z.ZodType>(schema: S) => new SchemaPipe('body', schema);

/** `@Query(query(Schema))`: the query string, checked against Schema. */
export const query = <S extends z.ZodType>(schema: S) => new SchemaPipe('query', schema);
