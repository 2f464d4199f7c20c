import { defineModule } from '#kernel/module.ts';
import type { PersonalDataEraser } from '#kernel/personal-data.ts';
import * as words from './privacy.i18n.ts';
import { privacyPages } from './privacy.pages.tsx';

// The privacy module's public face: the notice version, consents, requests, deletion.
export { saveBreach } from './breaches.service.ts';
export { consentsOf, recordConsents, recordImportBasis } from './consents.service.ts';
export { remindDueRequests } from './data-requests.service.ts';
export { eraseAccount, erasedEmail } from './erase.ts';
export { currentNoticeVersion, publishNotice } from './notice.service.ts';
export { personalDataOf } from './privacy.personal-data.ts';
export { BreachInput, ImportConsentInput, NoticeInput } from './privacy.schemas.ts';
export * from './privacy.taxonomy.ts';
export { ConsentList, ImportBasisFields } from './views/privacy.tsx';

/**
 * Personal data under Law 91/2025/QH15: the versioned notice, consents, data subjects' requests,
 * account deletion with anonymisation, the breach record. `erasers` are the other modules'
 * `anonymise`, wired in src/modules.ts.
 */
export const privacyModule = ({ erasers }: { erasers: PersonalDataEraser[] }) =>
  defineModule({ name: 'privacy', words, pages: privacyPages(erasers) });
