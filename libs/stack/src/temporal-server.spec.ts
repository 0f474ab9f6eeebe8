import { freeTemporalServerPorts, temporalPostgresFromUrl, temporalServerConfig, TemporalServerPorts } from './temporal-server';

const ports: TemporalServerPorts = {
  frontend: 21001,
  frontendMembership: 21002,
  frontendHttp: 21003,
  history: 21004,
  historyMembership: 21005,
  matching: 21006,
  matchingMembership: 21007,
  worker: 21008,
  workerMembership: 21009,
};

describe('the Temporal server config', () => {
  const yaml = temporalServerConfig({
    postgres: { host: '127.0.0.1', port: 54329, user: 'postgres', password: 'p"w\\d' },
    shards: 4,
    ports,
    dynamicConfigFile: '/tmp/x/dynamic.yaml',
  });

  it('puts both stores on PostgreSQL 12+ with the shard count', () => {
    expect(yaml).toContain('numHistoryShards: 4');
    expect(yaml.match(/pluginName: "postgres12"/g)).toHaveLength(2);
    expect(yaml).toContain('databaseName: "temporal"');
    expect(yaml).toContain('databaseName: "temporal_visibility"');
    expect(yaml).toContain('connectAddr: "127.0.0.1:54329"');
  });

  it('quotes the password as a YAML double-quoted scalar', () => {
    expect(yaml).toContain('password: "p\\"w\\\\d"');
  });

  it('binds every service to 127.0.0.1 on its own ports and points the cluster at the frontend', () => {
    expect(yaml.match(/bindOnIP: "127.0.0.1"/g)).toHaveLength(4);
    for (const port of Object.values(ports)) expect(yaml).toContain(String(port));
    expect(yaml).toContain('rpcAddress: "127.0.0.1:21001"');
    expect(yaml).toContain('filepath: "/tmp/x/dynamic.yaml"');
  });

  it('uses two-space indentation only (YAML forbids tabs)', () => {
    expect(yaml).not.toMatch(/\t/);
    for (const line of yaml.split('\n')) expect((/^ */.exec(line)![0].length) % 2).toBe(0);
  });
});

describe('free ports for the server', () => {
  it('are nine distinct ports below 32768 (membership ports live in a smallint column)', async () => {
    const picked = Object.values(await freeTemporalServerPorts());
    expect(new Set(picked).size).toBe(9);
    for (const port of picked) expect(port).toBeLessThan(32768);
  });
});

describe('temporalPostgresFromUrl', () => {
  it('reads host, port, user and an encoded password', () => {
    expect(temporalPostgresFromUrl('postgres://dueflow:p%40ss@db.local:6543')).toEqual({ host: 'db.local', port: 6543, user: 'dueflow', password: 'p@ss' });
    expect(temporalPostgresFromUrl('postgres://u@127.0.0.1').port).toBe(5432);
  });
});
