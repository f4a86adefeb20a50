import type { FC } from "hono/jsx";
import type { Change } from "../diff.js";

export const DiffList: FC<{ changes: Change[]; empty?: string }> = ({ changes, empty }) =>
  changes.length === 0 ? (
    <p>{empty ?? "No differences."}</p>
  ) : (
    <ul class="diff">
      {changes.map((c) => (
        <li>
          <strong>{c.field}</strong>{" "}
          {c.kind === "added" ? (
            <>
              added: <span class="now">{c.after}</span>
            </>
          ) : c.kind === "removed" ? (
            <>
              removed: <span class="was">{c.before}</span>
            </>
          ) : (
            <>
              changed from <span class="was">{c.before}</span> to <span class="now">{c.after}</span>
            </>
          )}
        </li>
      ))}
    </ul>
  );
