import type { FastifyInstance } from 'fastify';
import type { Runtime } from '../runtime.js';
import { ApiError, notFound } from '../errors/api-error.js';
import { signedIn } from '../http/auth-hook.js';
import { anyObject, anyValue, instant, listOf, responses, wholeList } from '../http/schemas.js';

const keptElementJson = {
  type: 'object',
  required: ['element', 'value', 'sensitive', 'confirmedAt'],
  properties: {
    element: { type: 'string' },
    value: anyValue,
    sensitive: { type: 'boolean' },
    confirmedAt: instant,
  },
  additionalProperties: false,
} as const;

const prefillJson = {
  type: 'object',
  required: ['data', 'prefilled'],
  properties: {
    data: anyObject,
    // which fields came from kept elements
    prefilled: {
      type: 'array',
      items: {
        type: 'object',
        required: ['path', 'element', 'sensitive'],
        properties: { path: { type: 'string' }, element: { type: 'string' }, sensitive: { type: 'boolean' } },
        additionalProperties: false,
      },
    },
  },
  additionalProperties: false,
} as const;

const definitionKey = { type: 'string', pattern: '^[a-z0-9][a-z0-9._-]{0,99}$' } as const;

/** A resident's kept data elements: what is kept, forgetting it, and prefilling the next application. */
export async function profileRoutes(app: FastifyInstance, { runtime }: { runtime: Runtime }) {
  app.get(
    '/me/profile',
    {
      schema: {
        tags: ['profile'],
        summary: 'The data elements kept from my applications (collect once)',
        response: responses({ 200: listOf(keptElementJson) }),
      },
    },
    async (request) => wholeList(await runtime.profiles.list(signedIn(request))),
  );

  app.delete(
    '/me/profile',
    {
      schema: {
        tags: ['profile'],
        summary: 'Forget every kept data element',
        response: responses({
          200: {
            type: 'object',
            required: ['removed'],
            properties: { removed: { type: 'integer' } },
            additionalProperties: false,
          },
        }),
      },
    },
    async (request) => ({ removed: await runtime.profiles.forget(signedIn(request)) }),
  );

  app.get(
    '/me/prefill',
    {
      schema: {
        tags: ['profile'],
        summary: "A matter's or a bundle's form data from my kept elements, and which fields were prefilled",
        querystring: {
          type: 'object',
          properties: { matter: definitionKey, bundle: definitionKey },
          additionalProperties: false,
        },
        response: responses({ 200: prefillJson }),
      },
    },
    async (request) => {
      const actor = signedIn(request);
      const { matter, bundle } = request.query as { matter?: string; bundle?: string };
      if ((matter === undefined) === (bundle === undefined))
        throw new ApiError('TB_REQUEST_INVALID', {}, [
          {
            path: '/querystring',
            message: { 'zh-CN': '请指定事项或套餐之一', en: 'name one matter or one bundle' },
          },
        ]);
      if (bundle !== undefined) {
        const { form } = await runtime.bundles.form(bundle);
        return runtime.profiles.prefillCombined(actor, form);
      }
      const catalog = await runtime.definitions.current();
      const formKey = catalog.get('matter', matter as string)?.form;
      const form = formKey === undefined ? undefined : catalog.get('form', formKey);
      if (!form) throw notFound({ 'zh-CN': `事项 ${matter}`, en: `matter ${matter}` });
      return runtime.profiles.prefillForm(actor, form);
    },
  );
}
