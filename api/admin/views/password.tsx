/** Pages for setting a password by email link, resetting it, and two-factor sign-in. */
import type { FC } from "hono/jsx";
import { QUIET_ZONE, qrMatrix, qrSvgPath } from "../../print/qr.js";
import type { SessionUser } from "../roles.js";
import { ErrorSummary, formatTime, TextField } from "./components.js";
import { CsrfField, Page } from "./layout.js";

/** A new password, typed twice. */
export const NewPasswordFields: FC<{ errors: Record<string, string> }> = ({ errors }) => (
  <>
    <TextField
      name="password"
      label="New password"
      type="password"
      error={errors.password}
      required
      autocomplete="new-password"
      hint="At least 12 characters. Three or four random words work well."
    />
    <TextField
      name="confirm"
      label="New password again"
      type="password"
      error={errors.confirm}
      required
      autocomplete="new-password"
    />
  </>
);

export const ResetRequestPage: FC<{
  formToken: string;
  email?: string;
  sent?: boolean;
  error?: string | null;
}> = (p) => (
  <Page title="Reset your password">
    <div class="login">
      <h1>Reset your password</h1>
      {p.sent ? (
        <div class="notice" role="status">
          <p>
            If there is an account for <strong>{p.email}</strong>, we have sent it a link to choose
            a new password. The link works once, for 1 hour. Check your spam folder if nothing
            arrives in a few minutes.
          </p>
        </div>
      ) : null}
      {p.error ? <ErrorSummary errors={{ email: p.error }} /> : null}
      <p>
        Enter the email address you sign in with. We will send it a link to choose a new password.
      </p>
      <form method="post" action="/admin/password-reset" novalidate>
        <input type="hidden" name="_login" value={p.formToken} />
        <TextField
          name="email"
          label="Email address"
          type="email"
          value={p.sent ? "" : (p.email ?? "")}
          autocomplete="username"
          required
          error={p.error ?? undefined}
          width="wide"
        />
        <button type="submit" class="button primary">
          Send me a link
        </button>
      </form>
      <p>
        <a href="/admin/login">Back to sign in</a>
      </p>
    </div>
  </Page>
);

export const SetPasswordPage: FC<{
  token: string;
  purpose: "invitation" | "password-reset";
  email: string;
  errors: Record<string, string>;
}> = (p) => (
  <Page title={p.purpose === "invitation" ? "Choose your password" : "Choose a new password"}>
    <div class="login">
      <h1>{p.purpose === "invitation" ? "Choose your password" : "Choose a new password"}</h1>
      <p>
        For the account <strong>{p.email}</strong>.
        {p.purpose === "password-reset" ? " This signs the account out everywhere." : ""}
      </p>
      <ErrorSummary errors={p.errors} />
      <form method="post" action="/admin/set-password" novalidate>
        <input type="hidden" name="token" value={p.token} />
        {/* Lets password managers file the new password under the right account. */}
        <input type="hidden" name="username" value={p.email} autocomplete="username" />
        <NewPasswordFields errors={p.errors} />
        <button type="submit" class="button primary">
          Set password
        </button>
      </form>
    </div>
  </Page>
);

export const LinkUnusablePage: FC = () => (
  <Page title="This link no longer works">
    <div class="login">
      <h1>This link no longer works</h1>
      <p>
        Links to set a password work once: a password-reset link for 1 hour, an invitation for 7
        days. This one has been used, has expired, or was replaced by a newer one.
      </p>
      <p>
        <a href="/admin/password-reset">Ask for a new link</a> with your email address, or ask the
        admin who invited you to send a new invitation.
      </p>
      <p>
        <a href="/admin/login">Sign in</a>
      </p>
    </div>
  </Page>
);

export const TwoFactorLoginPage: FC<{ next: string; error?: string | null }> = (p) => (
  <Page title="Two-factor sign-in">
    <div class="login">
      <h1>Enter your sign-in code</h1>
      {p.error ? <ErrorSummary errors={{ code: p.error }} /> : null}
      <form method="post" action="/admin/login/two-factor" novalidate>
        <input type="hidden" name="next" value={p.next} />
        <TextField
          name="code"
          label="Code from your authenticator app"
          hint="Six digits. Lost your phone? Enter one of your recovery codes instead."
          autocomplete="one-time-code"
          inputmode="numeric"
          required
          error={p.error ?? undefined}
          width="medium"
        />
        <button type="submit" class="button primary">
          Sign in
        </button>
      </form>
      <p>
        {/* Back to the password step, still bound for the page (and place) she was going to. */}
        <a
          href={
            p.next === "/admin" ? "/admin/login" : `/admin/login?next=${encodeURIComponent(p.next)}`
          }
        >
          Start again
        </a>
      </p>
    </div>
  </Page>
);

/** The QR code of an otpauth:// URI, drawn as one SVG path (no script, no image request). */
const QrCode: FC<{ text: string; label: string }> = ({ text, label }) => {
  const matrix = qrMatrix(text);
  const side = matrix.size + 2 * QUIET_ZONE;
  return (
    <svg
      class="qr"
      viewBox={`0 0 ${side} ${side}`}
      width="220"
      height="220"
      role="img"
      aria-label={label}
      shape-rendering="crispEdges"
    >
      <rect width={side} height={side} fill="#fff" />
      <path d={qrSvgPath(matrix)} fill="#000" />
    </svg>
  );
};

const grouped = (secret: string) => secret.replace(/(.{4})/g, "$1 ").trim();

export type TwoFactorState =
  | { kind: "off"; secret: string; uri: string }
  | { kind: "on"; enabledAt: string; recoveryLeft: number }
  | { kind: "codes"; codes: string[] };

export const TwoFactorPage: FC<{
  user: SessionUser;
  csrf: string;
  state: TwoFactorState;
  errors: Record<string, string>;
  notice?: string | null;
}> = (p) => (
  <Page
    title="Two-factor sign-in"
    user={p.user}
    csrf={p.csrf}
    active="account"
    notice={p.notice ?? null}
  >
    <p>
      <a href="/admin/account">Your account</a>
    </p>
    <h1>Two-factor sign-in</h1>
    <ErrorSummary errors={p.errors} />
    {p.state.kind === "off" ? (
      <>
        <p>
          With two-factor sign-in, signing in needs your password and a six-digit code from an
          authenticator app on your phone (for example Google Authenticator, Microsoft Authenticator
          or 1Password). Someone who learns your password still cannot sign in.
        </p>
        <h2>1. Scan this code with your authenticator app</h2>
        <QrCode text={p.state.uri} label="QR code to add this account to an authenticator app" />
        <p>
          Cannot scan it? Enter this key in the app instead:{" "}
          <code class="secret">{grouped(p.state.secret)}</code>
        </p>
        <h2>2. Enter the code the app shows</h2>
        <form method="post" action="/admin/account/two-factor" novalidate>
          <CsrfField token={p.csrf} />
          <input type="hidden" name="secret" value={p.state.secret} />
          <TextField
            name="code"
            label="Six-digit code"
            autocomplete="one-time-code"
            inputmode="numeric"
            required
            error={p.errors.code}
            width="medium"
          />
          <button type="submit" class="button primary">
            Turn on two-factor sign-in
          </button>
        </form>
      </>
    ) : p.state.kind === "codes" ? (
      <>
        <div class="warning-box" role="status">
          <p>
            Two-factor sign-in is on. These are your recovery codes: each one signs you in once if
            you lose your phone. Save or print them now; they will not be shown again.
          </p>
        </div>
        <ul class="recovery-codes">
          {p.state.codes.map((c) => (
            <li>
              <code>{c}</code>
            </li>
          ))}
        </ul>
        <p>
          <a class="button primary" href="/admin/account">
            I have saved them
          </a>
        </p>
      </>
    ) : (
      <>
        <p>
          Two-factor sign-in is on since {formatTime(p.state.enabledAt)}. You have{" "}
          {p.state.recoveryLeft} unused{" "}
          {p.state.recoveryLeft === 1 ? "recovery code" : "recovery codes"}.
        </p>
        <h2>Turn it off</h2>
        <form method="post" action="/admin/account/two-factor/off" novalidate>
          <CsrfField token={p.csrf} />
          <TextField
            name="current"
            label="Your password"
            type="password"
            autocomplete="current-password"
            required
            error={p.errors.current}
          />
          <button type="submit" class="button">
            Turn off two-factor sign-in
          </button>
        </form>
        <p class="hint">
          To get new recovery codes, turn it off and on again (you will scan a new QR code).
        </p>
      </>
    )}
  </Page>
);
