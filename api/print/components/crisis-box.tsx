import type { Lang } from "../../../schema/taxonomy.js";
import { numberOf, routeDetail, routeName, underNumber } from "../pack-text.js";
import type { CrisisView } from "../pack-view.js";
import { printStrings } from "../strings.js";
import { Both, InLangs } from "./in-langs.js";

/** "Need help now?": the crisis routes for the pack's country, numbers first and large. */
export function CrisisBox(props: { routes: readonly CrisisView[]; langs: readonly Lang[] }) {
  const { routes, langs } = props;
  const brief = langs.length > 1;
  const s = (l: Lang) => printStrings(l).pack.crisis;
  return (
    <section class="crisis" aria-labelledby="crisis-title">
      <h3 id="crisis-title">
        <Both langs={langs} text={(l) => s(l).heading} />
      </h3>
      <InLangs langs={langs} class="crisis-lead" render={(l) => <p>{s(l).lead}</p>} />
      <ul class="crisis-routes">
        {routes.map((route) => (
          <li class="crisis-route">
            <p class="route-number">
              {numberOf(route, langs[0]!)}
              {underNumber(route, langs[0]!, brief) ? (
                <small>
                  <Both langs={langs} text={(l) => underNumber(route, l, brief)} />
                </small>
              ) : null}
            </p>
            <InLangs
              langs={langs}
              render={(l) => (
                <>
                  {routeName(route, l, langs) ? (
                    <p class="route-name">{routeName(route, l, langs)}</p>
                  ) : null}
                  {routeDetail(route, l, brief) ? (
                    <p class="route-desc">{routeDetail(route, l, brief)}</p>
                  ) : null}
                </>
              )}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
