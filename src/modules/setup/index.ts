import { defineModule } from '#kernel/module.ts';
import * as words from './setup.i18n.ts';
import { setupPages } from './setup.pages.tsx';

export { announceSetup, CliInputError, createAdminFromCli } from './setup.run.ts';
// The setup module's public face: the first run, the Department's profile, the CLI's admin.
export { isLocalAddress, ProfileInput, SetupInput } from './setup.schemas.ts';
export {
  checkSetupToken,
  completeSetup,
  type DepartmentProfile,
  getProfile,
  issueSetupToken,
  setupDone,
  setupPath,
  updateProfile,
} from './setup.service.ts';

/** The setup module: its words and pages (mounted first: it sets the Department for every page). */
export const setupModule = defineModule({ name: 'setup', words, pages: setupPages });
