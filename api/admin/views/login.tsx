import type { FC } from "hono/jsx";
import { ErrorSummary, TextField } from "./components.js";
import { Page } from "./layout.js";

export const LoginPage: FC<{
  loginToken: string;
  next: string;
  email?: string;
  error?: string | null;
  expired?: boolean;
  signedOut?: boolean;
  passwordSet?: boolean;
}> = ({ loginToken, next, email, error, expired, signedOut, passwordSet }) => (
  <Page title="Sign in">
    <div class="login">
      <h1>Sign in</h1>
      {expired ? (
        <div class="warning-box" role="status">
          <p>Your session ended, so you have been signed out. Sign in again to carry on.</p>
        </div>
      ) : null}
      {signedOut ? (
        <div class="notice" role="status">
          <p>You have signed out.</p>
        </div>
      ) : null}
      {passwordSet ? (
        <div class="notice" role="status">
          <p>Your password is set. Sign in with it.</p>
        </div>
      ) : null}
      {error ? <ErrorSummary errors={{ email: error }} /> : null}
      <form method="post" action="/admin/login" novalidate>
        <input type="hidden" name="_login" value={loginToken} />
        <input type="hidden" name="next" value={next} data-return-path />
        <TextField
          name="email"
          label="Email address"
          type="email"
          value={email ?? ""}
          autocomplete="username"
          required
          error={error ?? undefined}
          width="wide"
        />
        <TextField
          name="password"
          label="Password"
          type="password"
          autocomplete="current-password"
          required
          width="wide"
        />
        <button type="submit" class="button primary">
          Sign in
        </button>
      </form>
      <p>
        <a href="/admin/password-reset">Forgotten your password?</a>
      </p>
      <p class="hint">Accounts are made by an admin, who sends you an invitation by email.</p>
    </div>
  </Page>
);
