import type { JsonSchema, UISchemaElement } from '@jsonforms/core';
import { describe, expect, it } from 'vitest';
import { isFileUploadSchema } from '../src/features/file-upload/file-upload.tester.js';
import {
  acceptAttribute,
  acceptedNames,
  defaultFileRules,
  fileProblem,
  fileRulesOf,
  formatFileSize,
} from '../src/features/file-upload/file-rules.js';
import { attachmentReferenceSchema } from '../src/features/file-upload/attachment-reference.js';

const megabyte = 1024 * 1024;
/** A schema with our x- keywords, which JSON Forms' type does not list. */
const schema = (value: object): JsonSchema => value as JsonSchema;
const photos = schema({ type: 'array', 'x-accept': ['image/jpeg', 'image/png'] });

describe('what an upload field takes, checked before a byte is sent', () => {
  it('should take the runtime’s types and 10 MB when the form says nothing', () => {
    expect(fileRulesOf({ type: 'array' })).toEqual(defaultFileRules);
  });

  it('should read x-accept and x-max-size from the schema, and accept and maxSize from the options first', () => {
    expect(fileRulesOf(schema({ ...photos, 'x-max-size': 2 * megabyte, maxItems: 3 }))).toEqual({
      accept: ['image/jpeg', 'image/png'],
      maxSize: 2 * megabyte,
      maxFiles: 3,
    });
    const uischema = {
      type: 'Control',
      options: { accept: ['application/pdf'], maxSize: megabyte },
    } as UISchemaElement;
    expect(fileRulesOf(photos, uischema)).toMatchObject({ accept: ['application/pdf'], maxSize: megabyte });
  });

  it('should never promise more than the runtime takes: other types are dropped, the size capped at 10 MB', () => {
    const wide = schema({
      type: 'array',
      'x-accept': ['image/heic', 'image/png'],
      'x-max-size': 50 * megabyte,
    });
    expect(fileRulesOf(wide)).toMatchObject({ accept: ['image/png'], maxSize: 10 * megabyte });
  });

  it('should refuse a file of another type, an empty one and one too large, and take the rest', () => {
    const rules = fileRulesOf(photos);
    expect(fileProblem({ name: 'id-card.jpg', type: 'image/jpeg', size: 300_000 }, rules)).toBeUndefined();
    expect(fileProblem({ name: 'scan.pdf', type: 'application/pdf', size: 300_000 }, rules)).toBe(
      'file-type',
    );
    expect(fileProblem({ name: 'photo.heic', type: 'image/heic', size: 300_000 }, rules)).toBe('file-type');
    expect(fileProblem({ name: 'blank.png', type: 'image/png', size: 0 }, rules)).toBe('file-empty');
    expect(fileProblem({ name: 'big.png', type: 'image/png', size: 11 * megabyte }, rules)).toBe(
      'file-too-large',
    );
  });

  it('should know a file by its extension when the browser gives it no type', () => {
    const rules = fileRulesOf(photos);
    expect(fileProblem({ name: 'IMG_0001.JPG', type: '', size: 1000 }, rules)).toBeUndefined();
    expect(fileProblem({ name: 'notes', type: '', size: 1000 }, rules)).toBe('file-type');
  });

  it('should tell the picker and the person the types by name and extension', () => {
    const rules = fileRulesOf(photos);
    expect(acceptAttribute(rules)).toBe('image/jpeg,.jpg,.jpeg,image/png,.png');
    expect(acceptedNames(rules, '、')).toBe('JPG、PNG');
  });

  it('should show sizes as people read them', () => {
    expect(formatFileSize(850 * 1024, 'zh-CN')).toBe('850 KB');
    expect(formatFileSize(200, 'en')).toBe('1 KB');
    expect(formatFileSize(2.44 * megabyte, 'en')).toBe('2.4 MB');
    expect(formatFileSize(10 * megabyte, 'zh-CN')).toBe('10 MB');
  });

  it('should be chosen for an array that says what it accepts or holds attachment references, not for other arrays', () => {
    expect(isFileUploadSchema(photos)).toBe(true);
    expect(isFileUploadSchema({ type: 'array', items: attachmentReferenceSchema })).toBe(true);
    expect(isFileUploadSchema({ type: 'array', items: { type: 'string' } })).toBe(false);
    expect(
      isFileUploadSchema({ type: 'array', items: { type: 'object', properties: { id: {}, name: {} } } }),
    ).toBe(false);
  });
});
