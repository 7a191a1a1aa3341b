/** The source of "now" for domain code. Core never reads the system clock itself. */
export interface Clock {
  now(): Date;
}

/** A clock frozen at one instant: for tests and for replaying a computation. */
export function fixedClock(at: Date | string): Clock {
  const instant = new Date(at);
  return { now: () => new Date(instant) };
}
