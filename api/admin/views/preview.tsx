/** A listing as the widget will show it: built from the same public JSON the widget reads. */
import type { FC } from "hono/jsx";
import type { SearchResult } from "../../../schema/contract.js";
import { kindLabels } from "../../../schema/taxonomy.js";
import { formatDay } from "./components.js";

const CONTACT_WORDS: Record<string, string> = {
  phone: "Call",
  text: "Text",
  email: "Email",
  web: "Website",
  whatsapp: "WhatsApp",
};

/** Links keep to the schemes the public side allows; anything else is shown as text. */
export const safeHref = (href: string) =>
  /^(?:https:|tel:|sms:|mailto:)/i.test(href) ? href : null;

export const PreviewCard: FC<{ r: SearchResult }> = ({ r }) => {
  const badges = [
    r.selfReferral && "You can refer yourself",
    r.cost === "free" && "Free",
    r.peerLed && "Peer-led",
    r.childrenWelcome && "Children welcome",
    r.formats.includes("online") && "Online",
  ].filter((b): b is string => Boolean(b));
  return (
    <article class="preview" aria-labelledby="preview-title">
      <h3 id="preview-title">
        {r.name} {r.demo ? <span class="tag tag-example">Example</span> : null}
      </h3>
      <p class="org">
        {r.organisation} · {kindLabels[r.kind]?.en ?? r.kind}
      </p>
      <p>{r.summary}</p>
      {badges.length ? (
        <ul class="badges">
          {badges.map((b, i) => (
            <li class={`badge${i === 0 && r.selfReferral ? " badge-self" : ""}`}>{b}</li>
          ))}
        </ul>
      ) : null}
      {r.nextSession ? (
        <p>
          <strong>Next:</strong> {formatDay(r.nextSession.date)}, {r.nextSession.startTime}–
          {r.nextSession.endTime}
          {r.nextSession.locationName ? `, ${r.nextSession.locationName}` : ""}
          {r.nextSession.termTimeOnly ? " (term time only)" : ""}
        </p>
      ) : null}
      {r.contacts.length ? (
        <ul class="contacts">
          {r.contacts.map((c) => {
            const href = safeHref(c.href);
            const text = `${CONTACT_WORDS[c.kind] ?? c.kind} ${c.label ?? c.value}${c.keyword ? ` (text ${c.keyword})` : ""}`;
            return (
              <li>
                {href ? <a href={href}>{text}</a> : <span>{text}</span>}
                {c.hours ? ` · ${c.hours}` : ""}
              </li>
            );
          })}
        </ul>
      ) : (
        <p>No way to get in touch yet: add a contact before publishing.</p>
      )}
      <p>{r.verifiedAt ? `Last checked ${formatDay(r.verifiedAt)}` : "Not checked yet"}</p>
      {r.reviewOverdue ? <p class="overdue">This information may be out of date.</p> : null}
    </article>
  );
};
