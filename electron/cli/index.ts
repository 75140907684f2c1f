import { runCli } from './run';
import { quietOnBrokenPipe } from './broken-pipe';

// `hubdesk hubs | head -1`: once the reader has gone, output is dropped and the command ends quietly.
const stdout = quietOnBrokenPipe(process.stdout);
const stderr = quietOnBrokenPipe(process.stderr);

runCli(process.argv.slice(2), {
  out: (text) => stdout.write(`${text}\n`),
  err: (text) => stderr.write(`${text}\n`),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    stderr.write(`hubdesk failed: ${(error as Error).message}\n`);
    process.exitCode = 1;
  },
);
