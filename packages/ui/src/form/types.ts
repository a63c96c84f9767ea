import type { JsonFormsCore } from '@jsonforms/core';

// ajv's types as JSON Forms hands them over (ajv is its dependency and the engine's, not ours)
export type FormAjv = NonNullable<JsonFormsCore['ajv']>;
export type FormError = NonNullable<JsonFormsCore['errors']>[number];
