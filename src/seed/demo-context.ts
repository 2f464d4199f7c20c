import type { Actor } from '#kernel/auth/roles.ts';
import type { AppDeps } from '#kernel/http/context.ts';
import type { DemoRole } from './demo-data.ts';

// In a file of its own so that a module's seeder (demo-<module>.ts), which demo.ts imports, can
// name this type without an import cycle.

/** What a module's demo seeder gets: the app's dependencies, the demo accounts and projects. */
export interface DemoContext {
  deps: AppDeps;
  account: (role: DemoRole | 'admin') => Actor;
  project: (key: string) => { id: string; slug: string };
}
