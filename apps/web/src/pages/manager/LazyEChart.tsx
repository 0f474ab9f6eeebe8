import { lazy, Suspense, type ComponentProps } from 'react';

// ECharts is the largest piece of the manager's pages (~160 KB gzip): it loads after the page's
// figures and controls are usable, which the tables beside each chart already show.
const EChart = lazy(() => import('./EChart').then((m) => ({ default: m.EChart })));

export type { BarOption } from './EChart';
export { BAR_COLOR, TOTAL_COLOR } from './chart-colors';

export function LazyEChart(props: ComponentProps<typeof EChart>) {
  return (
    <Suspense fallback={<div data-testid={props.testId} style={{ height: props.height ?? 280 }} aria-hidden="true" />}>
      <EChart {...props} />
    </Suspense>
  );
}
