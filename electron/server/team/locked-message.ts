import { londonDayTime, ukDateOf, ukDateShown } from '@shared/uk-date';

/**
 * What a person told "locked" reads: when to try again, as a UK time of day (the next whole minute,
 * so trying at that minute works), with the day when it is not today, and how long that is; and
 * whether the email or the network address it came from is locked.
 */
export function lockedMessage(until: Date, now: Date, by: 'email' | 'address' = 'email'): string {
  const minute = 60_000;
  const at = new Date(Math.ceil(until.getTime() / minute) * minute);
  const { day, time } = londonDayTime(at.toISOString());
  const when = day === ukDateOf(now) ? time : `${time} on ${ukDateShown(day)}`;
  const minutes = Math.max(1, Math.ceil((at.getTime() - now.getTime()) / minute));
  return `Too many wrong passwords ${by === 'email' ? 'for this email' : 'from your network address'}: try again at ${when} (UK time), in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
}
