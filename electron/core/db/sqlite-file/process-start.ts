import fs from 'node:fs';
import { execFileSync } from 'node:child_process';

/**
 * When a process started, in milliseconds since 1970, or null when that cannot be told (the process
 * is gone, or the system does not say). A process id alone does not name a process: ids are reused,
 * so a lock names its holder by id *and* start time.
 */
export type StartTimeReader = (pid: number) => number | null;

/** Linux: the start time in clock ticks after boot (/proc/PID/stat, field 22) plus the boot time (/proc/stat btime). */
export function linuxStartTime(pid: number, read: (file: string) => string = (f) => fs.readFileSync(f, 'utf8')): number | null {
  try {
    const stat = read(`/proc/${pid}/stat`);
    // The command name (field 2) is in parentheses and may itself hold spaces or parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[19]);
    const btime = /^btime (\d+)$/m.exec(read('/proc/stat'));
    if (!Number.isFinite(ticks) || !btime) return null;
    // USER_HZ is 100 on every Linux that hubdesk runs on (the kernel's ABI fixes it for /proc).
    return Number(btime[1]) * 1000 + ticks * 10;
  } catch {
    return null;
  }
}

/** macOS (and other BSDs): `ps -o lstart=` prints the start time to the second, e.g. "Mon Nov 23 09:00:00 2026". */
export function parsePsStart(text: string): number | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const ms = Date.parse(trimmed);
  return Number.isNaN(ms) ? null : ms;
}

/** Windows: PowerShell prints the process's start time as an ISO timestamp. */
export function parseWindowsStart(text: string): number | null {
  const ms = Date.parse(text.trim());
  return Number.isNaN(ms) ? null : ms;
}

function run(command: string, args: string[]): string | null {
  try {
    return execFileSync(command, args, { encoding: 'utf8', timeout: 5000, stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, LC_ALL: 'C', LANG: 'C' } });
  } catch {
    return null;
  }
}

export function processStartTime(pid: number, platform: NodeJS.Platform = process.platform): number | null {
  if (!Number.isInteger(pid) || pid <= 0) return null;
  if (platform === 'linux') return linuxStartTime(pid);
  if (platform === 'win32') {
    const out = run('powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', `(Get-Process -Id ${pid}).StartTime.ToUniversalTime().ToString('o')`]);
    return out === null ? null : parseWindowsStart(out);
  }
  const out = run('ps', ['-o', 'lstart=', '-p', String(pid)]);
  return out === null ? null : parsePsStart(out);
}

/** This process's start time: as the system tells it, else from Node's own uptime. */
export function ownStartTime(): number {
  return processStartTime(process.pid) ?? Math.round(Date.now() - process.uptime() * 1000);
}

/** Whether a process with this id exists (a process of another user counts). */
export function processExists(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
