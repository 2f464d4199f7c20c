import type { AppModule } from '#kernel/module.ts';
import { anonymise as accountsAnonymise, accountsModule } from '#modules/accounts/index.ts';
import { engagementsModule } from '#modules/engagements/index.ts';
import {
  anonymise as eventsAnonymise,
  eventsModule,
  personalDataOf as eventsPersonalData,
} from '#modules/events/index.ts';
import { expertsModule, personalDataOf as expertsPersonalData } from '#modules/experts/index.ts';
import { importsModule } from '#modules/imports/index.ts';
import { libraryModule } from '#modules/library/index.ts';
import { matchingModule } from '#modules/matching/index.ts';
import { partnersModule, personalDataOf as partnersPersonalData } from '#modules/partners/index.ts';
import {
  anonymise as peopleAnonymise,
  peopleModule,
  personalDataOf as peoplePersonalData,
} from '#modules/people/index.ts';
import { placesModule } from '#modules/places/index.ts';
import { privacyModule, personalDataOf as privacyPersonalData } from '#modules/privacy/index.ts';
import { productsModule } from '#modules/products/index.ts';
import { projectsModule, personalDataOf as projectsPersonalData } from '#modules/projects/index.ts';
import { reportsModule } from '#modules/reports/index.ts';
import { requestsModule, personalDataOf as requestsPersonalData } from '#modules/requests/index.ts';
import { setupModule } from '#modules/setup/index.ts';
import { siteModule } from '#modules/site/index.ts';
import {
  spacesModule,
  personalDataOf as spacesPersonalData,
  visitsModule,
  visitsPersonalDataOf,
} from '#modules/spaces/index.ts';
import { supportForPerson, supportModule, timelineFor } from '#modules/support/index.ts';
import {
  anonymise as surveysAnonymise,
  surveysModule,
  personalDataOf as surveysPersonalData,
} from '#modules/surveys/index.ts';

/**
 * Every module of the site, in the order their routes are mounted; the one place that wires a
 * module to what it needs from a module above it (the project page's timeline and a person's
 * support received come from the ledger; a person's data export gathers every module's part).
 */
export const modules: AppModule[] = [
  // First: it sets the Department's name (and the setup notice) for every page after it.
  setupModule,
  siteModule,
  placesModule,
  accountsModule({
    personalData: [
      projectsPersonalData,
      eventsPersonalData,
      requestsPersonalData,
      peoplePersonalData,
      expertsPersonalData,
      partnersPersonalData,
      spacesPersonalData,
      privacyPersonalData,
      surveysPersonalData,
      visitsPersonalDataOf,
    ],
  }),
  // Deleting an account anonymises what each module holds about its holder (decision 38).
  privacyModule({ erasers: [accountsAnonymise, peopleAnonymise, eventsAnonymise, surveysAnonymise] }),
  projectsModule({ timeline: timelineFor }),
  partnersModule,
  expertsModule,
  supportModule,
  requestsModule,
  engagementsModule,
  matchingModule,
  eventsModule,
  spacesModule,
  visitsModule,
  libraryModule,
  productsModule,
  peopleModule({ supportOf: supportForPerson }),
  reportsModule,
  importsModule,
  surveysModule,
];
