/**
 * How long sessions last and how wrong passwords are slowed down. Pure rules; the store and the
 * server apply them with the injected clock.
 */
export interface SessionPolicy {
  /** A session unused for this long has ended. */
  idleMs: number;
  /** A session ends this long after sign-in, however active. */
  absoluteMs: number;
  /** `last_seen_at` is written at most this often (a write per request would churn the store). */
  touchEveryMs: number;
}

const MINUTE = 60_000;

export const DEFAULT_SESSION_POLICY: SessionPolicy = {
  idleMs: 60 * MINUTE,
  absoluteMs: 12 * 60 * MINUTE,
  touchEveryMs: MINUTE,
};

/** Wrong passwords in a row that are free; the next one locks the email. */
export const FREE_FAILURES = 5;
const FIRST_LOCK_MS = MINUTE;
const LONGEST_LOCK_MS = 60 * MINUTE;
/** Failures older than this are forgotten: a typo last week does not count towards today's lockout. */
export const FAILURES_FORGOTTEN_AFTER_MS = 24 * 60 * MINUTE;

/**
 * How long an email is locked after its `failures`-th wrong password in a row: nothing for the
 * first five, then one minute, doubling with each further failure (2, 4, 8… minutes) up to an hour.
 */
export function lockoutAfter(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  const doublings = Math.min(failures - FREE_FAILURES, 10);
  return Math.min(FIRST_LOCK_MS * 2 ** doublings, LONGEST_LOCK_MS);
}

/** Whether a session seen at lastSeen and created at created has ended at now. */
export function sessionEnded(policy: SessionPolicy, session: { createdAt: Date; lastSeenAt: Date; expiresAt: Date }, now: Date): boolean {
  return now.getTime() >= session.expiresAt.getTime() || now.getTime() - session.lastSeenAt.getTime() >= policy.idleMs;
}
