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

/** How wrong passwords are slowed down, for one email or one client address. */
export interface LockoutRule {
  /** The failure that first locks (the ones before it are free). */
  locksAt: number;
  /** The first lock; each further failure doubles it… */
  firstLockMs: number;
  /** …up to this. */
  longestLockMs: number;
  /** Failures are forgotten when the last one is older than this: a typo last week does not count towards today's lockout. */
  forgottenAfterMs: number;
}

/** Per email: the fifth wrong password in a row locks it for a minute, each further one doubles that, up to an hour. */
export const EMAIL_LOCKOUT: LockoutRule = { locksAt: 5, firstLockMs: MINUTE, longestLockMs: 60 * MINUTE, forgottenAfterMs: 24 * 60 * MINUTE };

/**
 * Per client address, across every email: enough for an office behind one address to mistype
 * (twenty wrong passwords a day), too few for one address to try a couple of passwords against each
 * of many emails. A success does not reset it (whoever holds one account could otherwise reset it at
 * will); a day without failures does.
 */
export const ADDRESS_LOCKOUT: LockoutRule = { locksAt: 20, firstLockMs: MINUTE, longestLockMs: 60 * MINUTE, forgottenAfterMs: 24 * 60 * MINUTE };

/** Wrong passwords in a row for an email that are free; the next one locks the email. */
export const FREE_FAILURES = EMAIL_LOCKOUT.locksAt;
export const FAILURES_FORGOTTEN_AFTER_MS = EMAIL_LOCKOUT.forgottenAfterMs;

/**
 * How long an email (or address) is locked after its `failures`-th wrong password: nothing before
 * `locksAt`, then the first lock, doubling with each further failure up to the longest.
 */
export function lockoutFor(rule: LockoutRule, failures: number): number {
  if (failures < rule.locksAt) return 0;
  const doublings = Math.min(failures - rule.locksAt, 30);
  return Math.min(rule.firstLockMs * 2 ** doublings, rule.longestLockMs);
}

/** Whether a session seen at lastSeen and created at created has ended at now. */
export function sessionEnded(policy: SessionPolicy, session: { createdAt: Date; lastSeenAt: Date; expiresAt: Date }, now: Date): boolean {
  return now.getTime() >= session.expiresAt.getTime() || now.getTime() - session.lastSeenAt.getTime() >= policy.idleMs;
}

/** How long an email is locked after its `failures`-th wrong password in a row. */
export function lockoutAfter(failures: number): number {
  return lockoutFor(EMAIL_LOCKOUT, failures);
}
