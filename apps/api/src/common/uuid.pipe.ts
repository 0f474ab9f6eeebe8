import { Injectable, PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DomainError } from '@dueflow/domain';

/** Path ids must be UUIDs; anything else is a 400 naming the parameter, never a database error. */
@Injectable()
export class UuidPipe implements PipeTransform<string, string> {
  constructor(private readonly field = 'id') {}

  transform(value: string): string {
    if (!isUUID(value)) throw new DomainError('VALIDATION_FAILED', `${this.field} must be a UUID`, [{ field: this.field, problem: 'must be a UUID' }]);
    return value.toLowerCase();
  }
}
