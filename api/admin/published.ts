/**
 * The one way to change what the public sees. Publishing, archiving and "mark as checked" (the
 * public "last checked" date) run their statements through runPublishedWrite, and nothing else
 * calls publishedChanged, so a form that changes no listing (a sign-in, a problem report, a
 * draft saved) leaves cached answers alone.
 */

import { bumpDirectoryVersion } from "../db/directory-version.js";
import type { Db } from "../db/types.js";
import type { Deps } from "../deps.js";
import { runBatch, type Statement } from "./batch.js";

export interface PublishedWriteContext {
  db: Db;
  now?: Date;
  /** Called once the transaction has committed and changed published data. */
  publishedChanged?: (() => void) | undefined;
}

/**
 * Runs the statements of a published-data write as one transaction (answers the rows each
 * changed, as runBatch does). The first statement is the write's claim: when it matched no row,
 * nothing was published and nobody is told. Statements that must move with every published
 * change (a directory version counter) belong in this batch.
 */
export async function runPublishedWrite(
  ctx: PublishedWriteContext,
  statements: Statement[],
): Promise<number[]> {
  // The directory version moves in the same transaction, so no process or isolate can see the
  // change without seeing the version move (it moves even when the claim found nothing: that
  // costs only a needless index rebuild).
  const results = await runBatch(ctx.db, [...statements, bumpDirectoryVersion(ctx.db, ctx.now)]);
  if ((results[0] ?? 0) > 0) ctx.publishedChanged?.();
  return results;
}

/**
 * What to do in this process after published data changed: drop the cached public answers, and
 * have search read the directory version before its next answer.
 */
export function publishedChangeHook(deps: Deps): () => void {
  return () => {
    deps.cache?.clear();
    deps.directory?.changed();
  };
}
