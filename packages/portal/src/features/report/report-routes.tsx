import { FollowPage } from './follow-page.js';
import { ReportPage } from './report-page.js';

import { reportPath } from './report-path.js';

/**
 * The report pages for a path inside the portal (null for any other path), one lazily loaded module:
 * `/report` reports a problem, `/report/follow` asks for a code, `/report/<code>` follows one.
 */
export default function ReportRoutes({ path }: { path: string }) {
  const match = reportPath.exec(path);
  if (!match) return null;
  const code = match[1] === undefined ? undefined : decodeURIComponent(match[1]);
  if (code === undefined) return <ReportPage />;
  return <FollowPage code={code === 'follow' ? undefined : code} />;
}

export { FollowPage, ReportPage };
