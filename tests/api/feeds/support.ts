import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface TestServer {
  url: string;
  hits: string[];
  close(): Promise<void>;
}

/** A small HTTP server on 127.0.0.1 that answers with `handle`. */
export async function serve(
  handle: (
    path: string,
    req: IncomingMessage,
  ) => { status?: number; body: unknown; type?: string } | null,
): Promise<TestServer> {
  const hits: string[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = req.url ?? "/";
    hits.push(path);
    const answer = handle(path, req);
    if (!answer) {
      res.writeHead(404, { "Content-Type": "application/json" }).end('{"error":"not found"}');
      return;
    }
    const text = typeof answer.body === "string" ? answer.body : JSON.stringify(answer.body);
    res
      .writeHead(answer.status ?? 200, { "Content-Type": answer.type ?? "application/json" })
      .end(text);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** One of the ORUK validator's fixture feeds: one JSON answer per endpoint. */
export function fixtureFeed(name: string): Promise<TestServer> {
  const dir = new URL(`../../fixtures/oruk/feeds/${name}/`, import.meta.url);
  const file = (f: string) => JSON.parse(readFileSync(new URL(f, dir), "utf8")) as unknown;
  return serve((path) => {
    const p = path.split("?")[0] ?? "/";
    if (p === "/") return { body: file("api_details.json") };
    if (p === "/services") return { body: file("service_list.json") };
    if (p.startsWith("/services/")) return { body: file("service_full.json") };
    return null;
  });
}
