import type { JsonSchema, UISchemaElement } from '@jsonforms/core';

/** What a form's upload field takes, read from its schema and its uischema's options. */
export interface FileRules {
  /** MIME types */
  readonly accept: readonly string[];
  /** bytes */
  readonly maxSize: number;
  readonly maxFiles?: number;
}

/** What the runtime takes when nothing narrower is said (decision 0010): PDF, JPEG, PNG, WebP, 10 MB. */
export const defaultFileRules: FileRules = {
  accept: ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'],
  maxSize: 10 * 1024 * 1024,
};

/** The extensions a person knows each type by, for the hint and for files a browser gives no type. */
export const typeExtensions: Readonly<Record<string, readonly string[]>> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'image/webp': ['webp'],
};

interface UploadOptions {
  accept?: unknown;
  maxSize?: unknown;
}

function stringList(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const strings = value.filter((item): item is string => typeof item === 'string');
  return strings.length > 0 ? strings : undefined;
}

/**
 * The field's rules: `x-accept` / `x-max-size` on the schema (as a matter's material says `accept`),
 * or `accept` / `maxSize` in the uischema's options; never wider than the runtime's own limits.
 */
export function fileRulesOf(schema: JsonSchema, uischema?: UISchemaElement): FileRules {
  const extended = schema as { 'x-accept'?: unknown; 'x-max-size'?: unknown };
  const options = (uischema?.options ?? {}) as UploadOptions;
  const accept = (
    stringList(options.accept) ??
    stringList(extended['x-accept']) ??
    defaultFileRules.accept
  ).filter((type) => defaultFileRules.accept.includes(type));
  const asked = [options.maxSize, extended['x-max-size']].find(
    (size): size is number => typeof size === 'number' && size > 0,
  );
  return {
    accept: accept.length > 0 ? accept : defaultFileRules.accept,
    maxSize: Math.min(asked ?? defaultFileRules.maxSize, defaultFileRules.maxSize),
    ...(typeof schema.maxItems === 'number' && { maxFiles: schema.maxItems }),
  };
}

/** A file as the browser describes it before any byte is sent. */
export interface ChosenFile {
  readonly name: string;
  readonly type: string;
  readonly size: number;
}

export type FileProblem = 'file-type' | 'file-too-large' | 'file-empty';

/** The type a chosen file is taken to be: the browser's, or one its extension names when it gives none. */
export function typeOfFile(file: ChosenFile): string {
  if (file.type !== '') return file.type;
  const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
  return Object.entries(typeExtensions).find(([, extensions]) => extensions.includes(extension))?.[0] ?? '';
}

/** Why a file will not be taken, said before it is sent; undefined when it may be uploaded. */
export function fileProblem(file: ChosenFile, rules: FileRules): FileProblem | undefined {
  if (!rules.accept.includes(typeOfFile(file))) return 'file-type';
  if (file.size === 0) return 'file-empty';
  if (file.size > rules.maxSize) return 'file-too-large';
  return undefined;
}

/** The `accept` attribute of the file input: the types and their extensions, so pickers filter both. */
export function acceptAttribute(rules: FileRules): string {
  return rules.accept
    .flatMap((type) => [type, ...(typeExtensions[type] ?? []).map((ext) => `.${ext}`)])
    .join(',');
}

/** "PDF、JPG、PNG" for the hint. */
export function acceptedNames(rules: FileRules, separator: string): string {
  return rules.accept.map((type) => (typeExtensions[type]?.[0] ?? type).toUpperCase()).join(separator);
}

/** A size as people read it: "850 KB", "2.4 MB". */
export function formatFileSize(bytes: number, language: string): string {
  const number = (value: number, digits: number): string =>
    new Intl.NumberFormat(language, { maximumFractionDigits: digits }).format(value);
  if (bytes < 1024 * 1024) return `${number(Math.max(1, Math.round(bytes / 1024)), 0)} KB`;
  return `${number(bytes / (1024 * 1024), 1)} MB`;
}
