/** "How you hear from us": each person's choice of a mail each time or one digest a day. */
import type { FC } from "hono/jsx";
import type { NotifyChoice } from "../../../schema/curation.js";
import type { SessionUser } from "../roles.js";
import { ErrorSummary, Select } from "./components.js";
import { CsrfField, Page } from "./layout.js";

const WHAT: Record<SessionUser["role"], string> = {
  editor:
    "You hear when a reviewer sends one of your organisation's listings back (with their note) or publishes it, and when someone reports a problem with one.",
  reviewer:
    "You hear about listings submitted for review, problem reports, services offered through “Add your service”, and listings still overdue 14 days after their reminder.",
  admin: "You hear what reviewers hear, and about requests for editor access to an organisation.",
};

export const NotifyPage: FC<{
  user: SessionUser;
  csrf: string;
  choice: NotifyChoice;
  notice?: string | null;
  /** Why the choice sent could not be saved. */
  error?: string | null;
}> = (p) => (
  <Page
    title="How you hear from us"
    user={p.user}
    csrf={p.csrf}
    active="account"
    notice={p.notice ?? null}
  >
    <ErrorSummary errors={p.error ? { notify: p.error } : {}} />
    <h1>How you hear from us</h1>
    <p>{WHAT[p.user.role]}</p>
    <p>Mail goes to {p.user.email}.</p>
    <form method="post" action="/admin/account/notifications" class="stacked-form">
      <CsrfField token={p.csrf} />
      <Select
        name="notify"
        label="How often to email me"
        required
        value={p.choice}
        error={p.error ?? undefined}
        options={[
          { value: "immediate", label: "A mail each time" },
          { value: "daily", label: "One summary a day (from 7 am)" },
        ]}
        hint={
          p.user.role === "editor"
            ? undefined
            : "The daily summary also counts what waits for review, whichever you choose."
        }
      />
      <button type="submit" class="button primary">
        Save
      </button>
    </form>
    <p>
      <a href="/admin/account">Back to your account</a>
    </p>
  </Page>
);
