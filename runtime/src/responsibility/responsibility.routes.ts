import type { FastifyInstance } from 'fastify';
import {
  nextVersions,
  problemColumn,
  responsibilityListFromCsv,
  responsibilityListToCsv,
  type MatterDefinition,
} from '@tongban/engine';
import type { Runtime } from '../runtime.js';
import { requireRole } from '../http/auth-hook.js';
import { ApiError, type ErrorDetail } from '../errors/api-error.js';
import { responses } from '../http/schemas.js';

const csvResponse = {
  description: 'The responsibility list, one matter a row',
  content: { 'text/csv': { schema: { type: 'string' } } },
} as const;

const importedJson = {
  type: 'object',
  required: ['published', 'unchanged'],
  properties: {
    // each published matter as kind:key@version
    published: { type: 'array', items: { type: 'string' } },
    unchanged: { type: 'integer' },
  },
  additionalProperties: false,
} as const;

/**
 * The responsibility list (责任清单) as a spreadsheet: export the matters in force as CSV, edit them in
 * any spreadsheet, import the file back. An import is all or nothing: every matter is validated against
 * the catalog first, problems come back by row and column, and only matters whose content changed get a
 * new published version.
 */
export async function responsibilityRoutes(app: FastifyInstance, { runtime }: { runtime: Runtime }) {
  app.addContentTypeParser(
    'text/csv',
    { parseAs: 'string', bodyLimit: 5 * 1024 * 1024 },
    (_request, body, done) => done(null, body),
  );

  app.get(
    '/responsibility-list.csv',
    {
      schema: {
        tags: ['definitions'],
        summary: 'The responsibility list in force, one matter a row (CSV for spreadsheets)',
        response: responses({ 200: csvResponse }),
      },
    },
    async (request, reply) => {
      requireRole(request, 'admin', 'supervisor');
      const catalog = await runtime.definitions.current();
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="responsibility-list.csv"');
      return responsibilityListToCsv(catalog.all('matter'));
    },
  );

  app.post(
    '/responsibility-list',
    {
      schema: {
        tags: ['definitions'],
        summary:
          'Import an edited responsibility list (text/csv): changed matters are published as new versions',
        response: responses({ 200: importedJson }),
      },
    },
    async (request) => {
      const actor = requireRole(request, 'admin');
      if (typeof request.body !== 'string')
        throw new ApiError('TB_REQUEST_INVALID', {}, [
          {
            path: '/body',
            message: { 'zh-CN': '请上传 CSV 文件（text/csv）', en: 'send the list as text/csv' },
          },
        ]);
      const parsed = responsibilityListFromCsv(request.body);
      const rowOf = new Map(parsed.matters.map((matter, index) => [matter.key, parsed.rows[index] ?? 0]));
      if (parsed.problems.length > 0)
        throw listInvalid(
          parsed.problems.map((problem) => ({
            path: `/rows/${problem.row}${problem.column === null ? '' : `/${problem.column}`}`,
            message: problem.message,
          })),
        );
      const catalog = await runtime.definitions.current();
      const versioned = nextVersions(parsed.matters, catalog);
      const changed = versioned.filter(
        (matter) => !catalog.has('matter', matter.key) || isNewer(matter, catalog),
      );
      const result = await runtime.definitions.importAll(changed, actor.userId);
      if (result.problems.length > 0)
        throw listInvalid(
          result.problems.flatMap((entry) => {
            const key = entry.key.replace(/^matter:/, '').replace(/@\d+$/, '');
            const row = rowOf.get(key) ?? 0;
            return entry.problems.map((problem) => {
              const column = problemColumn(problem.path);
              return { path: `/rows/${row}${column === null ? '' : `/${column}`}`, message: problem.message };
            });
          }),
        );
      return {
        published: result.published,
        unchanged: versioned.length - result.published.length,
      };
    },
  );
}

function isNewer(
  matter: MatterDefinition,
  catalog: Awaited<ReturnType<Runtime['definitions']['current']>>,
): boolean {
  return (catalog.get('matter', matter.key)?.version ?? 0) < matter.version;
}

function listInvalid(details: ErrorDetail[]): ApiError {
  return new ApiError('TB_LIST_INVALID', { count: details.length }, details);
}
