import { z } from 'zod';
import { TERMS } from '../domain/vocabulary';
import { id, isoDate, optionalDate, optionalText, version } from './common';

/** Change a hub meeting: its date, term, format, notes, and when its dates were submitted. */
export const updateMeetingSchema = z.strictObject({
  meetingId: id,
  version,
  date: isoDate,
  term: z.enum(TERMS, { error: 'choose autumn, spring or summer' }),
  format: optionalText(60, 'the format'),
  notes: optionalText(5000, 'the notes'),
  submittedOn: optionalDate,
});
export type UpdateMeetingInput = z.input<typeof updateMeetingSchema>;

/** The attendance of each school at one meeting (schools left out are not recorded). */
export const meetingAttendanceSchema = z
  .strictObject({
    meetingId: id,
    version,
    schools: z
      .array(
        z.strictObject({
          schoolId: id,
          attended: z.boolean({ error: 'say whether the school attended' }),
          representative: optionalText(120, 'the representative').optional(),
        }),
      )
      .max(200, 'a hub has at most 200 schools'),
  })
  .superRefine((r, ctx) => {
    const seen = new Set<number>();
    r.schools.forEach((s, i) => {
      if (seen.has(s.schoolId)) ctx.addIssue({ code: 'custom', path: ['schools', i, 'schoolId'], message: 'this school is listed twice' });
      seen.add(s.schoolId);
    });
  });
export type MeetingAttendanceInput = z.input<typeof meetingAttendanceSchema>;

/** A new meeting date for a hub's year. */
export const addMeetingSchema = z.strictObject({
  hubId: id,
  year: z.string().regex(/^\d{4}\/\d{2}$/, 'must look like 2025/26'),
  date: isoDate,
  term: z.enum(TERMS, { error: 'choose autumn, spring or summer' }),
  format: optionalText(60, 'the format'),
});
export type AddMeetingInput = z.input<typeof addMeetingSchema>;
