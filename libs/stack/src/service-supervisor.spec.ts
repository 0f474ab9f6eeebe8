import { RestartBackoff, humanDuration } from './service-supervisor';

describe('RestartBackoff', () => {
  it('doubles the delay with each consecutive crash, up to the cap', () => {
    const backoff = new RestartBackoff({ initialDelayMs: 1_000, maxDelayMs: 30_000, healthyAfterMs: 60_000, maxCrashes: 100, crashWindowMs: 1_000 });
    const delays: number[] = [];
    let t = 0;
    for (let i = 0; i < 8; i++) {
      t += 10_000;
      const next = backoff.crashed(t, 5_000);
      if (!next.restart) throw new Error('gave up');
      expect(next.attempt).toBe(i + 1);
      delays.push(next.delayMs);
    }
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
  });

  it('starts over after a run that stayed up for the healthy time', () => {
    const backoff = new RestartBackoff({ initialDelayMs: 1_000, maxDelayMs: 30_000, healthyAfterMs: 60_000, maxCrashes: 5, crashWindowMs: 120_000 });
    expect(backoff.crashed(0, 1_000)).toEqual({ restart: true, attempt: 1, delayMs: 1_000 });
    expect(backoff.crashed(2_000, 1_000)).toEqual({ restart: true, attempt: 2, delayMs: 2_000 });
    expect(backoff.crashed(200_000, 190_000)).toEqual({ restart: true, attempt: 1, delayMs: 1_000 });
    expect(backoff.crashed(202_000, 1_000)).toEqual({ restart: true, attempt: 2, delayMs: 2_000 });
  });

  it('gives up at the fifth crash within two minutes, not when they are spread out', () => {
    const policy = { initialDelayMs: 1_000, maxDelayMs: 30_000, healthyAfterMs: 60_000, maxCrashes: 5, crashWindowMs: 120_000 };
    const quick = new RestartBackoff(policy);
    for (const t of [0, 2_000, 5_000, 10_000]) expect(quick.crashed(t, 500).restart).toBe(true);
    expect(quick.crashed(19_000, 500)).toEqual({ restart: false, crashes: 5 });

    const spread = new RestartBackoff(policy);
    for (let i = 0; i < 10; i++) expect(spread.crashed(i * 40_000, 39_000).restart).toBe(true);
  });
});

describe('humanDuration', () => {
  it('says seconds, minutes or milliseconds', () => {
    expect(humanDuration(1_000)).toBe('1 s');
    expect(humanDuration(2_000)).toBe('2 s');
    expect(humanDuration(1_500)).toBe('1.5 s');
    expect(humanDuration(120_000)).toBe('2 min');
    expect(humanDuration(90_000)).toBe('90 s');
    expect(humanDuration(250)).toBe('250 ms');
  });
});
