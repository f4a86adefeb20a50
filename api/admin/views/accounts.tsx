/** Accounts (admins only), organisations, and each person's own account page. */
import type { FC } from "hono/jsx";
import { ROLES } from "../../../schema/curation.js";
import { MAIL_LANGUAGES, type MailLanguage, mailLanguageLabels } from "../../../schema/taxonomy.js";
import { ROLE_DESCRIPTIONS, ROLE_LABELS, type SessionUser } from "../roles.js";
import type { OrganisationRow, PublicUser } from "../users.js";
import {
  ActionForm,
  Checkbox,
  ErrorSummary,
  formatDay,
  type Option,
  Select,
  TextField,
} from "./components.js";
import { DataTable } from "./data-table.js";
import { CsrfField, Page } from "./layout.js";
import { NewPasswordFields } from "./password.js";

/** The language of mail to an organisation (blank: chosen from its listings). */
export const MAIL_LANGUAGE_LABELS = Object.fromEntries(
  MAIL_LANGUAGES.map((l) => [l, mailLanguageLabels[l].en]),
) as Record<MailLanguage, string>;
const MAIL_LANGUAGE_OPTIONS: Option[] = MAIL_LANGUAGES.map((l) => ({
  value: l,
  label: MAIL_LANGUAGE_LABELS[l],
}));

const ROLE_OPTIONS: Option[] = ROLES.map((r) => ({
  value: r,
  label: `${ROLE_LABELS[r]}: ${ROLE_DESCRIPTIONS[r]}`,
}));

export const UsersPage: FC<{
  user: SessionUser;
  csrf: string;
  rows: (PublicUser & { organisationName: string | null })[];
  /** Whether another organisation has this name: the id is shown beside it. */
  sharedName: (name: string) => boolean;
  notice?: string | null;
}> = (p) => (
  <Page title="Accounts" user={p.user} csrf={p.csrf} active="users" notice={p.notice ?? null}>
    <h1>Accounts</h1>
    <p class="actions">
      <a class="button primary" href="/admin/users/new">
        Add an account
      </a>
    </p>
    <DataTable
      caption="Accounts"
      columns={["Email", "Name", "Role", "Organisation", "State"]}
      rows={p.rows.map((u) => [
        <a href={`/admin/users/${encodeURIComponent(u.id)}`}>{u.email}</a>,
        u.name,
        ROLE_LABELS[u.role],
        u.organisationName === null ? (
          "–"
        ) : (
          <>
            {u.organisationName}
            {u.organisationId && p.sharedName(u.organisationName) ? (
              <>
                {" "}
                <code class="org-id">{u.organisationId}</code>
              </>
            ) : null}
          </>
        ),
        u.disabled ? "Disabled" : "Active",
      ])}
    />
  </Page>
);

export interface UserFormValues {
  email: string;
  name: string;
  role: string;
  organisationId: string;
  disabled: boolean;
}

export const UserFormPage: FC<{
  user: SessionUser;
  csrf: string;
  editing: PublicUser | null;
  values: UserFormValues;
  errors: Record<string, string>;
  organisations: Option[];
  notice?: string | null;
}> = (p) => {
  const title = p.editing ? `Account: ${p.editing.email}` : "Add an account";
  const action = p.editing
    ? `/admin/users/${encodeURIComponent(p.editing.id)}`
    : "/admin/users/new";
  return (
    <Page title={title} user={p.user} csrf={p.csrf} active="users" notice={p.notice ?? null}>
      <p>
        <a href="/admin/users">All accounts</a>
      </p>
      <h1>{title}</h1>
      <ErrorSummary errors={p.errors} />
      <form method="post" action={action} novalidate>
        <CsrfField token={p.csrf} />
        {p.editing ? (
          <p>
            <strong>Email:</strong> {p.editing.email} · added {formatDay(p.editing.createdAt)}
          </p>
        ) : (
          <TextField
            name="email"
            label="Email address"
            type="email"
            value={p.values.email}
            error={p.errors.email}
            required
            autocomplete="off"
          />
        )}
        <TextField name="name" label="Name" value={p.values.name} error={p.errors.name} />
        <Select
          name="role"
          label="Role"
          options={ROLE_OPTIONS}
          value={p.values.role}
          error={p.errors.role}
          required
          width="wide"
        />
        <Select
          name="organisationId"
          label="Organisation"
          options={p.organisations}
          value={p.values.organisationId}
          error={p.errors.organisationId}
          blank="None"
          hint="Editors can only see and change their organisation's listings."
        />
        {p.editing ? (
          <Checkbox
            name="disabled"
            label="Disable this account (signs it out everywhere)"
            checked={p.values.disabled}
          />
        ) : null}
        <TextField
          name="password"
          label={p.editing ? "Set a new password (optional)" : "Temporary password (optional)"}
          type="password"
          value=""
          error={p.errors.password}
          autocomplete="new-password"
          hint={
            p.editing
              ? "At least 12 characters. Or leave it empty and email them a link to set their own, below."
              : "Leave it empty and we email an invitation: a link to set their own password, valid for 7 days. Or set one here (at least 12 characters) and give it to them by a separate channel."
          }
        />
        <button type="submit" class="button primary">
          {p.editing ? "Save account" : "Add account"}
        </button>
      </form>
      {p.editing && !p.editing.disabled ? (
        <>
          <h2>Password and sign-in</h2>
          <p>
            Email {p.editing.email} a link to set a new password. It works once, for 7 days, and
            signs the account out everywhere when used.
          </p>
          <ActionForm
            action={`/admin/users/${encodeURIComponent(p.editing.id)}/link`}
            csrf={p.csrf}
            label="Email a link to set a password"
          />
          {p.editing.totpEnabledAt ? (
            <>
              <p>
                Two-factor sign-in is on since {formatDay(p.editing.totpEnabledAt)}. If they have
                lost their phone and their recovery codes, turn it off; they can then sign in with
                their password and set it up again.
              </p>
              <ActionForm
                action={`/admin/users/${encodeURIComponent(p.editing.id)}/two-factor-off`}
                csrf={p.csrf}
                label="Turn off two-factor sign-in"
              />
            </>
          ) : null}
        </>
      ) : null}
    </Page>
  );
};

export const OrganisationsPage: FC<{
  user: SessionUser;
  csrf: string;
  rows: OrganisationRow[];
  values: Record<string, string>;
  errors: Record<string, string>;
  notice?: string | null;
}> = (p) => (
  <Page
    title={Object.keys(p.errors).length ? "Error: Organisations" : "Organisations"}
    user={p.user}
    csrf={p.csrf}
    active="organisations"
    notice={p.notice ?? null}
  >
    <h1>Organisations</h1>
    <p>
      The id is how the CSV import, <code>npm run user:create</code> and the listings filter name an
      organisation; it never changes.
    </p>
    <DataTable
      caption="Organisations"
      columns={["Name", "Id", "Email", "Phone", "Mail in", "Listings", "Change"]}
      rows={p.rows.map((o) => [
        o.name,
        <code>{o.id}</code>,
        o.email ?? "–",
        o.phone ?? "–",
        o.mailLanguage ? MAIL_LANGUAGE_LABELS[o.mailLanguage] : "From its listings",
        <a href={`/admin/listings?organisation=${encodeURIComponent(o.id)}`}>
          Listings<span class="visually-hidden"> of {o.name}</span>
        </a>,
        <a href={`/admin/organisations/${encodeURIComponent(o.id)}`}>
          Edit<span class="visually-hidden"> {o.name}</span>
        </a>,
      ])}
    />
    <h2>Add an organisation</h2>
    <ErrorSummary errors={p.errors} />
    <form method="post" action="/admin/organisations" novalidate>
      <CsrfField token={p.csrf} />
      <OrganisationFields values={p.values} errors={p.errors} />
      <button type="submit" class="button primary">
        Add organisation
      </button>
    </form>
  </Page>
);

/** One organisation's details, to change; the id stays. */
export const OrganisationEditPage: FC<{
  user: SessionUser;
  csrf: string;
  organisation: OrganisationRow;
  values: Record<string, string>;
  errors: Record<string, string>;
  notice?: string | null;
}> = (p) => {
  const o = p.organisation;
  return (
    <Page
      title={`${Object.keys(p.errors).length ? "Error: " : ""}Change ${o.name}`}
      user={p.user}
      csrf={p.csrf}
      active="organisations"
      notice={p.notice ?? null}
    >
      <p>
        <a href="/admin/organisations">All organisations</a>
      </p>
      <h1>Change {o.name}</h1>
      <dl class="summary">
        <dt>Id</dt>
        <dd>
          <code>{o.id}</code>
        </dd>
        <dt>Added</dt>
        <dd>{formatDay(o.createdAt)}</dd>
        <dt>Last changed</dt>
        <dd>{formatDay(o.updatedAt)}</dd>
      </dl>
      <p>
        Every change is kept in the{" "}
        <a href={`/admin/audit?entity=organisation&entityId=${encodeURIComponent(o.id)}`}>
          audit log<span class="visually-hidden"> of {o.name}</span>
        </a>
        , old and new values side by side.
      </p>
      <ErrorSummary errors={p.errors} />
      <form method="post" action={`/admin/organisations/${encodeURIComponent(o.id)}`} novalidate>
        <CsrfField token={p.csrf} />
        <OrganisationFields values={p.values} errors={p.errors} />
        <button type="submit" class="button primary">
          Save changes
        </button>
      </form>
    </Page>
  );
};

/** The organisation form's fields, the same for adding and changing one. */
const OrganisationFields: FC<{ values: Record<string, string>; errors: Record<string, string> }> = (
  p,
) => (
  <>
    <TextField
      name="name"
      label="Name"
      value={p.values.name ?? ""}
      error={p.errors.name}
      required
    />
    <TextField
      name="website"
      label="Website"
      type="url"
      value={p.values.website ?? ""}
      error={p.errors.website}
      hint="An https:// address."
    />
    <TextField
      name="email"
      label="Email"
      type="email"
      value={p.values.email ?? ""}
      error={p.errors.email}
      hint="Review reminders go here and to the organisation's editors."
    />
    <TextField
      name="phone"
      label="Phone"
      type="tel"
      value={p.values.phone ?? ""}
      error={p.errors.phone}
      width="medium"
    />
    <TextField
      name="charityNumber"
      label="Charity number"
      value={p.values.charityNumber ?? ""}
      error={p.errors.charityNumber}
      width="medium"
    />
    <Select
      name="mailLanguage"
      label="Language of mail"
      options={MAIL_LANGUAGE_OPTIONS}
      blank="From its listings (Welsh and English if any is in Welsh or serves Wales)"
      value={p.values.mailLanguage ?? ""}
      error={p.errors.mailLanguage}
      width="wide"
    />
  </>
);

export const AccountPage: FC<{
  user: SessionUser;
  csrf: string;
  errors: Record<string, string>;
  notice?: string | null;
  /** Whether two-factor sign-in is on; null when the role is not offered it. */
  twoFactor?: boolean | null;
}> = (p) => (
  <Page title="Your account" user={p.user} csrf={p.csrf} active="account" notice={p.notice ?? null}>
    <h1>Your account</h1>
    <dl class="summary">
      <dt>Email</dt>
      <dd>{p.user.email}</dd>
      <dt>Role</dt>
      <dd>
        {ROLE_LABELS[p.user.role]}: {ROLE_DESCRIPTIONS[p.user.role]}
      </dd>
      <dt>Organisation</dt>
      <dd>{p.user.organisationName ?? "None"}</dd>
    </dl>
    <p>
      <a href="/admin/account/notifications">How you hear from us</a>: a mail each time, or one a
      day.
    </p>
    <h2>Change your password</h2>
    <ErrorSummary errors={p.errors} />
    <form method="post" action="/admin/account/password" novalidate>
      <CsrfField token={p.csrf} />
      <TextField
        name="current"
        label="Current password"
        type="password"
        error={p.errors.current}
        required
        autocomplete="current-password"
      />
      <NewPasswordFields errors={p.errors} />
      <button type="submit" class="button primary">
        Change password
      </button>
    </form>
    <p class="hint">Changing your password signs you out everywhere else.</p>
    {p.twoFactor === null || p.twoFactor === undefined ? null : (
      <>
        <h2>Two-factor sign-in</h2>
        <p>
          {p.twoFactor
            ? "On: signing in needs a code from your authenticator app as well as your password."
            : "Off: signing in needs only your password. Turn it on to make your account much harder to take over."}
        </p>
        <p>
          <a class="button" href="/admin/account/two-factor">
            {p.twoFactor ? "Manage two-factor sign-in" : "Set up two-factor sign-in"}
          </a>
        </p>
      </>
    )}
  </Page>
);
