import { createHash, randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'celltrial_session';

/** A new opaque session token (256 bits); only its SHA-256 is stored. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A readable random password for the first-run administrator. */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}
