import { Controller, Get } from '@nestjs/common';
import { StatsStore } from '@dueflow/persistence';
import { Roles } from '../auth/decorators';

@Controller('stats')
export class StatsController {
  constructor(private readonly stats: StatsStore) {}

  @Get()
  @Roles('manager', 'admin')
  async portfolio() {
    const { asOf, byStatus, ...figures } = await this.stats.portfolio();
    return { asOf: asOf.toISOString(), funnel: byStatus, ...figures };
  }
}
