/**
 * Paying a claim past a check, with finance's reason: the core refuses a payment beyond the total
 * available, or before the release conditions hold, and names which; the form then asks for that
 * reason and sends it with the payment.
 */
const OVER_RELEASE = /To pay it anyway, override with a reason\.$/;
const RELEASE_GATE = /To pay this claim anyway, give a reason\.$/;

export type Reasons = { release?: string; over?: string };

export const REASON_LABELS: Record<keyof Reasons, string> = {
  release: 'Reason to pay before the release conditions hold (kept with the claim)',
  over: 'Reason to pay beyond the total available (audited)',
};

/** Which override the core's refusal asks for, if any. */
export function overrideKind(error: string | null): keyof Reasons | null {
  if (error === null) return null;
  return RELEASE_GATE.test(error) ? 'release' : OVER_RELEASE.test(error) ? 'over' : null;
}

/** The request fields that carry the reasons given so far. */
export function overrideFields(r: Reasons) {
  return {
    ...(r.release ? { releaseOverride: true as const, releaseOverrideReason: r.release } : {}),
    ...(r.over ? { override: true as const, overrideReason: r.over } : {}),
  };
}
