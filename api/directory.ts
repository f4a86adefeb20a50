/**
 * The process's (or isolate's) copy of the published directory, kept in step with the
 * `directory_version` row: the version is read at most every `checkEveryMs`, and at once after
 * a write made here; when it has moved, the index is rebuilt from a snapshot (from `store` if it
 * has that version, else from the database, in one statement).
 */

import { parseDirectorySnapshot, readDirectorySnapshot } from "./db/directory-snapshot.js";
import { readDirectoryVersion } from "./db/directory-version.js";
import type { Db } from "./db/types.js";
import { DirectoryIndex } from "./domain/directory-index.js";
import type { Logger } from "./logger.js";

/** Snapshot texts by version, shared beyond one isolate (the Cache API on Workers). */
export interface SnapshotStore {
  get(version: number): Promise<string | undefined>;
  put(version: number, text: string): Promise<void>;
}

export interface DirectoryOptions {
  /** How long an index is trusted before the version is read again; 0 reads it every search. */
  checkEveryMs?: number;
  store?: SnapshotStore | undefined;
  logger?: Logger | undefined;
  /** Monotonic milliseconds (the clock that spaces the checks, not the one listings are judged by). */
  clock?: () => number;
}

export class Directory {
  private index: DirectoryIndex | undefined;
  private checkedAt = Number.NEGATIVE_INFINITY;
  private pending: Promise<DirectoryIndex> | undefined;
  /** Moves on every local write, so a check that began before the write does not count. */
  private writes = 0;
  private readonly checkEveryMs: number;
  private readonly clock: () => number;

  constructor(
    private readonly db: Db,
    private readonly options: DirectoryOptions = {},
  ) {
    this.checkEveryMs = options.checkEveryMs ?? 0;
    this.clock = options.clock ?? (() => performance.now());
  }

  /** The index, after reading the version if a check is due (and rebuilding if it moved). */
  current(): Promise<DirectoryIndex> {
    if (this.index && this.clock() - this.checkedAt < this.checkEveryMs) {
      return Promise.resolve(this.index);
    }
    this.pending ??= this.refresh().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  /** A write here may have changed published data: read the version before the next search. */
  changed(): void {
    this.writes++;
    this.checkedAt = Number.NEGATIVE_INFINITY;
  }

  private async refresh(): Promise<DirectoryIndex> {
    const writes = this.writes;
    const started = this.clock();
    let version: number;
    try {
      version = await readDirectoryVersion(this.db);
    } catch (err) {
      // The database is unreachable: keep answering from the index we have, and try again at
      // the next check. Without one there is nothing to answer from.
      if (!this.index) throw err;
      this.options.logger?.warn("directory version not read", { error: String(err) });
      this.checkedAt = started;
      return this.index;
    }
    if (this.index?.version !== version) this.index = await this.load(version);
    if (writes === this.writes) this.checkedAt = started;
    return this.index;
  }

  private async load(version: number): Promise<DirectoryIndex> {
    const { store, logger } = this.options;
    const cached = await store?.get(version).catch(() => undefined);
    let text = cached;
    if (text === undefined) {
      const read = await readDirectorySnapshot(this.db);
      text = read.text;
      if (store) {
        await store
          .put(read.version, text)
          .catch((err: unknown) =>
            logger?.warn("directory snapshot not stored", { error: String(err) }),
          );
      }
    }
    const snapshot = parseDirectorySnapshot(text);
    return new DirectoryIndex(snapshot.version, snapshot.bundles);
  }
}

const byDb = new WeakMap<Db, Directory>();

/** A directory for a database handle that has none configured: it reads the version every search. */
export function directoryFor(db: Db): Directory {
  let directory = byDb.get(db);
  if (!directory) {
    directory = new Directory(db);
    byDb.set(db, directory);
  }
  return directory;
}
