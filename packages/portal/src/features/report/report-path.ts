/**
 * The paths the report feature answers inside the portal: /report, /report/follow and /report/<code>.
 * A module of its own, so the app's router can test a path without loading the pages.
 */
export const reportPath = /^\/report(?:\/([^/]+))?\/?$/;
