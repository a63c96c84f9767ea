import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { openApiDocument, regenerateCommand, schemaTypes, schemaTypesPath } from '../scripts/schema-types.js';

describe("the client's generated types", () => {
  it("should be the types of the running runtime's OpenAPI document", async () => {
    // given the document the runtime's routes make now
    const document = await openApiDocument();
    // when the types are generated from it in memory
    const fresh = await schemaTypes(document);
    // then they are the committed ones, line for line
    const committed = await readFile(schemaTypesPath, 'utf8');
    expect(
      committed === fresh,
      `packages/client/src/schema.d.ts no longer matches the runtime's routes (${firstDifference(committed, fresh)}): run \`${regenerateCommand}\` and commit the file`,
    ).toBe(true);
    expect(fresh).toContain("'/api/auth/login'");
  });
});

/** Where two texts part, as a line number and the two lines, for the failure message. */
function firstDifference(committed: string, fresh: string): string {
  const before = committed.split('\n');
  const after = fresh.split('\n');
  const line = before.findIndex((text, index) => text !== after[index]);
  const at = line === -1 ? before.length : line;
  return `first at line ${at + 1}: committed ${JSON.stringify(before[at] ?? '')}, generated ${JSON.stringify(after[at] ?? '')}`;
}
