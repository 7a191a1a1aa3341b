import type { Migration } from 'kysely/migration';
import * as m0001 from './0001-foundation.js';
import * as m0002 from './0002-protocol-versions.js';
import * as m0003 from './0003-participants.js';
import * as m0004 from './0004-casebooks.js';
import * as m0005 from './0005-safety.js';
import * as m0006 from './0006-end-of-participation.js';

/**
 * Every migration, in order. Names are `NNNN-kebab-name`; never edit or renumber a merged one —
 * add a new file and list it here.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-protocol-versions': m0002,
  '0003-participants': m0003,
  '0004-casebooks': m0004,
  '0005-safety': m0005,
  '0006-end-of-participation': m0006,
};
