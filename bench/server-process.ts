/** The Node server as its own process, as `npm start` runs it, on a fresh database file. */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface ServerProcess {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const dir = mkdtempSync(join(tmpdir(), "signpost-bench-"));
  const server: ChildProcess = spawn(process.execPath, ["--import", "tsx", "api/node/start.ts"], {
    env: { ...process.env, PORT: "0", DATABASE_URL: `file:${join(dir, "bench.db")}`, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    server.stdout?.on("data", (d: Buffer) => {
      out += d.toString();
      const m = out.match(/running at (http:\/\/[^/\s]+)/);
      if (m?.[1]) resolve(m[1]);
    });
    server.once("exit", (code) => reject(new Error(`server exited (${code}) before listening`)));
  });
  server.stdout?.resume();
  return {
    url,
    pid: server.pid as number,
    async stop() {
      server.kill("SIGTERM");
      await new Promise((resolve) => server.once("exit", resolve));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
