/** The audit log, newest first, filterable; each entry shows who, what, when, before and after. */
import type { FC } from "hono/jsx";
import {
  AUDIT_ACTIONS,
  type AuditAction,
  type AuditEntry,
  type AuditFilter,
  type AuditRow,
} from "../audit.js";
import { ACTION_LABELS, ENTITY_LABELS } from "../audit-labels.js";
import { auditChanges } from "../diff.js";
import type { SessionUser } from "../roles.js";
import { formatTime, type Option, Pagination, Select, TextField } from "./components.js";
import { DataTable } from "./data-table.js";
import { DiffList } from "./diff-list.js";
import { FilterForm } from "./filter-form.js";
import { Page } from "./layout.js";

const ENTITY_OPTIONS: Option[] = Object.entries(ENTITY_LABELS).map(([value, label]) => ({
  value,
  label,
}));
const ACTION_OPTIONS: Option[] = AUDIT_ACTIONS.map((a) => ({ value: a, label: ACTION_LABELS[a] }));

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
        rows={p.rows.map((r) => [
          formatTime(r.at),
          r.userId ? (p.names.get(r.userId) ?? r.userId) : "System or public",
          ACTION_LABELS[r.action as AuditAction] ?? r.action,
          r.entity === "listing" ? (
            <a href={`/admin/listings/${encodeURIComponent(r.entityId)}`}>{r.entityId}</a>
          ) : (
            `${ENTITY_LABELS[r.entity as AuditEntry["entity"]] ?? r.entity} ${r.entityId}`
          ),
          r.before || r.after ? (
            <details>
              <summary>
                Show<span class="visually-hidden"> what changed in entry {r.id}</span>
              </summary>
              <DiffList changes={auditChanges(r.before, r.after)} empty="Nothing changed." />
            </details>
          ) : (
            "–"
          ),
        ])}
      />
    ) : null}
    <Pagination
      page={p.page}
      pages={p.pages}
      href={(n) => `/admin/audit?${p.query ? `${p.query}&` : ""}page=${n}`}
    />
  </Page>
);
