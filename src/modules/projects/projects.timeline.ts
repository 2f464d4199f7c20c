import type { Db } from '#kernel/db/client.ts';

/** One piece of support on a project's timeline, as the project page shows it. */
export interface TimelineEntry {
  kind: string;
  title: string;
  startedOn: string;
  endedOn: string | null;
  providerKind: string;
  providerName: string;
  status: string;
  outcome: string;
  figures: { participants?: number; contractValueVnd?: number; salesGrowthPercent?: number };
  evidenceLinks: string[];
}

/** What the projects module needs from modules above it, handed in by the composition root. */
export interface ProjectPorts {
  /** A project's support, newest first (the support ledger). */
  timeline: (db: Db, projectId: string) => Promise<TimelineEntry[]>;
}
