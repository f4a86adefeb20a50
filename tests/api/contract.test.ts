import { afterAll, beforeAll, describe } from "vitest";
import { BACKENDS, type Backend, openBackend } from "../support/backends.js";
import { describeContract } from "./contract.js";

for (const kind of BACKENDS) {
  describe(kind, () => {
    let backend: Backend;
    beforeAll(async () => {
      backend = await openBackend(kind);
    });
    afterAll(async () => {
      await backend?.close();
    });
    describeContract(
      kind === "sqld" ? "real sqld over HTTP" : "embedded libSQL in memory",
      () => (path, init) => Promise.resolve(backend.app.request(path, init)),
    );
  });
}
