import type { FastifyInstance } from 'fastify';
import type { Runtime } from '../runtime.js';
import { requireRole } from '../http/auth-hook.js';
import { coverageReport } from './calendar-coverage.js';
import { localizedTextJson, nullable, responses } from '../http/schemas.js';

const coverageJson = {
  type: 'object',
  required: ['calendars', 'runningOut'],
  properties: {
    calendars: {
      type: 'array',
      items: {
        type: 'object',
        required: ['key', 'version', 'title'],
        properties: {
          key: { type: 'string' },
          version: { type: 'integer' },
          title: localizedTextJson,
          years: nullable({
            type: 'object',
            required: ['from', 'to'],
            properties: { from: { type: 'integer' }, to: { type: 'integer' } },
            additionalProperties: false,
          }),
          endsOn: nullable({ type: 'string', format: 'date' }),
          daysLeft: nullable({ type: 'integer' }),
          runsOut: { type: 'boolean' },
        },
        additionalProperties: false,
      },
    },
    // the keys of those that run out within 90 days
    runningOut: { type: 'array', items: { type: 'string' } },
  },
  additionalProperties: false,
} as const;

/** The published calendars' coverage: which years each knows the holidays of, and which run out soon. */
export async function calendarRoutes(app: FastifyInstance, { runtime }: { runtime: Runtime }) {
  app.get(
    '/admin/calendars',
    {
      schema: {
        tags: ['definitions'],
        summary:
          'The years each published calendar covers, when it runs out, and which run out within 90 days (administrators)',
        response: responses({ 200: coverageJson }),
      },
    },
    async (request) => {
      requireRole(request, 'admin');
      return coverageReport(runtime.definitions, runtime.clock());
    },
  );
}
