import type { Lang } from "../../../schema/taxonomy.js";
import { PACK_LANGS, type PackLang } from "../../domain/pack.js";
import { printStrings } from "../strings.js";

/** The radio group for the language a pack or poster is printed in, named in the page's language. */
export function LanguageChoice(props: { legend: string; ui: Lang; lang: PackLang }) {
  const names = printStrings(props.ui).form.languages;
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      {PACK_LANGS.map((l) => (
        <div class="choice">
          <input type="radio" name="lang" value={l} id={`lang-${l}`} checked={props.lang === l} />
          <label for={`lang-${l}`}>{names[l]}</label>
        </div>
      ))}
    </fieldset>
  );
}
