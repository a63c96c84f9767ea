export {
  TongbanForm,
  type TongbanFormProps,
  type TongbanFormHandle,
  type FormStatus,
} from './tongban-form.js';
export { renderers } from './renderers.js';
export { ErrorSummary, type ErrorSummaryProps } from './error-summary.js';
export { useFormFeedback, fieldPathAttribute, type FieldNotes, type FormFeedback } from './feedback.js';
export {
  checkMessages,
  serverMessages,
  visibleMessages,
  asFormErrors,
  type FieldMessage,
  type ServerErrorDetail,
  type Disclosure,
} from './messages.js';
export { localize, createFormTranslator, createErrorTranslator } from './translator.js';
export { pointerToPath, pathToPointer, isWithin, valueAt } from './paths.js';
export { withFieldFrame, framedRenderers } from './field-frame.js';
export { formNamespace } from './namespace.js';
export type { FormAjv, FormError } from './types.js';
export { useFormI18n } from './use-form-i18n.js';
