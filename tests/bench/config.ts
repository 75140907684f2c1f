/** What the runner hands each step (as JSON to a worker process). */
export interface BenchConfig {
  n: number;
  h: number;
  runs: number;
  workDir: string;
  /** Data folder holding the benchmark network (never written by a step: writers copy it). */
  baseStore: string;
  /** The same network's funding data at N/4 schools in H/4 hubs. */
  quarterStore: string;
  rollFile: string;
  ofstedFile: string;
  /** GIAS's all-establishment extract: every network school and as many others, 120 columns, Windows-1252. */
  giasFile: string;
  /** The team load step: how long the simulated people work (default 120 s) and how many (default 15). */
  loadSeconds?: number;
  loadPeople?: number;
}
