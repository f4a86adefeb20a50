import { Hono } from "hono";
import { z } from "zod";
import { AUDIT_ACTIONS, listAudit } from "../admin/audit.js";
import { type AdminEnv, render, requireCapability } from "../admin/http.js";
import { listUsers } from "../admin/users.js";
import { AuditPage } from "../admin/views/audit-page.js";

const PAGE_SIZE = 50;
const text = z
  .string()
  .max(120)
  .optional()
  .transform((v) => v || undefined)
  .catch(undefined);
const day = z.iso.date().optional().catch(undefined);
const auditQuery = z.object({
  entity: z
    .enum(["listing", "report", "user", "organisation", "outbox"])
    .optional()
    .catch(undefined),
  entityId: text,
  userId: text,
  action: z.enum(AUDIT_ACTIONS).optional().catch(undefined),
  from: day,
  to: day,
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});

export const adminAuditRoutes = new Hono<AdminEnv>().get(
  "/audit",
  requireCapability("read-audit"),
  async (c) => {
    const deps = c.get("deps");
    const { user, csrfToken } = c.get("session");
    const { page = 1, ...filter } = auditQuery.parse(c.req.query());
    const [{ rows, total }, people] = await Promise.all([
      listAudit(deps.db, filter, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
      listUsers(deps.db),
    ]);
    const names = new Map(people.map((u) => [u.id, u.name || u.email]));
    const query = new URLSearchParams(
      Object.entries(filter).filter((e): e is [string, string] => typeof e[1] === "string"),
    ).toString();
    return render(
      c,
      <AuditPage
        user={user}
        csrf={csrfToken}
        filter={filter}
        rows={rows}
        names={names}
        users={people.map((u) => ({ value: u.id, label: u.email }))}
        page={page}
        pages={Math.max(1, Math.ceil(total / PAGE_SIZE))}
        total={total}
        query={query}
      />,
    );
  },
);
