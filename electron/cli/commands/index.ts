import type { CliCommand } from '../command';
import { coreCommands } from './core';
import { importRollCommands } from './import-roll';
import { maintenanceCommands } from './maintenance';
import { fundingCommands } from './funding';
import { importOfstedCommands } from './import-ofsted';
import { importQaCommands } from './import-qa';
import { dashboardCommands } from './dashboard';
import { packCommands } from './pack';
import { exportCommands } from './export';
import { recordsCommands } from './records';
import { mergeCommands } from './merges';
import { importGiasCommands } from './import-gias';
import { importPlanCommands } from './import-plan';
import { financeCommands } from './finance';
import { peopleCommands } from './people';
import { dbCommands } from './db';
import { callCommands } from './call';

/** Every CLI command; features add their own module here. */
export const commands: CliCommand[] = [...coreCommands, ...importRollCommands, ...maintenanceCommands, ...fundingCommands, ...importOfstedCommands, ...importQaCommands, ...importGiasCommands, ...importPlanCommands, ...dashboardCommands, ...packCommands, ...exportCommands, ...recordsCommands, ...mergeCommands, ...financeCommands, ...dbCommands, ...peopleCommands, ...callCommands];
