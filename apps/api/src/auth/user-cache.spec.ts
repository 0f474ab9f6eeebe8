import type { UserIdentity } from '@dueflow/persistence';
import { ChangeFeed, UserCache } from './user-cache';

const identity = (id: string, roles: UserIdentity['roles'] = ['officer'], active = true): UserIdentity => ({ id, email: `${id}@x.io`, name: id, roles, active, locale: 'zh-CN' });

/** A change feed driven by the test: `notify(id)`, `drop()` the connection, `restore()` it. */
function feed() {
  const handlers: Array<(userId: string | null) => void> = [];
  let live = true;
  let listens = 0;
  const f: ChangeFeed & { notify(id: string | null): void; drop(): void; restore(): void; readonly listens: number } = {
    nextChangeOf: (userId) => {
      let cancel: () => void = () => undefined;
      const heard = new Promise<boolean>((resolve) => {
        const handler = (changed: string | null) => changed === userId && resolve(true);
        handlers.push(handler);
        cancel = () => resolve(false);
      });
      return { heard, cancel: () => cancel() };
    },
    get live() {
      return live;
    },
    get listens() {
      return listens;
    },
    listen: async () => void (listens += 1),
    onChange: (handler) => {
      handlers.push(handler);
      return () => undefined;
    },
    notify: (id) => handlers.forEach((h) => h(id)),
    drop: () => {
      live = false;
      handlers.forEach((h) => h(null));
    },
    restore: () => {
      live = true;
      handlers.forEach((h) => h(null));
    },
  };
  return f;
}

describe('UserCache', () => {
  it('reads a user once while the feed is live, and again after their change is notified', async () => {
    const stored = new Map([['a', identity('a')]]);
    let reads = 0;
    const changes = feed();
    const cache = new UserCache(async (id) => (reads++, stored.get(id) ?? null), changes);
    expect((await cache.get('a'))?.roles).toEqual(['officer']);
    expect((await cache.get('a'))?.roles).toEqual(['officer']);
    expect(reads).toBe(1);
    stored.set('a', identity('a', ['manager']));
    changes.notify('a');
    expect((await cache.get('a'))?.roles).toEqual(['manager']);
    expect(reads).toBe(2);
  });

  it('keeps nothing while the feed is down, asks it to reconnect at most once a second, and starts empty when it is back', async () => {
    let now = 0;
    let reads = 0;
    const changes = feed();
    const cache = new UserCache(async (id) => (reads++, identity(id)), changes, { now: () => now });
    await cache.get('a');
    changes.drop();
    expect(cache.size).toBe(0);
    await cache.get('a');
    await cache.get('a');
    expect(reads).toBe(3);
    expect(changes.listens).toBe(1);
    now += 1_000;
    await cache.get('a');
    expect(changes.listens).toBe(2);
    changes.restore();
    await cache.get('a');
    await cache.get('a');
    expect(reads).toBe(5);
  });

  it('answers a write once its own change has come back through the feed (so every instance has heard it)', async () => {
    const changes = feed();
    const cache = new UserCache(async (id) => identity(id), changes);
    await cache.get('a');
    let answered = false;
    const write = cache.propagate('a', async () => 'written').then((result) => ((answered = true), result));
    await new Promise((r) => setTimeout(r, 20));
    expect(answered).toBe(false);
    expect(cache.size).toBe(0);
    changes.notify('a');
    expect(await write).toBe('written');
    // A write that changed nothing does not wait for a notification that will never come.
    expect(await cache.propagate('a', async () => 0, (n) => n > 0)).toBe(0);
  });

  it('does not keep a read that a change overlapped (it may predate the change)', async () => {
    const changes = feed();
    let release!: () => void;
    const cache = new UserCache(
      (id) =>
        new Promise<UserIdentity>((resolve) => {
          release = () => resolve(identity(id));
        }),
      changes,
    );
    const pending = cache.get('a');
    changes.notify('a');
    release();
    await pending;
    expect(cache.size).toBe(0);
  });

  it('caches unknown users not at all, deactivated users as such, and nothing past its age or capacity', async () => {
    let now = 0;
    const changes = feed();
    const cache = new UserCache(async (id) => (id === 'ghost' ? null : identity(id, ['reviewer'], id !== 'gone')), changes, { capacity: 2, maxAgeMs: 1_000, now: () => now });
    expect(await cache.get('ghost')).toBeNull();
    expect((await cache.get('gone'))?.active).toBe(false);
    await cache.get('b');
    await cache.get('c');
    expect(cache.size).toBe(2);
    now += 1_000;
    let reread = false;
    const aged = new UserCache(async (id) => ((reread = true), identity(id)), changes, { maxAgeMs: 1_000, now: () => now });
    await aged.get('x');
    reread = false;
    now += 999;
    await aged.get('x');
    expect(reread).toBe(false);
    now += 1;
    await aged.get('x');
    expect(reread).toBe(true);
  });
});
