/** Types of web-build.mjs for the TypeScript callers (the runtime's tests). */
export const webAppFolders: Record<'portal' | 'workbench' | 'designer', string>;
export function whyBuild(folder: string): string | null;
export function buildWebApps(options?: { all?: boolean; log?: (line: string) => void }): Promise<string[]>;
