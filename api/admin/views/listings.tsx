import type { FC } from "hono/jsx";
import { kindLabels } from "../../../schema/taxonomy.js";
import type { ListingFilter, ListingSummary } from "../listing-repo.js";
import { reviewStatus } from "../review-status.js";
import type { SessionUser } from "../roles.js";
import { formatDay, type Option, Pagination, Select, StatusTag, TextField } from "./components.js";
import { DataTable } from "./data-table.js";
import { FilterForm } from "./filter-form.js";
import { Page } from "./layout.js";

export const KIND_OPTIONS: Option[] = Object.entries(kindLabels).map(([value, l]) => ({
  value,
  label: l.en,
}));

const STATUS_OPTIONS: Option[] = [
  { value: "draft", label: "Draft" },
  { value: "in-review", label: "In review" },
  { value: "published", label: "Published" },
  { value: "archived", label: "Archived" },
];

const SORT_OPTIONS: Option[] = [
  { value: "checked-asc", label: "Last checked, oldest first" },
  { value: "checked-desc", label: "Last checked, newest first" },
  { value: "name", label: "Name" },
  { value: "edited", label: "Recently edited" },
];

export const ReviewTags: FC<{
  row: Pick<ListingSummary, "status" | "verifiedAt" | "reviewEveryDays" | "kind" | "demo">;
  now: Date;
}> = ({ row, now }) => {
  if (row.status !== "published")
    return row.demo ? <span class="tag tag-example">Example</span> : null;
  const r = reviewStatus(row, now);
  return (
    <span class="tags">
      {r.hidden ? <span class="tag tag-hidden">Hidden from search</span> : null}
      {!r.hidden && r.overdue ? <span class="tag tag-overdue">Due for review</span> : null}
      {row.demo ? <span class="tag tag-example">Example</span> : null}
    </span>
  );
};

export const ListingsPage: FC<{
  user: SessionUser;
  csrf: string;
  now: Date;
  filter: ListingFilter & { page: number };
  rows: ListingSummary[];
  total: number;
  pages: number;
  organisations: Option[] | null;
  areas: Option[];
  query: string;
}> = (p) => (
  <Page title="Listings" user={p.user} csrf={p.csrf} active="listings">
    <h1>Listings</h1>
    <p class="actions">
      <a class="button primary" href="/admin/listings/new">
        Add a listing
      </a>
      <a class="button secondary" href={`/admin/export.csv${p.query ? `?${p.query}` : ""}`}>
        Download these as CSV
      </a>
    </p>
    <FilterForm action="/admin/listings" label="Filter listings" submit="Apply filters">
      <TextField
        name="q"
        label="Search"
        type="search"
        value={p.filter.q ?? ""}
        width="medium"
        plain
      />
      <Select
        name="status"
        label="Status"
        options={STATUS_OPTIONS}
        value={p.filter.status ?? ""}
        blank="Any status"
        plain
      />
      <Select
        name="kind"
        label="Kind"
        options={KIND_OPTIONS}
        value={p.filter.kind ?? ""}
        blank="Any kind"
        plain
      />
      <Select
        name="area"
        label="Area served"
        options={p.areas}
        value={p.filter.area ?? ""}
        blank="Anywhere"
        plain
      />
      {p.organisations ? (
        <Select
          name="organisation"
          label="Organisation"
          options={p.organisations}
          value={p.filter.organisationId ?? ""}
          blank="Every organisation"
          plain
        />
      ) : null}
      <Select
        name="sort"
        label="Sort by"
        options={SORT_OPTIONS}
        value={p.filter.sort ?? "checked-asc"}
        plain
      />
      <div class="field checkbox">
        <input type="checkbox" id="f-due" name="due" value="1" checked={Boolean(p.filter.due)} />
        <label for="f-due">Due for review only</label>
      </div>
    </FilterForm>
    <p role="status">
      {p.total === 1 ? "1 listing" : `${p.total} listings`}
      {p.query ? " match these filters." : "."}
    </p>
    {p.rows.length > 0 ? (
      <DataTable
        caption="Listings"
        columns={["Listing", "Organisation", "Kind", "Status", "Last checked"]}
        rows={p.rows.map((r) => [
          <a href={`/admin/listings/${encodeURIComponent(r.id)}`}>{r.name}</a>,
          r.organisationName,
          kindLabels[r.kind]?.en ?? r.kind,
          <>
            <StatusTag status={r.status} pending={r.pending} /> <ReviewTags row={r} now={p.now} />
          </>,
          // A date is one unit: "1 Nov 2026" wrapped after "Nov" at 1280 px.
          <span class="day">{formatDay(r.verifiedAt)}</span>,
        ])}
      />
    ) : null}
    <Pagination
      page={p.filter.page}
      pages={p.pages}
      href={(page) =>
        `/admin/listings?${new URLSearchParams({ ...Object.fromEntries(new URLSearchParams(p.query)), page: String(page) })}`
      }
    />
  </Page>
);
