/**
 * `node dist/tools/migrate.js`: applies pending TypeORM migrations to DATABASE_URL, then exits.
 * Production runs it once per release before any api or worker starts (the `migrate` job in
 * docker/compose.yml), so several api/worker replicas never race each other to migrate.
 * With DUEFLOW_SEED_DEMO_ACCOUNTS=true it also creates the demo accounts (only those missing).
 */
import { z } from 'zod';
import { DEFAULT_DEMO_PASSWORD, createDataSource, runMigrations, seedDemoAccounts } from '@dueflow/persistence';
import { stderrLog as log } from '@dueflow/stack';

const env = z
  .object({
    DATABASE_URL: z.string().url(),
    DUEFLOW_SEED_DEMO_ACCOUNTS: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['true', 'false']).default('false')),
    DUEFLOW_DEMO_PASSWORD: z.string().min(8).default(DEFAULT_DEMO_PASSWORD),
  })
  .parse(process.env);

async function main(): Promise<void> {
  const applied = await runMigrations(env.DATABASE_URL);
  log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Database schema is up to date');
  if (env.DUEFLOW_SEED_DEMO_ACCOUNTS === 'true') {
    const dataSource = await createDataSource({ url: env.DATABASE_URL, poolSize: 1, applicationName: 'dueflow-migrate' }).initialize();
    try {
      const { created } = await seedDemoAccounts(dataSource, env.DUEFLOW_DEMO_PASSWORD);
      log(created.length ? `Seeded ${created.length} demo accounts` : 'Demo accounts already exist');
    } finally {
      await dataSource.destroy();
    }
  }
}

main().catch((error: unknown) => {
  log(`migration failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
