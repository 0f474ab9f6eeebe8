/** `npm run temporal:cli`: finds the Temporal CLI, or builds it once into the cache; prints its path. */
import { ensureTemporalCli, temporalCliVersion } from '@dueflow/stack';

ensureTemporalCli()
  .then((binary) => process.stdout.write(`${binary}\n${temporalCliVersion(binary)}\n`))
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
