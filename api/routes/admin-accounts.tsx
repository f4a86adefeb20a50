/** Accounts and organisations (admins), and each person's own password. */
import { Hono } from "hono";
import type { z } from "zod";
import { sendAccountLink } from "../admin/account-links.js";
import { organisationOf } from "../admin/console-data.js";
import {
  type AdminContext,
  type AdminEnv,
  field,
  forbidden,
  formBody,
  linkOrigin,
  notFoundPage,
  render,
  requireCapability,
} from "../admin/http.js";
import type { FormBody } from "../admin/listing-form.js";
import { organisationOptions, sharedNames } from "../admin/organisation-lookup.js";
import { passwordProblem, verifyPassword } from "../admin/password.js";
import { endUserSessions } from "../admin/session.js";
import { adminState, waitMessage } from "../admin/state.js";
import {
  disableTwoFactor,
  enableTwoFactor,
  isTotpSecret,
  newTotpSecret,
  offersTwoFactor,
  totpStep,
  totpUri,
  twoFactorOf,
} from "../admin/two-factor.js";
import {
  countAdmins,
  createOrganisation,
  createUser,
  findUserByEmail,
  getOrganisation,
  getUser,
  listOrganisations,
  listUsers,
  newOrganisation,
  ORGANISATION_FIELDS,
  type OrganisationRow,
  type PublicUser,
  setPassword,
  updateOrganisation,
  updateUser,
  userFields,
  userProblem,
} from "../admin/users.js";
import {
  AccountPage,
  OrganisationEditPage,
  OrganisationsPage,
  UserFormPage,
  type UserFormValues,
  UsersPage,
} from "../admin/views/accounts.js";
import { TwoFactorPage } from "../admin/views/password.js";
import type { Db } from "../db/types.js";

const NOTICES: Record<string, string> = {
  created: "The account was added.",
  invited: "The account was added, and an invitation to set a password is in the outbox.",
  link: "A link to set a password is in the outbox, for this account's email address.",
  "two-factor-off": "Two-factor sign-in is off for this account.",
  "own-two-factor-off": "Two-factor sign-in is off.",
  saved: "The account was saved.",
  organisation: "The organisation was added.",
  "organisation-saved": "The organisation was saved. The audit log shows what changed.",
  "organisation-same": "Nothing had changed, so nothing was saved.",
  password: "Your password was changed. Other sessions were signed out.",
};

const readUserForm = (body: FormBody): UserFormValues => ({
  email: field(body, "email").trim(),
  name: field(body, "name").trim(),
  role: field(body, "role"),
  organisationId: field(body, "organisationId"),
  disabled: field(body, "disabled") !== "",
});

/** Field messages from a zod error, first message per field. */
function messages(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) out[String(issue.path[0] ?? "form")] ??= issue.message;
  return out;
}

/** The organisations to choose from, a name two of them bear followed by each one's id. */
const orgOptions = async (c: AdminContext) =>
  organisationOptions(await listOrganisations(c.get("deps").db));

/** What each organisation field needs, said as the form's answer to a mistake. */
const ORGANISATION_MESSAGES: Record<string, string> = {
  name: "Enter the organisation's name, 2 to 160 characters.",
  website: "Enter a web address starting https://, like https://example.org.",
  email: "Enter an email address, like name@example.org.",
  phone: "Enter a UK phone number, like 01632 960000.",
  charityNumber:
    "Enter a charity number: 6 or 7 digits (England and Wales), SC and 6 digits (Scotland) or NIC and 6 digits (Northern Ireland).",
  mailLanguage: "Choose a language of mail from the list.",
};

const organisationErrors = (error: z.ZodError) =>
  Object.fromEntries(
    Object.entries(messages(error)).map(([k, m]) => [k, ORGANISATION_MESSAGES[k] ?? m]),
  );

/** The organisation form as typed (kept for the form), and as checked. */
function readOrganisationForm(body: FormBody) {
  const values: Record<string, string> = Object.fromEntries(
    ORGANISATION_FIELDS.map((k) => [k, field(body, k).trim()]),
  );
  const parsed = newOrganisation.safeParse(
    Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v === "" ? null : v])),
  );
  return { values, parsed };
}

/** One organisation's page: its id and the form to change it. */
function organisationPage(
  c: AdminContext,
  organisation: OrganisationRow,
  values: Record<string, string>,
  errors: Record<string, string>,
  notice: string | null,
  status: 200 | 422 = 200,
) {
  const { user, csrfToken } = c.get("session");
  return render(
    c,
    <OrganisationEditPage
      user={user}
      csrf={csrfToken}
      organisation={organisation}
      values={values}
      errors={errors}
      notice={notice}
    />,
    status,
  );
}

const doneNotice = (c: AdminContext) => NOTICES[c.req.query("done") ?? ""] ?? null;

/** Checks an account form as both adding and editing do: its fields, and its organisation. */
async function checkUserForm(db: Db, values: UserFormValues) {
  const parsed = userFields.safeParse(values);
  const errors: Record<string, string> = parsed.success ? {} : messages(parsed.error);
  if (parsed.success) {
    const problem = userProblem(parsed.data);
    if (problem) errors.organisationId = problem;
    if (parsed.data.organisationId && !(await organisationOf(db, parsed.data.organisationId))) {
      errors.organisationId = "Choose an organisation from the list.";
    }
  }
  return { parsed, errors };
}

/** The account form again, with what was sent and what is wrong with it. */
async function userFormProblems(
  c: AdminContext,
  editing: PublicUser | null,
  values: UserFormValues,
  errors: Record<string, string>,
) {
  const { user, csrfToken } = c.get("session");
  return render(
    c,
    <UserFormPage
      user={user}
      csrf={csrfToken}
      editing={editing}
      values={values}
      errors={errors}
      organisations={await orgOptions(c)}
    />,
    422,
  );
}

/** A new secret to enrol, with the URI its QR code shows. */
function freshSecret(email: string) {
  const secret = newTotpSecret();
  return { kind: "off" as const, secret, uri: totpUri(secret, email) };
}

/**
 * Checks the signed-in person's current password (changing it, turning two-factor off).
 * Counted before the check, like sign-in: a stolen session cannot guess the password fast.
 */
async function currentPasswordProblem(
  c: AdminContext,
  current: string,
): Promise<{ message: string; status: 422 | 429 } | null> {
  const deps = c.get("deps");
  const { user } = c.get("session");
  const checks = adminState(deps).passwordByUser;
  const wait = checks.take(user.id, deps.now().getTime());
  if (wait > 0) {
    c.header("Retry-After", String(Math.ceil(wait / 1000)));
    return {
      message: `Too many tries of your current password. ${waitMessage(wait)}`,
      status: 429,
    };
  }
  const row = await findUserByEmail(deps.db, user.email);
  if (!row || !(await verifyPassword(current, row.passwordHash))) {
    return { message: "Your current password is not right.", status: 422 };
  }
  checks.reset(user.id);
  return null;
}

export const adminAccountRoutes = new Hono<AdminEnv>()
  .get("/users", requireCapability("manage-users"), async (c) => {
    const { user, csrfToken } = c.get("session");
    const { db } = c.get("deps");
    const [rows, organisations] = await Promise.all([listUsers(db), listOrganisations(db)]);
    return render(
      c,
      <UsersPage
        user={user}
        csrf={csrfToken}
        rows={rows}
        sharedName={sharedNames(organisations)}
        notice={doneNotice(c)}
      />,
    );
  })
  .get("/users/new", requireCapability("manage-users"), async (c) => {
    const { user, csrfToken } = c.get("session");
    return render(
      c,
      <UserFormPage
        user={user}
        csrf={csrfToken}
        editing={null}
        values={{ email: "", name: "", role: "editor", organisationId: "", disabled: false }}
        errors={{}}
        organisations={await orgOptions(c)}
      />,
    );
  })
  .post("/users/new", requireCapability("manage-users"), async (c) => {
    const deps = c.get("deps");
    const { user } = c.get("session");
    const body = await formBody(c);
    const values = readUserForm(body);
    const password = field(body, "password");
    const { parsed, errors } = await checkUserForm(deps.db, values);
    if (parsed.success && (await findUserByEmail(deps.db, parsed.data.email)))
      errors.email = "There is already an account with this email address.";
    const weak = password ? passwordProblem(password, values.email) : null;
    if (weak) errors.password = weak;
    if (!parsed.success || Object.keys(errors).length > 0) {
      return userFormProblems(c, null, values, errors);
    }
    const now = deps.now();
    const created = await createUser(deps.db, now, user.id, { ...parsed.data, password });
    if (password) return c.redirect("/admin/users?done=created", 303);
    await sendAccountLink(deps.db, now, {
      purpose: "invitation",
      user: created,
      origin: linkOrigin(c),
      actorId: user.id,
      invitedBy: user.name || user.email,
      mail: deps.mail,
    });
    return c.redirect("/admin/users?done=invited", 303);
  })
  .get("/users/:id", requireCapability("manage-users"), async (c) => {
    const { user, csrfToken } = c.get("session");
    const editing = await getUser(c.get("deps").db, c.req.param("id"));
    if (!editing) return notFoundPage(c, "account");
    return render(
      c,
      <UserFormPage
        user={user}
        csrf={csrfToken}
        editing={editing}
        values={{ ...editing, organisationId: editing.organisationId ?? "" }}
        errors={{}}
        organisations={await orgOptions(c)}
        notice={doneNotice(c)}
      />,
    );
  })
  .post("/users/:id", requireCapability("manage-users"), async (c) => {
    const deps = c.get("deps");
    const { user } = c.get("session");
    const editing = await getUser(deps.db, c.req.param("id"));
    if (!editing) return notFoundPage(c, "account");
    const body = await formBody(c);
    const values = { ...readUserForm(body), email: editing.email };
    const password = field(body, "password");
    const { parsed, errors } = await checkUserForm(deps.db, values);
    if (parsed.success) {
      const losesAdmin =
        editing.role === "admin" &&
        !editing.disabled &&
        (parsed.data.role !== "admin" || values.disabled);
      if (losesAdmin && (await countAdmins(deps.db)) <= 1) {
        errors.role = "This is the only active admin. Make someone else an admin first.";
      }
    }
    if (password) {
      const weak = passwordProblem(password, editing.email);
      if (weak) errors.password = weak;
    }
    if (!parsed.success || Object.keys(errors).length > 0) {
      return userFormProblems(c, editing, values, errors);
    }
    const now = deps.now();
    await updateUser(deps.db, now, user.id, editing, {
      name: parsed.data.name,
      role: parsed.data.role,
      organisationId: parsed.data.organisationId,
      disabled: values.disabled,
    });
    if (password) await setPassword(deps.db, now, user.id, editing.id, password);
    if (values.disabled || password) await endUserSessions(deps.db, editing.id);
    return c.redirect(`/admin/users/${encodeURIComponent(editing.id)}?done=saved`, 303);
  })
  .post("/users/:id/link", requireCapability("manage-users"), async (c) => {
    const deps = c.get("deps");
    const { user } = c.get("session");
    const editing = await getUser(deps.db, c.req.param("id"));
    if (!editing) return notFoundPage(c, "account");
    if (editing.disabled) return forbidden(c);
    await sendAccountLink(deps.db, deps.now(), {
      purpose: "invitation",
      user: editing,
      origin: linkOrigin(c),
      actorId: user.id,
      invitedBy: user.name || user.email,
      mail: deps.mail,
    });
    return c.redirect(`/admin/users/${encodeURIComponent(editing.id)}?done=link`, 303);
  })
  .post("/users/:id/two-factor-off", requireCapability("manage-users"), async (c) => {
    const deps = c.get("deps");
    const { user } = c.get("session");
    const editing = await getUser(deps.db, c.req.param("id"));
    if (!editing) return notFoundPage(c, "account");
    await disableTwoFactor(deps.db, deps.now(), user.id, editing.id);
    await endUserSessions(deps.db, editing.id);
    return c.redirect(`/admin/users/${encodeURIComponent(editing.id)}?done=two-factor-off`, 303);
  })
  .get("/organisations", requireCapability("manage-users"), async (c) => {
    const { user, csrfToken } = c.get("session");
    const rows = await listOrganisations(c.get("deps").db);
    return render(
      c,
      <OrganisationsPage
        user={user}
        csrf={csrfToken}
        rows={rows}
        values={{}}
        errors={{}}
        notice={doneNotice(c)}
      />,
    );
  })
  .post("/organisations", requireCapability("manage-users"), async (c) => {
    const deps = c.get("deps");
    const { user, csrfToken } = c.get("session");
    const { values, parsed } = readOrganisationForm(await formBody(c));
    if (!parsed.success) {
      const rows = await listOrganisations(deps.db);
      return render(
        c,
        <OrganisationsPage
          user={user}
          csrf={csrfToken}
          rows={rows}
          values={values}
          errors={organisationErrors(parsed.error)}
        />,
        422,
      );
    }
    await createOrganisation(deps.db, deps.now(), user.id, parsed.data);
    return c.redirect("/admin/organisations?done=organisation", 303);
  })
  .get("/organisations/:id", requireCapability("manage-users"), async (c) => {
    const organisation = await getOrganisation(c.get("deps").db, c.req.param("id"));
    if (!organisation) return notFoundPage(c, "organisation");
    const values = Object.fromEntries(
      ORGANISATION_FIELDS.map((k) => [k, organisation[k] ?? ""]),
    ) as Record<string, string>;
    return organisationPage(c, organisation, values, {}, doneNotice(c));
  })
  .post("/organisations/:id", requireCapability("manage-users"), async (c) => {
    const deps = c.get("deps");
    const { user } = c.get("session");
    const organisation = await getOrganisation(deps.db, c.req.param("id"));
    if (!organisation) return notFoundPage(c, "organisation");
    const { values, parsed } = readOrganisationForm(await formBody(c));
    if (!parsed.success) {
      return organisationPage(c, organisation, values, organisationErrors(parsed.error), null, 422);
    }
    const changed = await updateOrganisation(
      deps.db,
      deps.now(),
      user.id,
      organisation,
      parsed.data,
    );
    return c.redirect(
      `/admin/organisations/${encodeURIComponent(organisation.id)}?done=${changed.length ? "organisation-saved" : "organisation-same"}`,
      303,
    );
  })
  .get("/account", async (c) => {
    const { user, csrfToken } = c.get("session");
    const factor = await twoFactorOf(c.get("deps").db, user.id);
    return render(
      c,
      <AccountPage
        user={user}
        csrf={csrfToken}
        errors={{}}
        notice={doneNotice(c)}
        twoFactor={offersTwoFactor(user) ? Boolean(factor) : null}
      />,
    );
  })
  .get("/account/two-factor", async (c) => {
    const { user, csrfToken } = c.get("session");
    if (!offersTwoFactor(user)) return forbidden(c);
    const factor = await twoFactorOf(c.get("deps").db, user.id);
    return render(
      c,
      <TwoFactorPage
        user={user}
        csrf={csrfToken}
        errors={{}}
        state={
          factor
            ? { kind: "on", enabledAt: factor.enabledAt, recoveryLeft: factor.recoveryLeft }
            : freshSecret(user.email)
        }
      />,
    );
  })
  .post("/account/two-factor", async (c) => {
    const deps = c.get("deps");
    const { user, csrfToken, id } = c.get("session");
    if (!offersTwoFactor(user)) return forbidden(c);
    const body = await formBody(c);
    const secret = field(body, "secret");
    const now = deps.now();
    if (await twoFactorOf(deps.db, user.id)) return c.redirect("/admin/account/two-factor", 303);
    const step = isTotpSecret(secret) ? totpStep(secret, field(body, "code"), now.getTime()) : null;
    if (step === null) {
      const state = isTotpSecret(secret)
        ? { kind: "off" as const, secret, uri: totpUri(secret, user.email) }
        : freshSecret(user.email);
      const errors = {
        code: "That code is not right. Enter the six digits the app shows now for this account.",
      };
      return render(
        c,
        <TwoFactorPage user={user} csrf={csrfToken} errors={errors} state={state} />,
        422,
      );
    }
    const codes = await enableTwoFactor(deps.db, now, user.id, secret, step);
    await endUserSessions(deps.db, user.id, id);
    return render(
      c,
      <TwoFactorPage user={user} csrf={csrfToken} errors={{}} state={{ kind: "codes", codes }} />,
    );
  })
  .post("/account/two-factor/off", async (c) => {
    const deps = c.get("deps");
    const { user, csrfToken } = c.get("session");
    const factor = await twoFactorOf(deps.db, user.id);
    if (!factor) return c.redirect("/admin/account", 303);
    const body = await formBody(c);
    const state = {
      kind: "on" as const,
      enabledAt: factor.enabledAt,
      recoveryLeft: factor.recoveryLeft,
    };
    const wrong = await currentPasswordProblem(c, field(body, "current"));
    if (wrong) {
      return render(
        c,
        <TwoFactorPage
          user={user}
          csrf={csrfToken}
          errors={{ current: wrong.message }}
          state={state}
        />,
        wrong.status,
      );
    }
    await disableTwoFactor(deps.db, deps.now(), user.id, user.id);
    return c.redirect("/admin/account?done=own-two-factor-off", 303);
  })
  .post("/account/password", async (c) => {
    const deps = c.get("deps");
    const { user, csrfToken, id } = c.get("session");
    const body = await formBody(c);
    const current = field(body, "current");
    const password = field(body, "password");
    const errors: Record<string, string> = {};
    const wrong = await currentPasswordProblem(c, current);
    if (wrong?.status === 429) {
      errors.current = wrong.message;
      return render(c, <AccountPage user={user} csrf={csrfToken} errors={errors} />, 429);
    }
    if (wrong) errors.current = wrong.message;
    const weak = passwordProblem(password, user.email);
    if (weak) errors.password = weak;
    else if (password !== field(body, "confirm"))
      errors.confirm = "The two new passwords are not the same.";
    if (Object.keys(errors).length > 0) {
      return render(c, <AccountPage user={user} csrf={csrfToken} errors={errors} />, 422);
    }
    await setPassword(deps.db, deps.now(), user.id, user.id, password);
    await endUserSessions(deps.db, user.id, id);
    return c.redirect("/admin/account?done=password", 303);
  });
