import { Injectable, PipeTransform } from '@nestjs/common';
import { uuid } from '@dueflow/contract';
import { DomainError } from '@dueflow/domain';

const UUID = uuid();

/** Path ids must be UUIDs; anything else is a 400 naming the parameter, never a database error. */
@Injectable()
export class UuidPipe implements PipeTransform<string, string> {
  constructor(private readonly field = 'id') {}

  transform(value: string): string {
    if (!UUID.safeParse(value).success) throw new DomainError('VALIDATION_FAILED', `${this.field} must be a UUID`, [{ field: this.field, problem: 'must be a UUID' }]);
    return value.toLowerCase();
  }
}
