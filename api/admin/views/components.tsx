/** Form fields that carry their label, hint and error, wired with aria-describedby. */
import type { Child, FC } from "hono/jsx";
import type { Status } from "../../../schema/taxonomy.js";
import { CsrfField } from "./layout.js";

/** A field name (`contacts.0.value`) as an element id. */
export const fieldId = (name: string) => `f-${name.replace(/[^A-Za-z0-9]+/g, "-")}`;
const errorId = (name: string) => `${fieldId(name)}-error`;
const hintId = (name: string) => `${fieldId(name)}-hint`;

const describedBy = (name: string, hint?: string, error?: string) =>
  [hint ? hintId(name) : "", error ? errorId(name) : ""].filter(Boolean).join(" ") || undefined;

export interface FieldProps {
  name: string;
  label: string;
  value?: string;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean;
  /** No "(optional)" marker: for filters, where every field is optional. */
  plain?: boolean;
  type?: "text" | "email" | "url" | "tel" | "date" | "time" | "number" | "password" | "search";
  autocomplete?: string;
  inputmode?: "numeric" | "decimal" | "email" | "tel" | "url" | "text";
  list?: string;
  width?: "narrow" | "medium" | "wide";
  lang?: string;
  step?: string;
  min?: string;
  max?: string;
}

const Hint: FC<{ name: string; hint?: string | undefined }> = ({ name, hint }) =>
  hint ? (
    <p class="hint" id={hintId(name)}>
      {hint}
    </p>
  ) : null;

export const ErrorText: FC<{ name: string; error?: string | undefined }> = ({ name, error }) =>
  error ? (
    <p class="field-error" id={errorId(name)}>
      <span class="visually-hidden">Error: </span>
      {error}
    </p>
  ) : null;

type FrameProps = Pick<FieldProps, "name" | "label" | "hint" | "error" | "required" | "plain">;

/** The wrapper every single-control field shares: label, hint and error above the control. */
const FieldFrame: FC<FrameProps & { children?: Child }> = (p) => (
  <div class={`field${p.error ? " has-error" : ""}`}>
    <label for={fieldId(p.name)}>
      {p.label}
      {p.required || p.plain ? null : <span class="optional"> (optional)</span>}
    </label>
    <Hint name={p.name} hint={p.hint} />
    <ErrorText name={p.name} error={p.error} />
    {p.children}
  </div>
);

export const TextField: FC<FieldProps> = (p) => (
  <FieldFrame {...p}>
    <input
      id={fieldId(p.name)}
      name={p.name}
      type={p.type ?? "text"}
      value={p.value ?? ""}
      class={`input ${p.width ?? "wide"}`}
      aria-describedby={describedBy(p.name, p.hint, p.error)}
      aria-invalid={p.error ? "true" : undefined}
      required={p.required}
      autocomplete={p.autocomplete ?? "off"}
      inputmode={p.inputmode}
      list={p.list}
      lang={p.lang}
      step={p.step}
      min={p.min}
      max={p.max}
    />
  </FieldFrame>
);

export const TextArea: FC<FieldProps & { rows?: number }> = (p) => (
  <FieldFrame {...p}>
    <textarea
      id={fieldId(p.name)}
      name={p.name}
      rows={p.rows ?? 4}
      class="input wide"
      aria-describedby={describedBy(p.name, p.hint, p.error)}
      aria-invalid={p.error ? "true" : undefined}
      required={p.required}
      lang={p.lang}
    >
      {p.value ?? ""}
    </textarea>
  </FieldFrame>
);

export interface Option {
  value: string;
  label: string;
}

export const Select: FC<Omit<FieldProps, "type"> & { options: Option[]; blank?: string }> = (p) => (
  <FieldFrame {...p}>
    <select
      id={fieldId(p.name)}
      name={p.name}
      class={`input ${p.width ?? "medium"}`}
      aria-describedby={describedBy(p.name, p.hint, p.error)}
      aria-invalid={p.error ? "true" : undefined}
      required={p.required}
    >
      {p.blank !== undefined ? <option value="">{p.blank}</option> : null}
      {p.options.map((o) => (
        <option value={o.value} selected={o.value === p.value}>
          {o.label}
        </option>
      ))}
    </select>
  </FieldFrame>
);

export const Checkbox: FC<{
  name: string;
  label: string;
  checked: boolean;
  hint?: string;
  value?: string;
}> = (p) => (
  <div class="checkbox">
    <input
      type="checkbox"
      id={fieldId(p.name)}
      name={p.name}
      value={p.value ?? "yes"}
      checked={p.checked}
      aria-describedby={p.hint ? hintId(p.name) : undefined}
    />
    <label for={fieldId(p.name)}>{p.label}</label>
    {p.hint ? (
      <p class="hint" id={hintId(p.name)}>
        {p.hint}
      </p>
    ) : null}
  </div>
);

/** A group of checkboxes sharing one name, in a fieldset whose legend names the question. */
export const CheckboxGroup: FC<{
  name: string;
  legend: string;
  options: Option[];
  values: string[];
  hint?: string;
  error?: string | undefined;
}> = (p) => (
  <fieldset
    class={`field group${p.error ? " has-error" : ""}`}
    id={fieldId(p.name)}
    aria-describedby={describedBy(p.name, p.hint, p.error)}
  >
    <legend>{p.legend}</legend>
    <Hint name={p.name} hint={p.hint} />
    <ErrorText name={p.name} error={p.error} />
    <div class="choices">
      {p.options.map((o) => {
        const id = `${fieldId(p.name)}-${o.value.replace(/[^A-Za-z0-9]+/g, "-")}`;
        return (
          <div class="checkbox">
            <input
              type="checkbox"
              id={id}
              name={p.name}
              value={o.value}
              checked={p.values.includes(o.value)}
            />
            <label for={id}>{o.label}</label>
          </div>
        );
      })}
    </div>
  </fieldset>
);

/** The list of problems at the top of a form, each linking to its field (GOV.UK pattern). */
export const ErrorSummary: FC<{
  errors: Record<string, string>;
  labels?: (name: string) => string;
}> = ({ errors, labels }) => {
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1}>
      <h2 id="error-summary-title">There is a problem</h2>
      <ul>
        {entries.map(([name, message]) => (
          <li>
            <a href={`#${fieldId(name)}`}>
              {labels ? `${labels(name)}: ` : ""}
              {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
};

/** A one-button form that posts an action with the CSRF token and the edit token. */
export const ActionForm: FC<{
  action: string;
  csrf: string;
  label: string;
  hidden?: Record<string, string | number>;
  variant?: "primary" | "secondary" | "warning";
  confirm?: string;
  children?: Child;
}> = (p) => (
  <form method="post" action={p.action} class="action-form" data-confirm={p.confirm}>
    <CsrfField token={p.csrf} />
    {Object.entries(p.hidden ?? {}).map(([name, value]) => (
      <input type="hidden" name={name} value={String(value)} />
    ))}
    {p.children}
    <button type="submit" class={`button ${p.variant ?? "secondary"}`}>
      {p.label}
    </button>
  </form>
);

export const STATUS_LABELS: Record<Status, string> = {
  draft: "Draft",
  "in-review": "In review",
  published: "Published",
  archived: "Archived",
};

export const StatusTag: FC<{ status: Status; pending?: "draft" | "in-review" | null }> = ({
  status,
  pending,
}) => (
  <span class="tags">
    <span class={`tag tag-${status}`}>{STATUS_LABELS[status]}</span>
    {pending ? (
      <span class={`tag tag-${pending}`}>
        {pending === "in-review" ? "Changes in review" : "Changes in draft"}
      </span>
    ) : null}
  </span>
);

export const Pagination: FC<{ page: number; pages: number; href: (page: number) => string }> = ({
  page,
  pages,
  href,
}) =>
  pages > 1 ? (
    <nav class="pagination" aria-label="Pages">
      {page > 1 ? <a href={href(page - 1)}>Previous page</a> : null}
      <span>
        Page {page} of {pages}
      </span>
      {page < pages ? <a href={href(page + 1)}>Next page</a> : null}
    </nav>
  ) : null;

export const formatDay = (day: string | null | undefined) =>
  day
    ? new Date(`${day.slice(0, 10)}T12:00:00Z`).toLocaleDateString("en-GB", {
        day: "numeric",
        month: "short",
        year: "numeric",
        timeZone: "UTC",
      })
    : "never";

export const formatTime = (iso: string) =>
  new Date(iso).toLocaleString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Europe/London",
  });
