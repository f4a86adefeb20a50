import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createServer as createNetServer } from "node:net";
import { readConfig } from "../../../api/config.js";
import { silentLogger } from "../../../api/logger.js";
import { type RunningServer, startServer } from "../../../api/node/server.js";
import { ensureWidgetBuild } from "../../widget/helpers/build.js";

/**
 * The real Node server on a free loopback port, with an in-memory libSQL database that it
 * migrates and seeds with the demo listings, serving the freshly built widget and demo pages.
 */
export async function startRealServer(): Promise<RunningServer> {
  await ensureWidgetBuild();
  return startServer({
    // Tests search far faster than a person: the per-client limit is switched off here.
    config: readConfig({
      PORT: "0",
      HOST: "127.0.0.1",
      DATABASE_URL: ":memory:",
      RATE_LIMITS: "off",
    }),
    logger: silentLogger,
  });
}

export interface HostSite {
  /** A different origin from the directory (localhost, not 127.0.0.1, and its own port). */
  url: string;
  page(name: string, html: string): string;
  close(): Promise<void>;
}

/** A third-party website on its own origin, for testing the widget as GP surgeries embed it. */
export async function startHostSite(): Promise<HostSite> {
  const pages = new Map<string, string>();
  const server = createServer((req, res) => {
    const html = pages.get(new URL(req.url ?? "/", "http://host").pathname);
    res.writeHead(html ? 200 : 404, { "content-type": "text/html; charset=utf-8" });
    res.end(html ?? "not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://localhost:${(server.address() as AddressInfo).port}`;
  return {
    url,
    page(name, html) {
      pages.set(`/${name}`, html);
      return `${url}/${name}`;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A free loopback port, so PUBLIC_ORIGIN can name the server before it starts. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createNetServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}
