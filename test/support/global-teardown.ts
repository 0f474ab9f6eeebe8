import { dropDatabase } from '@dueflow/stack';
import { loadStackInfo, removeWorkDir } from './test-stack';

export default async function globalTeardown(): Promise<void> {
  const info = loadStackInfo();
  const services = globalThis.__dueflowTestServices;
  await services?.mailpit?.stop();
  await services?.temporal.stop();
  if (services?.postgres) await services.postgres.stop();
  else await dropDatabase(info.serverUrl, info.database).catch(() => undefined);
  removeWorkDir(info.workDir);
}
