import type { Command } from 'commander';
import { registerAnalyzeCommands } from './analyze/analyze.command.js';
import { registerAuditCommands } from './audit/audit.command.js';
import { registerDbCommands } from './db/db.command.js';
import { registerDemoCommands } from './demo/demo.command.js';
import { registerDesignCommands } from './design/design.command.js';
import { registerEligibilityCommands } from './eligibility/eligibility.command.js';
import { registerProtocolCommands } from './protocol/protocol.command.js';
import { registerReferenceCommands } from './reference/reference.command.js';
import { registerScoreCommands } from './score/score.command.js';
import { registerServeCommand } from './serve/serve.command.js';
import { registerUserCommands } from './user/user.command.js';

/** Each command group registers itself on the root program; add a line per new group. */
export const COMMAND_GROUPS: ReadonlyArray<(program: Command) => void> = [
  registerServeCommand,
  registerDbCommands,
  registerUserCommands,
  registerAuditCommands,
  registerProtocolCommands,
  registerReferenceCommands,
  registerEligibilityCommands,
  registerScoreCommands,
  registerDesignCommands,
  registerAnalyzeCommands,
  registerDemoCommands,
];
