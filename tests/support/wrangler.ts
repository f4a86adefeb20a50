import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { freePort } from "./sqld.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const WRANGLER = fileURLToPath(new URL("../../node_modules/.bin/wrangler", import.meta.url));

export interface WranglerDev {
  url: string;
  /**
   * When the first request the Worker answered (a `/health` poll) was sent, in epoch ms: its
   * isolate began serving, and made its app (and clock), no earlier than this.
   */
  firstRequestAt: number;
  stop(): Promise<void>;
}

/**
 * Runs the Worker under `wrangler dev`, offline (no Cloudflare account, no metrics), on a free
 * loopback port, with `vars` overriding wrangler.toml.
 */
export async function startWranglerDev(vars: Record<string, string>): Promise<WranglerDev> {
  mkdirSync(`${ROOT}dist`, { recursive: true });
  const port = await freePort();
  const inspector = await freePort();
  const args = [
    "dev",
    "--ip",
    "127.0.0.1",
    "--port",
    String(port),
    "--inspector-port",
    String(inspector),
    "--log-level",
    "warn",
  ];
  for (const [k, v] of Object.entries(vars)) args.push("--var", `${k}:${v}`);
  const child: ChildProcess = spawn(WRANGLER, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      WRANGLER_SEND_METRICS: "false",
      WRANGLER_HIDE_BANNER: "true",
      CLOUDFLARE_CF_FETCH_ENABLED: "false",
      CI: "true",
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout?.on("data", (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on("data", (d: Buffer) => {
    output += d.toString();
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.pid === undefined) return resolve();
      child.once("exit", () => resolve());
      // wrangler starts workerd as a child: stop the whole process group.
      process.kill(-child.pid, "SIGTERM");
      setTimeout(() => {
        if (child.exitCode === null && child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
      }, 5_000).unref();
    });
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`wrangler dev exited (${child.exitCode}):\n${output}`);
    const firstRequestAt = Date.now();
    try {
      if ((await fetch(`${url}/health`)).ok) return { url, firstRequestAt, stop };
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`wrangler dev did not answer within 90 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}
