/** Runs one of the project's command lines (`api/node/cli-*.ts`) as `npm run` would, in a child process. */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));

/** The script's exit code and everything it wrote (stdout and stderr), with `stdin` as its input. */
export function runCli(
  script: string,
  args: string[],
  env: Record<string, string>,
  stdin = "",
): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [join(ROOT, "node_modules/tsx/dist/cli.mjs"), `api/node/${script}`, ...args],
      { cwd: ROOT, env: { ...process.env, ...env } },
    );
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    child.stderr.on("data", (d) => {
      out += d;
    });
    child.stdin.end(stdin);
    child.on("close", (code) => resolve({ code, out }));
  });
}
