import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import {
  borderResults,
  cardiff,
  emptyResults,
  exeterResults,
  hostileResults,
  nothingLocal,
  welshResults,
} from "./fixtures.js";

/**
 * A tiny stand-in for the directory, for the states the real one rarely shows on demand:
 * the scenario is chosen by the sector the widget sends.
 *   EX4 4, EX4  results        TR1 1  no results     ZZ9 9  postcode not found
 *   LS1 1       500 error      M1 1   never answers  B1 1   not JSON
 *   RL1 1       429 rate limited
 *   CF10 3      Welsh results  XS1 1  hostile listing text
 *   G2 1        nothing local: next steps and 12 national listings (in Welsh for CF24 4)
 *   HR3 5       a cross-border place
 * It also serves the built widget at /widget/ and test host pages at /test/<name>.html.
 */

export interface FakeApi {
  url: string;
  /** Every request the server saw, newest last. */
  requests: URL[];
  searches(): URL[];
  /** Registers a host page at /test/<name>.html. */
  page(name: string, html: string): string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  ".js": "text/javascript",
  ".json": "application/json",
  ".map": "application/json",
};

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, {
    "content-type": "application/json",
    "access-control-allow-origin": "*",
  });
  res.end(JSON.stringify(body));
}

function error(res: ServerResponse, status: number, code: string, message: string) {
  json(res, status, { error: { code, message, requestId: "test-request" } });
}

function search(url: URL, res: ServerResponse) {
  const postcode = url.searchParams.get("postcode");
  switch (postcode) {
    case "EX4 4":
    case "EX4":
      return json(res, 200, exeterResults);
    case "CF10 3":
      return json(res, 200, welshResults());
    case "TR1 1":
      return json(res, 200, emptyResults);
    case "XS1 1":
      return json(res, 200, hostileResults);
    case "G2 1":
      return json(res, 200, nothingLocal());
    case "CF24 4":
      return json(res, 200, nothingLocal({ ...cardiff, query: "CF24 4" }, "cy"));
    case "HR3 5":
      return json(res, 200, borderResults());
    case "ZZ9 9":
      return error(res, 404, "postcode_not_found", "We could not find that postcode.");
    case "LS1 1":
      return error(res, 500, "internal_error", "Something went wrong on our side.");
    case "RL1 1":
      res.setHeader("retry-after", "60");
      return error(res, 429, "rate_limited", "Too many requests.");
    case "B1 1":
      res.writeHead(200, {
        "content-type": "application/json",
        "access-control-allow-origin": "*",
      });
      return res.end("<html>not json</html>");
    case "M1 1":
      return; // Never answers: the widget must give up by itself.
    default:
      return error(res, 400, "invalid_postcode", "That does not look like a UK postcode.");
  }
}

export async function startFakeApi(widgetDist: string): Promise<FakeApi> {
  const requests: URL[] = [];
  const pages = new Map<string, string>();
  const open = new Set<ServerResponse>();

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://fake");
    requests.push(url);
    open.add(res);
    res.on("close", () => open.delete(res));
    if (url.pathname === "/api/v1/search") return search(url, res);
    if (url.pathname.startsWith("/test/")) {
      const html = pages.get(url.pathname.slice("/test/".length));
      if (!html) return error(res, 404, "not_found", "No such test page.");
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      return res.end(html);
    }
    if (url.pathname.startsWith("/widget/")) {
      const file = normalize(join(widgetDist, url.pathname.slice("/widget/".length)));
      if (!file.startsWith(widgetDist)) return error(res, 404, "not_found", "Outside the build.");
      try {
        const body = await readFile(file);
        res.writeHead(200, {
          "content-type": TYPES[extname(file)] ?? "application/octet-stream",
          "access-control-allow-origin": "*",
        });
        return res.end(body);
      } catch {
        return error(res, 404, "not_found", "Not built.");
      }
    }
    return error(res, 404, "not_found", "Nothing here.");
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => error(res, 500, "test_error", String(err)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    requests,
    searches: () => requests.filter((r) => r.pathname === "/api/v1/search"),
    page(name, html) {
      pages.set(name, html);
      return `${url}/test/${name}`;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of open) res.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A minimal host page: the module script and one element with the given attributes. */
export function hostPage(
  attributes: string,
  options: { lang?: string; scripts?: string[]; body?: string; fallback?: string } = {},
): string {
  const scripts = options.scripts ?? ['<script type="module" src="/widget/signpost.js"></script>'];
  return `<!doctype html>
<html lang="${options.lang ?? "en"}">
  <head><meta charset="utf-8"><title>Widget test page</title><link rel="icon" href="data:,">${scripts.join("")}</head>
  <body>
    <main>
      <h1>Test host page</h1>
      <perinatal-signpost ${attributes}>${options.fallback ?? "<p>Call 999 in an emergency.</p>"}</perinatal-signpost>
      ${options.body ?? ""}
    </main>
  </body>
</html>`;
}
