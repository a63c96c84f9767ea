import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import compress from '@fastify/compress';
import { constants as zlibConstants } from 'node:zlib';
import type { Runtime } from '../runtime.js';
import { authHook } from './auth-hook.js';
import { installErrorHandler, sendError } from './error-handler.js';
import { installValidation } from './validation.js';
import { installLimits } from './limits.js';
import { installJsonBodies } from './json-body.js';
import { clientErrorHandler, installSecurityHeaders, withSecurityHeaders } from './security-headers.js';
import { authRoutes } from '../auth/auth.routes.js';
import { phoneSignInRoutes } from '../auth/phone-sign-in.routes.js';
import { devMailboxRoutes } from '../messages/dev-mailbox.routes.js';
import { departmentRoutes } from '../departments/departments.routes.js';
import { userRoutes } from '../users/users.routes.js';
import { definitionRoutes } from '../definitions/definitions.routes.js';
import { responsibilityRoutes } from '../responsibility/responsibility.routes.js';
import { bundleRoutes } from '../bundles/bundles.routes.js';
import { draftRoutes } from '../drafts/drafts.routes.js';
import { profileRoutes } from '../profiles/profile.routes.js';
import { caseRoutes } from '../cases/cases.routes.js';
import { taskRoutes } from '../tasks/tasks.routes.js';
import { commentRoutes } from '../comments/comments.routes.js';
import { attachmentRoutes } from '../attachments/attachments.routes.js';
import { uploadRoutes } from '../uploads/uploads.routes.js';
import { ratingRoutes } from '../ratings/ratings.routes.js';
import { reportRoutes } from '../reports/reports.routes.js';
import { reportPhotoRoutes } from '../reports/report-photos.routes.js';
import { supervisionRoutes } from '../supervision/supervision.routes.js';
import { meRoutes } from '../users/me.routes.js';
import { notificationRoutes } from '../notifications/notifications.routes.js';
import { deadLetterRoutes } from '../workers/dead-letters.routes.js';
import { calendarRoutes } from '../calendars/calendars.routes.js';
import { calendarsRunningOut } from '../calendars/calendar-coverage.js';
import { nullable, responses } from './schemas.js';
import { webApps } from '../web/web-apps.js';

const healthResponse = responses({
  200: {
    type: 'object',
    required: ['ok', 'database', 'calendarsRunningOut'],
    properties: {
      ok: { type: 'boolean' },
      database: { enum: ['pglite', 'postgres'] },
      calendarsRunningOut: nullable({
        type: 'array',
        items: {
          type: 'object',
          required: ['key', 'endsOn', 'daysLeft'],
          properties: {
            key: { type: 'string' },
            endsOn: nullable({ type: 'string', format: 'date' }),
            daysLeft: nullable({ type: 'integer' }),
          },
          additionalProperties: false,
        },
      }),
    },
    additionalProperties: false,
  },
});

export interface AppOptions {
  /** pino logger settings, or false for none (tests). */
  logger?: boolean | { level: string };
}

/** The HTTP API under /api: one plugin per route group, JSON Schema on every route, OpenAPI at /api/openapi.json. */
export async function buildApp(runtime: Runtime, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? { level: runtime.config.logLevel },
    bodyLimit: 1024 * 1024,
    // a hop count works too (proxy-addr), though Fastify's types leave numbers out
    trustProxy: runtime.config.trustProxy as boolean | string[],
    // a URL that cannot be decoded gets the same error shape as everything else
    frameworkErrors: withSecurityHeaders(sendError),
    // and so does a request the HTTP parser cannot read
    clientErrorHandler,
  });
  installSecurityHeaders(app);
  // JSON routes take JSON only: plain text is refused with 415 like any other type
  app.removeContentTypeParser('text/plain');
  // and an empty JSON body is no body (a route that takes none is not refused for it)
  installJsonBodies(app);
  installValidation(app);
  installErrorHandler(app);
  await app.register(cookie);
  await installLimits(app, runtime.config);
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Tongban API',
        version: '0.1.0',
        description: 'Cross-department public services: cases, tasks, definitions.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'tb_session' } } },
      security: [{ session: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  await app.register(authHook, { auth: runtime.auth });

  await app.register(
    async (api) => {
      // the API's JSON compressed for clients that take it (the catalog's answer is ~110 KB, ~15 KB so):
      // brotli at a quality that costs little CPU per answer; the web apps' files come precompressed
      await api.register(compress, {
        global: true,
        threshold: 1024,
        encodings: ['br', 'gzip'],
        brotliOptions: { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 4 } },
      });
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
      api.get(
        '/health',
        { schema: { tags: ['system'], summary: 'Liveness', response: healthResponse } },
        async () => ({
          ok: true,
          database: runtime.database.kind,
          // calendars that run out within 90 days: deadlines past them would count holidays as working
          // days (null: the catalog could not be read just now; liveness does not depend on it)
          calendarsRunningOut: await calendarsRunningOut(runtime.definitions, runtime.clock()).catch(
            () => null,
          ),
        }),
      );
      for (const routes of [
        authRoutes,
        phoneSignInRoutes,
        devMailboxRoutes,
        departmentRoutes,
        userRoutes,
        definitionRoutes,
        responsibilityRoutes,
        bundleRoutes,
        draftRoutes,
        profileRoutes,
        caseRoutes,
        taskRoutes,
        commentRoutes,
        attachmentRoutes,
        uploadRoutes,
        ratingRoutes,
        reportRoutes,
        reportPhotoRoutes,
        supervisionRoutes,
        meRoutes,
        notificationRoutes,
        deadLetterRoutes,
        calendarRoutes,
      ]) {
        await api.register(routes, { runtime });
      }
    },
    { prefix: '/api' },
  );
  // the web apps on the same origin: one sign-in (the session cookie's path is /), no CORS
  await app.register(webApps, { dirs: runtime.config.webApps });
  return app;
}
