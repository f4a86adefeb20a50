import type { FC } from "hono/jsx";
import type { SessionUser } from "../roles.js";
import { Page } from "./layout.js";

export const ErrorPage: FC<{
  title: string;
  message: string;
  user?: SessionUser | null;
  csrf?: string;
  details?: string[] | undefined;
}> = ({ title, message, user, csrf, details }) => (
  <Page title={title} user={user ?? null} csrf={csrf ?? ""}>
    <h1>{title}</h1>
    <p>{message}</p>
    {details?.length ? (
      <ul>
        {details.map((d) => (
          <li>{d}</li>
        ))}
      </ul>
    ) : null}
    <p>
      <a href="/admin">Go to the console overview</a>
    </p>
  </Page>
);
