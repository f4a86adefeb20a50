import type { ErrorBody } from "../../schema/contract.js";

/** Something that answers HTTP requests: an app in process, or a server at a base URL. */
export type Fetcher = (path: string, init?: RequestInit) => Promise<Response>;

export function urlFetcher(base: string): Fetcher {
  return (path, init) => fetch(new URL(path, base), init);
}

export async function json<T>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

/** Reads an error response and checks it has the one envelope. */
export async function errorOf(res: Response): Promise<ErrorBody["error"]> {
  const body = (await res.json()) as ErrorBody;
  if (
    !body.error ||
    typeof body.error.code !== "string" ||
    typeof body.error.requestId !== "string"
  ) {
    throw new Error(`not an error envelope: ${JSON.stringify(body)}`);
  }
  return body.error;
}
