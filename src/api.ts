// TEMPORARY STUB (accounts engineer): lets src/app.ts import while the real API docs are written. Overwrite freely.
import { Hono } from 'hono';
import type { AppEnv } from '#kernel/http/context.ts';

export const apiDocs = new Hono<AppEnv>();
