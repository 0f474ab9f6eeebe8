/**
 * A hand-built statement's positional parameters and WHERE conditions: `bind(value)` adds a
 * parameter and returns its placeholder (`$n`), `where(condition)` adds a condition.
 */
export class SqlFilter {
  readonly params: unknown[] = [];
  private readonly conditions: string[] = [];

  bind(value: unknown): string {
    return `$${this.params.push(value)}`;
  }

  where(condition: string): void {
    this.conditions.push(condition);
  }

  /** ` WHERE a AND b`, or nothing when there are no conditions. */
  clause(): string {
    return this.conditions.length ? ` WHERE ${this.conditions.join(' AND ')}` : '';
  }
}
