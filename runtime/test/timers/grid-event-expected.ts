/**
 * Hand-computed escalation moments for the grid-event workflow (definitions/workflows/grid-event.json),
 * on the cn-mainland 2026 calendar (definitions/calendars/cn-mainland.json): working hours 09:00-12:00 and
 * 13:30-17:30 (7 h a working day), Asia/Shanghai.
 *
 * The `handle` task: immediate = PT30M and sameDay = PT24H are calendar time (holidays do not matter);
 * deadline = 3 working days = 21 working hours (ADR 0002). Its ladder: warn at 0.75, breach at 1, notify
 * supervisors at 1, escalate at 1.5, each a fraction of the SLA in the SLA's own measure, so for
 * `deadline` warn = 15.75 h, breach = notify = 21 h, escalate = 31.5 h of working time after the report
 * (started outside working hours, counting starts at the next working period; a moment that lands exactly
 * on the end of a period stays there, e.g. 12:00).
 *
 * The 2026 days these cases cross (from the calendar file):
 *   Spring Festival: Sat 02-14 make-up working day, 02-15 (Sun) .. 02-23 (Mon) holiday.
 *   Mid-Autumn:      Sun 09-20 make-up working day, 09-25 (Fri) .. 09-27 (Sun) holiday.
 *   National Day:    10-01 (Thu) .. 10-07 (Wed) holiday, Sat 10-10 make-up working day, Sun 10-11 off.
 *
 * Computed by hand from the calendar data and the rules, not by the engine.
 */

export interface ExpectedEscalation {
  urgency: string | undefined;
  reportedAt: string;
  warn: string;
  breach: string;
  notify: string;
  escalate: string;
  why: string;
}

export const gridEventExpected: ExpectedEscalation[] = [
  {
    urgency: 'deadline',
    reportedAt: '2026-09-30T15:00:00+08:00',
    warn: '2026-10-09T16:45:00+08:00',
    breach: '2026-10-10T15:00:00+08:00',
    notify: '2026-10-10T15:00:00+08:00',
    escalate: '2026-10-13T10:00:00+08:00',
    why:
      'Wed 09-30 15:00-17:30 = 2.5 h; 10-01..10-07 National Day skipped; Thu 10-08 +7 = 9.5; Fri 10-09 ' +
      '+3 (morning) +3.25 from 13:30 = 15.75 -> warn 16:45; Fri ends at 16.5, make-up Sat 10-10 +3 +1.5 = 21 ' +
      '-> breach/notify 15:00; Sat ends at 23.5, Sun 10-11 off, Mon 10-12 +7 = 30.5, Tue 10-13 +1 = 31.5 -> ' +
      'escalate 10:00',
  },
  {
    urgency: 'deadline',
    reportedAt: '2026-10-03T10:00:00+08:00',
    warn: '2026-10-10T10:45:00+08:00',
    breach: '2026-10-10T17:30:00+08:00',
    notify: '2026-10-10T17:30:00+08:00',
    escalate: '2026-10-13T14:00:00+08:00',
    why:
      'Reported on a National Day holiday: clock starts Thu 10-08 09:00; 10-08 = 7, Fri 10-09 = 14, make-up ' +
      'Sat 10-10 +1.75 = 15.75 -> warn 10:45, end of Sat 10-10 = 21 -> breach/notify 17:30 (end of the 3rd ' +
      'working day); Sun 10-11 off, Mon 10-12 = 28, Tue 10-13 +3 +0.5 = 31.5 -> escalate 14:00',
  },
  {
    urgency: 'deadline',
    reportedAt: '2026-09-24T19:30:00+08:00',
    warn: '2026-09-30T10:45:00+08:00',
    breach: '2026-09-30T17:30:00+08:00',
    notify: '2026-09-30T17:30:00+08:00',
    escalate: '2026-10-09T14:00:00+08:00',
    why:
      'Thu 09-24 evening: 09-25..09-27 Mid-Autumn skipped, clock starts Mon 09-28 09:00; 09-28 = 7, 09-29 = 14, ' +
      'Wed 09-30 +1.75 = 15.75 -> warn 10:45, end of 09-30 = 21 -> breach/notify 17:30; 10-01..10-07 ' +
      'National Day skipped, Thu 10-08 = 28, Fri 10-09 +3 +0.5 = 31.5 -> escalate 14:00',
  },
  {
    urgency: 'deadline',
    reportedAt: '2026-09-23T12:30:00+08:00',
    warn: '2026-09-28T15:15:00+08:00',
    breach: '2026-09-29T12:00:00+08:00',
    notify: '2026-09-29T12:00:00+08:00',
    escalate: '2026-09-30T17:00:00+08:00',
    why:
      'Wed 09-23 lunch break: counting starts 13:30, 13:30-17:30 = 4; Thu 09-24 = 11; 09-25..09-27 Mid-Autumn ' +
      'skipped; Mon 09-28 +3 +1.75 = 15.75 -> warn 15:15, 09-28 ends at 18; Tue 09-29 +3 = 21 -> ' +
      'breach/notify 12:00 (stays at the end of the morning period); 09-29 ends at 25, Wed 09-30 +3 +3.5 = ' +
      '31.5 -> escalate 17:00',
  },
  {
    urgency: 'deadline',
    reportedAt: '2026-09-20T16:00:00+08:00',
    warn: '2026-09-23T09:15:00+08:00',
    breach: '2026-09-23T16:00:00+08:00',
    notify: '2026-09-23T16:00:00+08:00',
    escalate: '2026-09-28T11:00:00+08:00',
    why:
      'Reported on the Sun 09-20 make-up working day: 16:00-17:30 = 1.5; Mon 09-21 = 8.5, Tue 09-22 = 15.5, ' +
      'Wed 09-23 +0.25 = 15.75 -> warn 09:15, +3 +2.5 = 21 -> breach/notify 16:00, 09-23 ends at 22.5; ' +
      'Thu 09-24 = 29.5; 09-25..09-27 Mid-Autumn skipped; Mon 09-28 +2 = 31.5 -> escalate 11:00',
  },
  {
    urgency: 'deadline',
    reportedAt: '2026-02-13T16:00:00+08:00',
    warn: '2026-02-25T09:15:00+08:00',
    breach: '2026-02-25T16:00:00+08:00',
    notify: '2026-02-25T16:00:00+08:00',
    escalate: '2026-02-27T11:00:00+08:00',
    why:
      'Fri 02-13 16:00-17:30 = 1.5; make-up Sat 02-14 = 8.5; 02-15..02-23 Spring Festival skipped; Tue 02-24 ' +
      '= 15.5; Wed 02-25 +0.25 = 15.75 -> warn 09:15, +3 +2.5 = 21 -> breach/notify 16:00, 02-25 ends at ' +
      '22.5; Thu 02-26 = 29.5; Fri 02-27 +2 = 31.5 -> escalate 11:00',
  },
  {
    urgency: 'sameDay',
    reportedAt: '2026-10-02T14:20:00+08:00',
    warn: '2026-10-03T08:20:00+08:00',
    breach: '2026-10-03T14:20:00+08:00',
    notify: '2026-10-03T14:20:00+08:00',
    escalate: '2026-10-04T02:20:00+08:00',
    why:
      'PT24H is calendar time, the National Day holiday does not stop it: warn = +18 h, breach/notify = ' +
      '+24 h, escalate = +36 h from 10-02 14:20',
  },
  {
    urgency: 'immediate',
    reportedAt: '2026-10-01T23:50:00+08:00',
    warn: '2026-10-02T00:12:30+08:00',
    breach: '2026-10-02T00:20:00+08:00',
    notify: '2026-10-02T00:20:00+08:00',
    escalate: '2026-10-02T00:35:00+08:00',
    why:
      'PT30M calendar time across midnight on a holiday: warn = +22.5 min, breach/notify = +30 min, ' +
      'escalate = +45 min',
  },
  {
    urgency: 'immediate',
    reportedAt: '2026-09-30T17:20:00+08:00',
    warn: '2026-09-30T17:42:30+08:00',
    breach: '2026-09-30T17:50:00+08:00',
    notify: '2026-09-30T17:50:00+08:00',
    escalate: '2026-09-30T18:05:00+08:00',
    why:
      'PT30M calendar time runs past the 17:30 end of the working day: warn = +22.5 min, breach/notify = ' +
      '+30 min, escalate = +45 min',
  },
  {
    urgency: undefined,
    reportedAt: '2026-10-10T11:00:00+08:00',
    warn: '2026-10-13T14:15:00+08:00',
    breach: '2026-10-14T11:00:00+08:00',
    notify: '2026-10-14T11:00:00+08:00',
    escalate: '2026-10-15T16:00:00+08:00',
    why:
      'No urgency: `otherwise` = deadline (3 working days). Make-up Sat 10-10 11:00-12:00 +13:30-17:30 = 5; ' +
      'Sun 10-11 off; Mon 10-12 = 12; Tue 10-13 +3 +0.75 = 15.75 -> warn 14:15, 10-13 ends at 19; ' +
      'Wed 10-14 +2 = 21 -> breach/notify 11:00; 10-14 ends at 26; Thu 10-15 +3 +2.5 = 31.5 -> escalate 16:00',
  },
];

/** The `verify` task: 4 working hours with the default ladder (warn at 0.75 = 3 h, breach at 1 = 4 h). */
export const verifyExpected: { startedAt: string; warn: string; breach: string; why: string }[] = [
  {
    startedAt: '2026-09-30T17:00:00+08:00',
    warn: '2026-10-08T11:30:00+08:00',
    breach: '2026-10-08T14:00:00+08:00',
    why:
      'Wed 09-30 17:00-17:30 = 0.5 h (end of day); 10-01..10-07 National Day skipped; Thu 10-08 +2.5 = 3 -> ' +
      'warn 11:30; +0.5 (to 12:00), lunch 12:00-13:30 skipped, +0.5 = 4 -> breach 14:00',
  },
  {
    startedAt: '2026-10-10T15:00:00+08:00',
    warn: '2026-10-12T09:30:00+08:00',
    breach: '2026-10-12T10:30:00+08:00',
    why:
      'Started on the make-up Sat 10-10: 15:00-17:30 = 2.5 h; Sun 10-11 off; Mon 10-12 +0.5 = 3 -> warn ' +
      '09:30, +1.5 = 4 -> breach 10:30',
  },
  {
    startedAt: '2026-09-20T08:00:00+08:00',
    warn: '2026-09-20T12:00:00+08:00',
    breach: '2026-09-20T14:30:00+08:00',
    why:
      'Before hours on the make-up Sun 09-20: counting starts 09:00; 09:00-12:00 = 3 -> warn 12:00 (stays at ' +
      'the end of the period); lunch skipped, 13:30-14:30 = 4 -> breach 14:30',
  },
];
