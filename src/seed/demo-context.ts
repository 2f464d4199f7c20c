import type { Actor } from '#kernel/auth/roles.ts';
import type { AppDeps } from '#kernel/http/context.ts';
import type { DemoRole } from './demo-data.ts';

/** What a module's demo seeder gets: the app's dependencies, the demo accounts and projects. */
export interface DemoContext {
  deps: AppDeps;
  account: (role: DemoRole | 'admin') => Actor;
  project: (key: string) => { id: string; slug: string };
}
