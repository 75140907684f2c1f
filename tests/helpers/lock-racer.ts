/**
 * One racer of the lock race test (bundled by the test, run as a plain Node child): says "ready",
 * waits for "go" on stdin (all racers get it at the same moment), tries to take the lock, says
 * "held" or "refused: …", and keeps a lock it holds until stdin closes.
 */
import { acquireLock } from '../../electron/core/db/sqlite-file/lock';

const databaseFile = process.argv[2]!;
process.stdout.write('ready\n');
process.stdin.once('data', () => {
  try {
    const lock = acquireLock(databaseFile, `racer ${process.pid}`);
    process.stdout.write('held\n');
    process.stdin.once('end', () => {
      lock.release();
      process.exit(0);
    });
    process.stdin.resume();
  } catch (error) {
    process.stdout.write(`refused: ${(error as Error).message}\n`);
    process.exit(0);
  }
});
