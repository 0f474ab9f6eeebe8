import { CreateProjectRequest, ListProjectsQuery } from '@dueflow/contract';
import { DomainError } from '@dueflow/domain';
import { body, query } from './validation';

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('the schema pipes', () => {
  it('hand the handler the parsed value: numbers from the query string, text in NFC', () => {
    expect(query(ListProjectsQuery).transform({ limit: '5' })).toEqual({ limit: 5 });
    expect(query(ListProjectsQuery).transform(undefined)).toEqual({});
  });

  it('refuse with one detail per bad field, unknown fields named, the body itself called "body"', () => {
    const error = refusal(() => query(ListProjectsQuery).transform({ limit: 'abc', status: 'nope', page: '2' }));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details).toEqual([
      { field: 'status', problem: expect.stringMatching(/^must be one of/) },
      { field: 'limit', problem: 'must be an integer from 1 to 100' },
      { field: 'page', problem: 'is not a known field' },
    ]);
    expect(refusal(() => body(CreateProjectRequest).transform(null)).details).toEqual([{ field: 'body', problem: expect.stringMatching(/^must be an object/) }]);
  });
});
