/** The audit log, newest first, filterable; each entry shows who, what, when, before and after. */
import type { FC } from "hono/jsx";
import { AUDIT_ACTIONS, type AuditFilter, type AuditRow } from "../audit.js";
import type { SessionUser } from "../roles.js";
import { formatTime, type Option, Pagination, Select, TextField } from "./components.js";
import { DataTable } from "./data-table.js";
import { FilterForm } from "./filter-form.js";
import { Page } from "./layout.js";

const ENTITY_OPTIONS: Option[] = ["listing", "report", "user", "organisation", "outbox"].map(
  (v) => ({
    value: v,
    label: v,
  }),
);
const ACTION_OPTIONS: Option[] = AUDIT_ACTIONS.map((a) => ({ value: a, label: a }));

const pretty = (value: unknown) =>
  value === null || value === undefined ? "" : JSON.stringify(value, null, 2);

export const AuditPage: FC<{
  user: SessionUser;
  csrf: string;
  filter: AuditFilter;
  rows: AuditRow[];
  names: Map<string, string>;
  users: Option[];
  page: number;
  pages: number;
  total: number;
  query: string;
}> = (p) => (
  <Page title="Audit log" user={p.user} csrf={p.csrf} active="audit">
    <h1>Audit log</h1>
    <p>Every change, newest first. Entries are never changed or removed.</p>
    <FilterForm action="/admin/audit" label="Filter the audit log" submit="Filter">
      <Select
        name="entity"
        label="Kind of record"
        options={ENTITY_OPTIONS}
        value={p.filter.entity ?? ""}
        blank="Any"
        plain
      />
      <TextField
        name="entityId"
        label="Record id"
        value={p.filter.entityId ?? ""}
        width="medium"
        plain
      />
      <Select
        name="action"
        label="Action"
        options={ACTION_OPTIONS}
        value={p.filter.action ?? ""}
        blank="Any"
        plain
      />
      <Select
        name="userId"
        label="Who"
        options={p.users}
        value={p.filter.userId ?? ""}
        blank="Anyone"
        plain
      />
      <TextField
        name="from"
        label="From"
        type="date"
        value={p.filter.from ?? ""}
        width="medium"
        plain
      />
      <TextField name="to" label="To" type="date" value={p.filter.to ?? ""} width="medium" plain />
    </FilterForm>
    <p role="status">{p.total === 1 ? "1 entry" : `${p.total} entries`}</p>
    {p.rows.length ? (
      <DataTable
        caption="Audit entries"
        columns={["When", "Who", "What", "Record", "Before and after"]}
      >
        {p.rows.map((r) => (
          <tr>
            <td>{formatTime(r.at)}</td>
            <td>{r.userId ? (p.names.get(r.userId) ?? r.userId) : "System or public"}</td>
            <td>{r.action}</td>
            <td>
              {r.entity === "listing" ? (
                <a href={`/admin/listings/${encodeURIComponent(r.entityId)}`}>{r.entityId}</a>
              ) : (
                `${r.entity} ${r.entityId}`
              )}
            </td>
            <td>
              {r.before || r.after ? (
                <details>
                  <summary>
                    Show<span class="visually-hidden"> before and after for entry {r.id}</span>
                  </summary>
                  {r.before ? (
                    <>
                      <p class="pre-label">Before</p>
                      <p class="pre">{pretty(r.before)}</p>
                    </>
                  ) : null}
                  {r.after ? (
                    <>
                      <p class="pre-label">After</p>
                      <p class="pre">{pretty(r.after)}</p>
                    </>
                  ) : null}
                </details>
              ) : (
                "–"
              )}
            </td>
          </tr>
        ))}
      </DataTable>
    ) : null}
    <Pagination
      page={p.page}
      pages={p.pages}
      href={(n) => `/admin/audit?${p.query ? `${p.query}&` : ""}page=${n}`}
    />
  </Page>
);
