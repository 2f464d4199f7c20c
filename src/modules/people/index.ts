import { defineModule } from '#kernel/module.ts';
import * as words from './people.i18n.ts';
import { type PeoplePorts, peoplePagesWith } from './people.pages.tsx';

export { personKey } from './people.keys.ts';
export type { PeoplePorts } from './people.pages.tsx';
export { anonymise, personalDataOf } from './people.personal-data.ts';
// The people module's public face: the registry other modules write to and read from.
export {
  findOrCreatePeopleNoting,
  findOrCreatePerson,
  findOrCreatePersonNoting,
  forgetPeople,
  getPerson,
  listPeople,
  mergePeople,
  normaliseEmail,
  type Person,
  type PersonFacts,
  peopleByIds,
  personLabels,
} from './people.service.ts';
export * from './people.taxonomy.ts';

/** The people module: its words and staff pages, mounted by createApp; the ledger's part comes in as a port. */
export const peopleModule = (ports: PeoplePorts) =>
  defineModule({ name: 'people', words, pages: peoplePagesWith(ports) });
