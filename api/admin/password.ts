/**
 * Password hashing with scrypt, a memory-hard KDF, at one of OWASP's recommended settings
 * (N = 2^14, r = 8, p = 5: 16 MiB per pass). It is native `node:crypto` on Node and on Workers
 * (nodejs_compat), and both give the same hash, so accounts work wherever the app runs.
 *
 * Why not argon2id: the WebAssembly builds on npm compile their module at run time, which
 * Workers forbid ("Wasm code generation disallowed by embedder"); and OWASP's first scrypt
 * setting (N = 2^17) needs 128 MiB, a whole Worker's memory. The parameters are stored in each
 * hash (`$scrypt$ln=14,r=8,p=5$salt$key`), so they can be raised later without breaking logins.
 */
import { scrypt, timingSafeEqual } from "node:crypto";

export const SCRYPT_PARAMS = { ln: 14, r: 8, p: 5, keyLength: 32 } as const;
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;
const MAX_MEMORY = 64 * 1024 * 1024;

function derive(
  password: string,
  salt: Uint8Array,
  ln: number,
  r: number,
  p: number,
  length: number,
) {
  return new Promise<Buffer>((resolve, reject) => {
    // NFKC: the same password typed on different keyboards or systems gives the same bytes.
    scrypt(
      password.normalize("NFKC"),
      salt,
      length,
      { N: 2 ** ln, r, p, maxmem: MAX_MEMORY },
      (err, key) => (err ? reject(err) : resolve(key)),
    );
  });
}

export async function hashPassword(password: string): Promise<string> {
  const { ln, r, p, keyLength } = SCRYPT_PARAMS;
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const key = await derive(password, salt, ln, r, p, keyLength);
  return `$scrypt$ln=${ln},r=${r},p=${p}$${Buffer.from(salt).toString("base64")}$${key.toString("base64")}`;
}

const HASH =
  /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/=]{16,})\$([A-Za-z0-9+/=]{16,})$/;

export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  const m = HASH.exec(hash);
  // No usable hash (an invited account with no password yet): take the same time all the same.
  if (!m) return verifyNothing(password);
  const [ln, r, p] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // Bounds keep a damaged or hostile row from asking for unbounded work.
  if (ln < 10 || ln > 20 || r < 1 || r > 16 || p < 1 || p > 16) return false;
  const expected = Buffer.from(m[5] ?? "", "base64");
  const key = await derive(password, Buffer.from(m[4] ?? "", "base64"), ln, r, p, expected.length);
  return key.length === expected.length && timingSafeEqual(key, expected);
}

let dummy: Promise<string> | undefined;

/**
 * Spends the time of one verification when there is no account to check, so response times do
 * not tell an attacker which email addresses have accounts.
 */
export async function verifyNothing(password: string): Promise<false> {
  dummy ??= hashPassword("not a real password, only here to take time");
  await verifyPassword(password, await dummy);
  return false;
}

/** What is wrong with a new password, or null. Length is what matters (NCSC, NIST 800-63B). */
export function passwordProblem(password: string, email?: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return `Use at least ${MIN_PASSWORD_LENGTH} characters. Three or four random words work well.`;
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    return `Use at most ${MAX_PASSWORD_LENGTH} characters.`;
  }
  if (email && password.trim().toLowerCase() === email.trim().toLowerCase()) {
    return "Do not use your email address as your password.";
  }
  return null;
}
