import type { FastifyInstance } from 'fastify';
import type { Runtime } from '../runtime.js';
import { signedIn } from '../http/auth-hook.js';

export async function departmentRoutes(app: FastifyInstance, { runtime }: { runtime: Runtime }) {
  app.get(
    '/departments',
    {
      schema: {
        tags: ['departments'],
        summary: 'The department tree (departments are published as definitions)',
      },
    },
    async (request) => {
      signedIn(request);
      return runtime.directory.all();
    },
  );
}
