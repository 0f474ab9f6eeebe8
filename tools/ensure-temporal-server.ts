/** `node dist/tools/ensure-temporal-server.js`: finds the Temporal server and its SQL tool, or builds both once into the cache; prints their paths. */
import { TEMPORAL_SERVER_VERSION, ensureTemporalServer } from '@dueflow/stack';

ensureTemporalServer()
  .then((binaries) => process.stdout.write(`${binaries.server}\n${binaries.sqlTool}\nTemporal server ${TEMPORAL_SERVER_VERSION}\n`))
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
