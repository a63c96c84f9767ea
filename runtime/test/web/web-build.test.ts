import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// what `pnpm start` asks before it starts the runtime (scripts/start.mjs)
import { webAppFolders, whyBuild } from '../../../scripts/web-build.mjs';

describe('which web apps pnpm start builds', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'tb-web-build-'));
    await mkdir(join(folder, 'src'), { recursive: true });
    await writeFile(join(folder, 'src', 'main.tsx'), 'export {};\n');
    await writeFile(join(folder, 'index.html'), '<!doctype html>\n');
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('should know the three apps the runtime serves', () => {
    expect(Object.keys(webAppFolders)).toEqual(['portal', 'workbench', 'designer']);
  });

  it('should build an app that has never been built', () => {
    expect(whyBuild(folder)).toBe('not built yet');
  });

  it('should leave a build newer than every source alone, and build again once a source is newer', async () => {
    // given a build stamped after every source the apps share and this app's own
    await mkdir(join(folder, 'dist'), { recursive: true });
    await writeFile(join(folder, 'dist', 'index.html'), '<!doctype html>\n');
    const later = new Date(Date.now() + 3_600_000);
    await utimes(join(folder, 'dist', 'index.html'), later, later);
    expect(whyBuild(folder)).toBeNull();
    // when one of the app's sources changes after it
    const evenLater = new Date(later.getTime() + 60_000);
    await utimes(join(folder, 'src', 'main.tsx'), evenLater, evenLater);
    // then it is built again
    expect(whyBuild(folder)).toBe('sources changed since its last build');
  });
});
