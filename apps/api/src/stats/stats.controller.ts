import { Controller, Get } from '@nestjs/common';
import { StatsStore } from '@dueflow/persistence';
import { Roles } from '../auth/decorators';
import { ApiRoute } from '../openapi/api-route.decorator';
import { PortfolioStats } from '../openapi/schemas';

@Controller('stats')
export class StatsController {
  constructor(private readonly stats: StatsStore) {}

  @ApiRoute({ summary: 'Portfolio figures', description: 'Funnel by status, counts by sector and investment band, signings, timing, overdue tasks.', response: PortfolioStats })
  @Get()
  @Roles('manager', 'admin')
  async portfolio() {
    const { asOf, byStatus, ...figures } = await this.stats.portfolio();
    return { asOf: asOf.toISOString(), funnel: byStatus, ...figures };
  }
}
