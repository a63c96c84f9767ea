import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const scrypt = (password: string, salt: Buffer, keylen: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scryptCallback(password, salt, keylen, options, (error, key) => (error ? reject(error) : resolve(key))),
  );

const params = { N: 16384, r: 8, p: 1 } as const;
const KEY_LENGTH = 64;

/** `scrypt$N$r$p$salt$hash`, so the cost can be raised later without breaking stored hashes. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEY_LENGTH, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join(
    '$',
  );
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await scrypt(password, Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash to compare against when the user does not exist, so timing does not reveal which names exist. */
export const decoyHash = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$' + 'A'.repeat(86);

/** The shortest password accepted (NIST SP 800-63B asks for at least 8; we ask for 10). */
export const MIN_PASSWORD_LENGTH = 10;

/**
 * Favourites of Chinese leaks that are long enough to pass the length rule and missing from zxcvbn's
 * list (which is drawn mostly from English-speaking sites). Lower case, as every check compares.
 */
const commonInChina = ['woaini1314', 'woaini5201314', 'woaini520520', '5201314520', '1314520520'];

let common: Set<string> | undefined;
/** zxcvbn-ts's list of ~49,000 commonly used passwords (lower case), read on first use. */
async function commonPasswords(): Promise<Set<string>> {
  if (!common) {
    const { dictionary } = await import('@zxcvbn-ts/language-common');
    common = new Set([...dictionary['passwords-common'], ...commonInChina]);
  }
  return common;
}

/**
 * Why a new password would be easy to guess, or undefined when it is fine: too short, the user name
 * (or containing it), or one of the commonly used passwords, whatever its capitals.
 */
export async function passwordProblem(
  password: string,
  username: string,
): Promise<{ 'zh-CN': string; en: string } | undefined> {
  if ([...password].length < MIN_PASSWORD_LENGTH)
    return {
      'zh-CN': `密码至少需要 ${MIN_PASSWORD_LENGTH} 个字符`,
      en: `a password needs at least ${MIN_PASSWORD_LENGTH} characters`,
    };
  const lower = password.toLowerCase();
  const name = username.toLowerCase();
  if (lower === name || (name.length >= 3 && lower.includes(name)))
    return {
      'zh-CN': '密码不能是用户名，也不能包含用户名',
      en: 'a password must not be the user name or contain it',
    };
  if ((await commonPasswords()).has(lower))
    return {
      'zh-CN': '这是最常用的密码之一，很容易被猜到，请换一个',
      en: 'this is one of the most commonly used passwords and easy to guess; choose another',
    };
  return undefined;
}
