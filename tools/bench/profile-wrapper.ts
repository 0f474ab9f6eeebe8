/**
 * `--profile`: runs a compiled entry point (BENCH_PROFILE_SCRIPT) with the V8 CPU profiler at
 * hand. Each SIGWINCH toggles it: the first starts a profile, the next writes it to
 * `BENCH_PROFILE_OUT-<n>.cpuprofile`; so the bench profiles exactly its timed runs. (Not SIGUSR2:
 * Nest's shutdown hooks close the app on that one.) Node refuses --cpu-prof in NODE_OPTIONS, and
 * the services are started as `node <script>`, hence this wrapper.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';

const script = process.env['BENCH_PROFILE_SCRIPT'];
const out = process.env['BENCH_PROFILE_OUT'];
if (!script || !out) throw new Error('BENCH_PROFILE_SCRIPT and BENCH_PROFILE_OUT are required');

const session = new Session();
session.connect();
session.post('Profiler.enable');
session.post('Profiler.setSamplingInterval', { interval: 500 });
let running = false;
let written = 0;

// A session on this thread answers synchronously, so this also works inside the exit handler.
function stop(): void {
  if (!running) return;
  running = false;
  session.post('Profiler.stop', (error, result) => {
    if (!error) writeFileSync(`${out}-${++written}.cpuprofile`, JSON.stringify(result.profile));
  });
}

process.on('SIGWINCH', () => {
  if (running) stop();
  else {
    session.post('Profiler.start');
    running = true;
  }
});
process.on('exit', stop);
// eslint-disable-next-line @typescript-eslint/no-require-imports
require(script);
