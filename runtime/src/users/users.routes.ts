import type { FastifyInstance } from 'fastify';
import type { Runtime } from '../runtime.js';
import { requireRole } from '../http/auth-hook.js';
import { departmentCode, listOf, responses, uuidParam, wholeList } from '../http/schemas.js';

const membershipJson = {
  type: 'object',
  required: ['role'],
  properties: { department: { type: 'string' }, role: { enum: roles } },
  additionalProperties: false,
} as const;

const userJson = {
  type: 'object',
  required: ['id', 'username', 'displayName', 'disabled', 'memberships'],
  properties: {
    id: uuidParam,
    username: { type: 'string' },
    displayName: { type: 'string' },
    disabled: { type: 'boolean' },
    memberships: { type: 'array', items: membershipJson },
  },
  additionalProperties: false,
} as const;

const createdUserJson = {
  ...userJson,
  required: ['id', 'username', 'displayName', 'memberships'],
} as const;
import { roles } from '../db/schema.js';
import type { NewUser } from './user.service.js';
import { MIN_PASSWORD_LENGTH } from '../auth/passwords.js';

export async function userRoutes(app: FastifyInstance, { runtime }: { runtime: Runtime }) {
  app.get(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: 'All accounts (admin)',
        response: responses({ 200: listOf(userJson) }),
      },
    },
    async (request) => {
      requireRole(request, 'admin');
      return wholeList(await runtime.users.list());
    },
  );

  app.post(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Create an account with its memberships (admin)',
        body: {
          type: 'object',
          required: ['username', 'displayName', 'password', 'memberships'],
          properties: {
            username: { type: 'string', pattern: '^[a-z0-9][a-z0-9._-]{2,49}$' },
            displayName: { type: 'string', minLength: 1, maxLength: 100 },
            password: { type: 'string', minLength: MIN_PASSWORD_LENGTH, maxLength: 200 },
            memberships: {
              type: 'array',
              minItems: 1,
              maxItems: 50,
              uniqueItems: true,
              items: {
                type: 'object',
                required: ['role'],
                properties: { department: departmentCode, role: { enum: roles } },
                additionalProperties: false,
              },
            },
          },
          additionalProperties: false,
        },
        response: responses({ 201: createdUserJson }),
      },
    },
    async (request, reply) => {
      requireRole(request, 'admin');
      reply.status(201);
      return runtime.users.create(request.body as NewUser);
    },
  );
}
