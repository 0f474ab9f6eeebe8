import { createApiApp } from './app.factory';
import { loadApiConfig } from './config';

async function main(): Promise<void> {
  const config = loadApiConfig();
  const app = await createApiApp(config);
  await app.listen(config.PORT, config.HOST);
}

main().catch((error: unknown) => {
  process.stderr.write(`dueflow api failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
