/** Timing and memory helpers for the benchmarks. */
import fs from 'node:fs';
import os from 'node:os';
import { execFileSync } from 'node:child_process';

export function median(values: number[]): number {
  return percentile(values, 50);
}

/** Nearest-rank percentile (p in 0..100) of the values. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1]!;
}

/** Milliseconds taken by fn. */
export async function timed<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const start = process.hrtime.bigint();
  const value = await fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

/** Peak resident memory (VmHWM) of a process in MB, from /proc; null when it cannot be read. */
export function peakRssMb(pid: number | 'self' = 'self'): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = /VmHWM:\s+(\d+) kB/.exec(status);
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

/** Resets this process's VmHWM to the current RSS (Linux ≥ 4.0), so the next peak is one step's own. */
export function resetPeak(): void {
  try {
    fs.writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    /* not Linux: peaks then include earlier steps */
  }
}

export function rssMb(): number {
  return Math.round(process.memoryUsage().rss / 1024 / 1024);
}

export interface MachineInfo {
  cpu: string;
  cores: number;
  ramGb: number;
  node: string;
  platform: string;
  date: string;
  /** 1, 5 and 15 minute load averages when the run started and ended: other work on the machine. */
  loadAtStart: number[];
  loadAtEnd?: number[];
  git: string | null;
}

export function machineInfo(): MachineInfo {
  let cpu = os.cpus()[0]?.model ?? 'unknown';
  try {
    const m = /model name\s*:\s*(.+)/.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) cpu = m[1]!.trim();
  } catch {
    /* not Linux */
  }
  let git: string | null;
  try {
    git = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    git = null;
  }
  return {
    cpu,
    cores: os.cpus().length,
    ramGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
    date: new Date().toISOString(),
    loadAtStart: os.loadavg().map((l) => Math.round(l * 100) / 100),
    git,
  };
}

/** One measured quantity: every run's time, the median (and p95 when asked), and the peak memory. */
export interface Measurement {
  key: string;
  label: string;
  runsMs: number[];
  medianMs: number;
  p95Ms?: number;
  /** Peak resident memory of the process doing the work, during these runs (MB). */
  peakRssMb: number | null;
  /** RSS of the measuring process before any work (Node and the modules), included in the peak. */
  workerBaselineRssMb?: number;
  detail?: Record<string, unknown>;
}

/** Runs fn `runs` times (after `warmup` unmeasured runs) with the peak memory reset first. */
export async function measure(
  key: string,
  label: string,
  runs: number,
  fn: (run: number) => Promise<number | void> | number | void,
  options: { warmup?: number; p95?: boolean; detail?: Record<string, unknown> } = {},
): Promise<Measurement> {
  for (let w = 0; w < (options.warmup ?? 0); w++) await fn(-1 - w);
  resetPeak();
  const runsMs: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = process.hrtime.bigint();
    const own = await fn(r);
    // fn may time only part of its work (e.g. excluding the copy of a fresh store): it returns that time.
    runsMs.push(typeof own === 'number' ? own : Number(process.hrtime.bigint() - start) / 1e6);
  }
  return {
    key,
    label,
    runsMs: runsMs.map((v) => Math.round(v * 100) / 100),
    medianMs: Math.round(median(runsMs) * 100) / 100,
    ...(options.p95 ? { p95Ms: Math.round(percentile(runsMs, 95) * 100) / 100 } : {}),
    peakRssMb: peakRssMb(),
    ...(options.detail ? { detail: options.detail } : {}),
  };
}
