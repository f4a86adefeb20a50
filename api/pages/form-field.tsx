/**
 * The pieces of the public forms (`/add-your-service`, "ask to update" on a service page): a
 * labelled field with its hint and error tied to it by `aria-describedby`, and the error summary
 * at the top whose links move focus to each field. Values come back as typed after an error.
 */
import type { Lang } from "../../schema/taxonomy.js";

/** What a form's fields hold, as typed (checkbox lists as arrays). */
export type FormValues = Record<string, string | string[]>;

export const fieldId = (name: string) => `f-${name.replace(/[^A-Za-z0-9]+/g, "-")}`;

export const one = (v: FormValues, k: string) => {
  const x = v[k];
  return Array.isArray(x) ? (x[0] ?? "") : (x ?? "");
};

interface FieldProps {
  name: string;
  label: string;
  hint?: string | undefined;
  values: FormValues;
  errors: Record<string, string>;
  type?: string;
  autocomplete?: string;
  required?: boolean;
  rows?: number;
  lang: Lang;
}

export function Field(p: FieldProps) {
  const id = fieldId(p.name);
  const error = p.errors[p.name];
  const described = [p.hint ? `${id}-hint` : "", error ? `${id}-error` : ""]
    .filter(Boolean)
    .join(" ");
  const common = {
    id,
    name: p.name,
    "aria-describedby": described || undefined,
    "aria-invalid": error ? "true" : undefined,
    required: p.required,
    autocomplete: p.autocomplete,
  };
  return (
    <div class={error ? "field has-error" : "field"}>
      <label for={id}>{p.label}</label>
      {p.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {p.hint}
        </p>
      ) : null}
      {error ? (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {p.rows ? (
        <textarea {...common} rows={p.rows}>
          {one(p.values, p.name)}
        </textarea>
      ) : (
        <input {...common} type={p.type ?? "text"} value={one(p.values, p.name)} />
      )}
    </div>
  );
}

/** The list of problems; `form` (a problem with the whole form) links to `formField`. */
export function ErrorSummary(props: {
  title: string;
  errors: Record<string, string>;
  formField: string;
}) {
  const list = Object.entries(props.errors);
  if (list.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1}>
      <h2>{props.title}</h2>
      <ul>
        {list.map(([name, message]) => (
          <li>
            <a href={`#${fieldId(name === "form" ? props.formField : name)}`}>{message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A box people never see or reach, which scripts fill (the server's HONEYPOT field). */
export function Honeypot(props: { label: string }) {
  return (
    <div class="trap" aria-hidden="true">
      <label for="f-homepage">{props.label}</label>
      <input type="text" id="f-homepage" name="homepage" tabindex={-1} autocomplete="off" />
    </div>
  );
}

/** The page a "confirm your email address" link opens: what confirming does, and one button. */
export function ConfirmForm(props: { intro: string; action: string; label: string }) {
  return (
    <>
      <p>{props.intro}</p>
      <form method="post" action={props.action}>
        <button type="submit" class="button">
          {props.label}
        </button>
      </form>
    </>
  );
}
