import type { WebAppName } from '../config/config.js';

/**
 * What /<app>/ answers when the app has not been built: a plain page that says how to build it, in both
 * languages (there is no app yet to carry the i18n catalogs), instead of a JSON 404 nobody can read.
 */
export function notBuiltPage(app: WebAppName, dir: string): string {
  const escapedDir = escapeHtml(dir);
  return `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>通办 Tongban: ${app}</title></head>
<body style="font: 18px/1.6 system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem">
<h1>网页应用尚未构建</h1>
<p>服务器在 <code>${escapedDir}</code> 找不到 ${app} 的构建结果。请在代码仓库根目录运行 <code>pnpm build:web</code>，然后重新启动服务器（<code>pnpm start</code> 会自动构建）。</p>
<h2 lang="en">The web app has not been built</h2>
<p lang="en">The server found no build of ${app} in <code>${escapedDir}</code>. Run <code>pnpm build:web</code> at the root of the repository, then start the server again (<code>pnpm start</code> builds it for you).</p>
<p><a href="/api/docs">API 文档 / API docs</a></p>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
