/** Session lifetime and login back-off; defaults follow common GCP/Part 11 practice. */
export interface SessionPolicy {
  /** A session unused this long expires. */
  readonly idleMinutes: number;
  /** A session expires this long after login, however active. */
  readonly absoluteHours: number;
  /** Consecutive failed logins before the account locks. */
  readonly lockoutThreshold: number;
  /** First lock duration; each further failure doubles it, up to `maxLockMinutes`. */
  readonly lockMinutes: number;
  readonly maxLockMinutes: number;
  /** A re-authentication (e-signature) is valid this long. */
  readonly reauthValidMinutes: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = {
  idleMinutes: 30,
  absoluteHours: 12,
  lockoutThreshold: 5,
  lockMinutes: 15,
  maxLockMinutes: 24 * 60,
  reauthValidMinutes: 5,
};

const MINUTE = 60_000;

export function idleDeadline(policy: SessionPolicy, lastSeen: Date): Date {
  return new Date(lastSeen.getTime() + policy.idleMinutes * MINUTE);
}

export function absoluteDeadline(policy: SessionPolicy, createdAt: Date): Date {
  return new Date(createdAt.getTime() + policy.absoluteHours * 60 * MINUTE);
}

/** When the account locks after `failures` consecutive failed logins (null: not locked). */
export function lockUntil(policy: SessionPolicy, failures: number, now: Date): Date | null {
  if (failures < policy.lockoutThreshold) {
    return null;
  }
  const minutes = Math.min(
    policy.lockMinutes * 2 ** (failures - policy.lockoutThreshold),
    policy.maxLockMinutes,
  );
  return new Date(now.getTime() + minutes * MINUTE);
}
