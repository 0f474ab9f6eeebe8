import { z } from 'zod';
import { PROJECT_STATUSES, SECTORS } from '@dueflow/domain';
import { Count, Money, Timestamp, component, keyed } from './registry';

export const PortfolioStats = component(
  'PortfolioStats',
  z.object({
    asOf: Timestamp.describe('database time of the one snapshot every figure comes from'),
    funnel: keyed(PROJECT_STATUSES, Count).describe('projects by status'),
    bySector: keyed(SECTORS, Count),
    byInvestmentBand: z.array(z.object({ key: z.string(), label: z.string(), count: Count })),
    signed: z.object({ count: Count, agreedInvestment: Money }),
    medianDaysToFirstDecision: z.number().min(0).nullable().describe('2 decimals; null before any decision'),
    overdueTasks: Count,
  }),
);

export const Liveness = component('Liveness', z.object({ status: z.string().describe('"ok"') }));

const DependencyCheck = z.object({ status: z.enum(['up', 'down']), error: z.string().optional() });

export const Readiness = component(
  'Readiness',
  z.object({
    status: z.string().describe('"ok" (otherwise the answer is a 503 error)'),
    checks: z.object({ postgres: DependencyCheck, temporal: DependencyCheck }),
  }),
);

/** Prometheus exposition text (text/plain). */
export const PrometheusText = component('PrometheusText', z.string().describe('Prometheus text exposition format'));
