import { DECORATORS } from '@nestjs/swagger';
import { MetricsController } from '../metrics/metrics.controller';
import { ApiRoute } from './api-route.decorator';
import { PrometheusText } from './schemas';

/**
 * GET /metrics is documented from here because its controller carries no ApiRoute of its own.
 * Applied when the document is built; a no-op once the controller documents itself.
 */
export function documentMetricsRoute(): void {
  const descriptor = Object.getOwnPropertyDescriptor(MetricsController.prototype, 'scrape') as TypedPropertyDescriptor<MetricsController['scrape']> | undefined;
  if (!descriptor?.value || Reflect.hasMetadata(DECORATORS.API_OPERATION, descriptor.value)) return;
  ApiRoute({
    summary: 'Prometheus metrics',
    description: 'This API instance\'s metrics in the Prometheus text format: request latency by route, workflow starts and Updates, open and overdue review tasks, undelivered and failing notifications.',
    response: PrometheusText,
    mediaType: 'text/plain',
  })(MetricsController.prototype, 'scrape', descriptor);
}
