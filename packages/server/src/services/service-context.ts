import type { Clock, Principal } from '@celltrial/core';
import type { Executor } from '@celltrial/db';

/** The ports a service may use: the database and the clock. */
export interface ServiceDeps {
  readonly db: Executor;
  readonly clock: Clock;
}

/** Who is acting, for permission checks and the audit trail. */
export interface Actor {
  readonly userId: string | null;
  readonly name: string;
  readonly principal: Principal | null;
  readonly requestId: string | null;
  readonly sessionId: string | null;
}

export const SYSTEM_ACTOR: Actor = {
  userId: null,
  name: 'system',
  principal: null,
  requestId: null,
  sessionId: null,
};

export const systemClock: Clock = { now: () => new Date() };
