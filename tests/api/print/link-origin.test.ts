import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readConfig } from "../../../api/config.js";
import { silentLogger } from "../../../api/logger.js";
import { type RunningServer, startServer } from "../../../api/node/server.js";
import { originFor } from "../../../api/print/index.js";

/** A GET with a Host header of our choosing, as any client on the network can send. */
function getWithHost(base: string, path: string, host: string) {
  const url = new URL(path, base);
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(url, { headers: { host } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("latin1") }),
      );
    });
    req.on("error", reject);
    req.end();
  });
}

const PDF = "/print/pack.pdf?postcode=EX4+4&moment=birth&lang=en";
const PAGE = "/print?postcode=EX4+4&moment=birth&lang=en";

describe("originFor", () => {
  const linkHosts = {
    allowed: ["127.0.0.1", "localhost", "signpost.example"],
    fallback: "http://127.0.0.1:8787",
  };
  it("prefers the configured public origin over any request", () => {
    expect(
      originFor(
        { publicOrigin: "https://signpost.example.org/x", linkHosts },
        "http://evil.example/print",
      ),
    ).toBe("https://signpost.example.org");
  });
  it("follows the request only for an allowed host, with or without its port", () => {
    expect(originFor({ linkHosts }, "http://localhost:9000/print")).toBe("http://localhost:9000");
    expect(originFor({ linkHosts }, "http://SIGNPOST.example/print")).toBe(
      "http://signpost.example",
    );
    expect(originFor({ linkHosts }, "http://evil.example/print")).toBe("http://127.0.0.1:8787");
    expect(originFor({ linkHosts }, "http://127.0.0.1.evil.example/print")).toBe(
      "http://127.0.0.1:8787",
    );
  });
  it("follows the request when there is no allow-list (Workers route only their own hosts)", () => {
    expect(originFor({}, "https://signpost.workers.dev/print")).toBe(
      "https://signpost.workers.dev",
    );
  });
});

describe("links printed by the Node server without PUBLIC_ORIGIN", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({
      config: readConfig({
        PORT: "0",
        HOST: "127.0.0.1",
        DATABASE_URL: ":memory:",
        RATE_LIMITS: "off",
        ALLOWED_HOSTS: "signpost.example, intranet.example:8443",
      }),
      logger: silentLogger,
      dailyJobs: false,
    });
  });
  afterAll(() => server?.close());

  it("never follows a foreign Host header into a PDF's links or a pack page", async () => {
    for (const path of [PDF, PAGE]) {
      const res = await getWithHost(server.url, path, "evil.example");
      expect(res.status, path).toBe(200);
      expect(res.body, path).not.toContain("evil.example");
    }
    const pdf = await getWithHost(server.url, PDF, "evil.example");
    expect(pdf.body).toContain(`/URI (${server.url}/services/`);
  });

  it("follows the Host header for localhost and the ALLOWED_HOSTS entries", async () => {
    const port = new URL(server.url).port;
    for (const host of [`localhost:${port}`, "signpost.example", "intranet.example:8443"]) {
      const pdf = await getWithHost(server.url, PDF, host);
      expect(pdf.status, host).toBe(200);
      expect(pdf.body, host).toContain(`/URI (http://${host}/services/`);
    }
    const other = await getWithHost(server.url, PDF, "intranet.example:9999");
    expect(other.body).toContain(`/URI (${server.url}/services/`);
  });
});
