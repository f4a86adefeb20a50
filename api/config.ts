/** Every setting the server reads from its environment, read here and passed down. */
export interface Config {
  host: string;
  port: number;
  databaseUrl: string;
  databaseAuthToken: string | undefined;
  /** Public origin used in absolute links (QR codes, share links); defaults to the server's. */
  publicOrigin: string | undefined;
  seedDemo: boolean;
  /** Keep recent public answers in memory (`RESPONSE_CACHE=off` answers every request afresh). */
  responseCache: boolean;
}

type Env = Record<string, string | undefined>;

export function readConfig(env: Env): Config {
  const port = Number(env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a whole number from 0 to 65535, not "${env.PORT}"`);
  }
  return {
    host: env.HOST ?? "127.0.0.1",
    port,
    databaseUrl: env.DATABASE_URL ?? "file:data/signpost.db",
    databaseAuthToken: env.DATABASE_AUTH_TOKEN || undefined,
    publicOrigin: env.PUBLIC_ORIGIN || undefined,
    seedDemo: env.SEED_DEMO !== "false",
    responseCache: env.RESPONSE_CACHE !== "off",
  };
}
