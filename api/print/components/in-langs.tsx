import type { Child } from "hono/jsx";
import type { Lang } from "../../../schema/taxonomy.js";
import type { Bi } from "../pack-view.js";

/**
 * Text in the pack's languages. One language: just the content. Two: side by side columns,
 * each marked with its `lang` so screen readers and hyphenation switch language with it.
 */
export function InLangs(props: {
  langs: readonly Lang[];
  render: (lang: Lang) => Child;
  class?: string;
}) {
  if (props.langs.length === 1) {
    return <div class={props.class}>{props.render(props.langs[0]!)}</div>;
  }
  return (
    <div class={props.class ? `bi ${props.class}` : "bi"}>
      {props.langs.map((lang) => (
        <div lang={lang}>{props.render(lang)}</div>
      ))}
    </div>
  );
}

/** A short text in each language, inline: "Angen help nawr? / Need help now?". */
export function Both(props: {
  langs: readonly Lang[];
  text: Bi | ((lang: Lang) => string);
  /** Between the languages; none where each is set on its own line (QR captions). */
  separator?: string;
}) {
  const get = typeof props.text === "function" ? props.text : (l: Lang) => (props.text as Bi)[l];
  if (props.langs.length === 1) return <>{get(props.langs[0]!)}</>;
  const distinct = props.langs.filter(
    (l, i) => props.langs.findIndex((o) => get(o) === get(l)) === i,
  );
  return (
    <>
      {distinct.map((lang, i) => (
        <>
          {i > 0 ? (props.separator ?? " / ") : null}
          <span lang={lang}>{get(lang)}</span>
        </>
      ))}
    </>
  );
}
