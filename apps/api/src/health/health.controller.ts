import { Controller, Get, HttpException, Inject } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Public } from '../auth/decorators';
import { ProcessGateway } from '../infrastructure/process.gateway';
import { DATA_SOURCE } from '../infrastructure/tokens';
import { ApiRoute } from '../openapi/api-route.decorator';
import { Liveness, Readiness } from '../openapi/schemas';

const CHECK_TIMEOUT_MS = 2000;

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS).unref()),
  ]);
}

async function check(run: () => Promise<unknown>): Promise<{ status: 'up' | 'down'; error?: string }> {
  try {
    await withTimeout(run());
    return { status: 'up' };
  } catch (error) {
    return { status: 'down', error: error instanceof Error ? error.message : String(error) };
  }
}

@Public()
@Controller('health')
export class HealthController {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly process: ProcessGateway,
  ) {}

  /** Liveness: the process answers. */
  @ApiRoute({ summary: 'Liveness', description: 'The process answers.', response: Liveness })
  @Get()
  live() {
    return { status: 'ok' };
  }

  /** Readiness: PostgreSQL and Temporal both answer. */
  @ApiRoute({
    summary: 'Readiness',
    description: 'OK only when PostgreSQL and Temporal both answer.',
    response: Readiness,
    errors: { 503: 'PostgreSQL or Temporal does not answer.' },
  })
  @Get('ready')
  async ready() {
    const [postgres, temporal] = await Promise.all([
      check(() => this.dataSource.query('SELECT 1')),
      check(() => this.process.isReachable()),
    ]);
    const body = { status: postgres.status === 'up' && temporal.status === 'up' ? 'ok' : 'unavailable', checks: { postgres, temporal } };
    if (body.status !== 'ok') throw new HttpException({ ...body, message: 'a dependency is down', statusCode: 503 }, 503);
    return body;
  }
}
