import type { FastifyInstance } from 'fastify';
import type { Runtime } from '../runtime.js';
import { requireRole } from '../http/auth-hook.js';
import { coverageReport } from './calendar-coverage.js';

/** The published calendars' coverage: which years each knows the holidays of, and which run out soon. */
export async function calendarRoutes(app: FastifyInstance, { runtime }: { runtime: Runtime }) {
  app.get(
    '/admin/calendars',
    {
      schema: {
        tags: ['definitions'],
        summary:
          'The years each published calendar covers, when it runs out, and which run out within 90 days (administrators)',
      },
    },
    async (request) => {
      requireRole(request, 'admin');
      return coverageReport(runtime.definitions, runtime.clock());
    },
  );
}
