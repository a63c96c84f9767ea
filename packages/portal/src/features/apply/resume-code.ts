/** The alphabet of resume codes: no characters that look alike (0/O, 1/I/L), so a code copied by hand reads back. */
const codeCharacters = /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{12}$/;

/** A resume code as people read it: three groups of four (`ABCD-EFGH-JKMN`); older long tokens as they are. */
export function formatResumeCode(token: string): string {
  return codeCharacters.test(token) ? (token.match(/.{4}/g) ?? [token]).join('-') : token;
}

/**
 * What a person typed as a resume code, as the runtime knows it: spaces and dashes dropped, lower case
 * raised. Undefined when it cannot be a code, so the page says so before asking the server.
 */
export function parseResumeCode(typed: string): string | undefined {
  const code = typed.replace(/[\s-]/g, '').toUpperCase();
  if (codeCharacters.test(code)) return code;
  // a link's long token pasted whole still opens its draft
  if (/^[A-Za-z0-9_-]{43}$/.test(typed.trim())) return typed.trim();
  return undefined;
}
