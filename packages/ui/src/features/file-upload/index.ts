import type { JsonFormsRendererRegistryEntry } from '@jsonforms/core';
import { registerCatalog } from '../../i18n/index.js';
import { FileUploadRenderer } from './file-upload.control.js';
import { fileUploadTester } from './file-upload.tester.js';
import { fileUploadLocales } from './locales.js';
import { fileUploadNamespace } from './namespace.js';

registerCatalog(fileUploadNamespace, fileUploadLocales);

export { fileUploadTester, isFileUploadSchema } from './file-upload.tester.js';
export { attachmentReferenceSchema, type AttachmentReference } from './attachment-reference.js';
export { fileRulesOf, fileProblem, type FileRules } from './file-rules.js';
export {
  UploaderContext,
  UploadError,
  sendTo,
  defaultUploader,
  type Uploader,
  type SendFile,
} from './uploader.js';

export const renderers: JsonFormsRendererRegistryEntry[] = [
  { tester: fileUploadTester, renderer: FileUploadRenderer },
];
