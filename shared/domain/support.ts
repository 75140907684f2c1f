/**
 * Support requests: what a school asked for support on, who it was brokered to and its status. The
 * termly catch-up call covers which schools requested support. Pure rules shared by the dashboards,
 * the call pack and the screens.
 */

/** A request that still needs someone's attention: not yet done or declined. */
export const OPEN_SUPPORT_STATUSES = ['open', 'brokered', 'in progress'] as const;

export function isSupportOpen(status: string): boolean {
  return (OPEN_SUPPORT_STATUSES as readonly string[]).includes(status);
}

/** Who a request was brokered to, as a person reads it: the member school, or the free text, or null. */
export function brokeredToLabel(r: { brokeredToSchool: string | null; brokeredTo: string | null }): string | null {
  return r.brokeredToSchool ?? r.brokeredTo ?? null;
}

/**
 * **Decision**: a call pack lists the hub's requests made on or before its as-at day that are still
 * open, and those closed or changed since the window opened (so a request done since the last call is
 * reported once, then drops out). `changedSince`: its last change falls in the pack's window.
 */
export function inCallPack(r: { requestedOn: string; status: string; changedSince: boolean }, window: { until: string }): boolean {
  if (r.requestedOn > window.until) return false;
  return isSupportOpen(r.status) || r.changedSince;
}
