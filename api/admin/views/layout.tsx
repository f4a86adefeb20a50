/** The console's page frame: skip link, header with navigation by role, main, footer. */
import type { Child, FC } from "hono/jsx";
import { CONSOLE_CSS_PATH, CONSOLE_JS_PATH } from "../assets.js";
import type { SessionUser } from "../roles.js";
import { can, ROLE_LABELS } from "../roles.js";

export type NavKey =
  | "home"
  | "listings"
  | "due"
  | "reports"
  | "submissions"
  | "access-requests"
  | "outbox"
  | "audit"
  | "users"
  | "organisations"
  | "import"
  | "feeds"
  | "feed-review"
  | "account";

export interface PageProps {
  title: string;
  user?: SessionUser | null;
  csrf?: string;
  active?: NavKey;
  /** A confirmation shown at the top of the page ("Saved."). */
  notice?: string | null;
  children?: Child;
}

const NAV: { key: NavKey; href: string; label: string; show: (u: SessionUser) => boolean }[] = [
  { key: "home", href: "/admin", label: "Overview", show: () => true },
  { key: "listings", href: "/admin/listings", label: "Listings", show: () => true },
  { key: "due", href: "/admin/due", label: "Due for review", show: () => true },
  {
    key: "reports",
    href: "/admin/reports",
    label: "Reports",
    show: (u) => can(u, "triage-reports"),
  },
  {
    key: "submissions",
    href: "/admin/submissions",
    label: "Offered services",
    show: (u) => can(u, "publish"),
  },
  {
    key: "access-requests",
    href: "/admin/access-requests",
    label: "Editor access",
    show: (u) => can(u, "manage-users"),
  },
  { key: "outbox", href: "/admin/outbox", label: "Outbox", show: (u) => can(u, "read-outbox") },
  { key: "audit", href: "/admin/audit", label: "Audit log", show: (u) => can(u, "read-audit") },
  { key: "users", href: "/admin/users", label: "Accounts", show: (u) => can(u, "manage-users") },
  {
    key: "organisations",
    href: "/admin/organisations",
    label: "Organisations",
    show: (u) => can(u, "manage-users"),
  },
  { key: "import", href: "/admin/import", label: "Import and export", show: () => true },
  { key: "feeds", href: "/admin/feeds", label: "Feeds", show: (u) => can(u, "manage-users") },
  {
    key: "feed-review",
    href: "/admin/feed-review",
    label: "Feed review",
    show: (u) => can(u, "publish"),
  },
];

export const CsrfField: FC<{ token: string }> = ({ token }) => (
  <input type="hidden" name="_csrf" value={token} />
);

export const Page: FC<PageProps> = ({ title, user, csrf, active, notice, children }) => (
  <html lang="en-GB">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="robots" content="noindex, nofollow" />
      <title>{`${title} – Perinatal Signpost console`}</title>
      {/* No favicon request: an empty icon, allowed by the policy's img-src data:. */}
      <link rel="icon" href="data:," />
      <link rel="stylesheet" href={CONSOLE_CSS_PATH} />
      <script src={CONSOLE_JS_PATH} defer></script>
    </head>
    <body>
      <a class="skip-link" href="#main">
        Skip to main content
      </a>
      <header class="site-header">
        <div class="wrap header-row">
          <a class="brand" href="/admin">
            Perinatal Signpost <span class="brand-sub">console</span>
          </a>
          {user ? (
            <div class="who">
              <span>
                {user.name || user.email} · {ROLE_LABELS[user.role]}
                {user.organisationName ? ` · ${user.organisationName}` : ""}
              </span>
              <a href="/admin/account" aria-current={active === "account" ? "page" : undefined}>
                Your account
              </a>
              <form method="post" action="/admin/logout" class="inline">
                <CsrfField token={csrf ?? ""} />
                <button type="submit" class="link-button">
                  Sign out
                </button>
              </form>
            </div>
          ) : null}
        </div>
        {user ? (
          <nav class="wrap" aria-label="Console">
            <ul class="nav">
              {NAV.filter((n) => n.show(user)).map((n) => (
                <li>
                  <a href={n.href} aria-current={active === n.key ? "page" : undefined}>
                    {n.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </header>
      <main id="main" class="wrap" tabindex={-1}>
        {notice ? (
          <div class="notice" role="status">
            <p>{notice}</p>
          </div>
        ) : null}
        {children}
      </main>
      <footer class="site-footer">
        <div class="wrap">
          <p>
            Everything you change is kept: drafts, published versions and an audit log. Listing text
            is shown to parents exactly as you type it.
          </p>
        </div>
      </footer>
    </body>
  </html>
);
