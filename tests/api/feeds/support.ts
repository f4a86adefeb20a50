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

/**
 * A council's feed whose records a test changes between syncs: `records` is read on every
 * request (v3 paging, one page), so deleting an entry makes the service gone at source.
 */
export function mutableFeed(records: Map<string, Record<string, unknown>>): Promise<TestServer> {
  return serve((path) => {
    const url = new URL(path, "http://x");
    if (url.pathname === "/") return { body: { version: "HSDS-UK-3.0" } };
    if (url.pathname === "/services") {
      const contents = [...records.values()].map((r) => ({ id: r.id, name: r.name }));
      return {
        body: {
          total_items: contents.length,
          total_pages: 1,
          page_number: 1,
          size: contents.length,
          first_page: true,
          last_page: true,
          empty: contents.length === 0,
          contents,
        },
      };
    }
    const record = records.get(decodeURIComponent(url.pathname.slice("/services/".length)));
    return record ? { body: record } : null;
  });
}

/** A perinatal group as a council's feed might send it, with a venue in Exeter. */
export function councilRecord(id: string, over: Record<string, unknown> = {}) {
  return {
    id,
    name: "Bumps and Babies Exeter",
    description: "A friendly postnatal group for new mums and their babies, every Tuesday morning.",
    organization: { id: "org-ex", name: "Exeter Family Hub" },
    email: "hello@exeter-family-hub.example",
    phones: [{ number: "01392 000 111" }],
    service_at_locations: [
      {
        id: `${id}-sal`,
        location: {
          id: `${id}-loc`,
          name: "St Sidwell's Centre",
          latitude: 50.7265,
          longitude: -3.5255,
          addresses: [
            {
              address_1: "Sidwell Street",
              city: "Exeter",
              postal_code: "EX4 6NN",
              country: "GB",
            },
          ],
        },
      },
    ],
    ...over,
  };
}
