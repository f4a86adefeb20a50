import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach } from "vitest";
import type { RunningServer } from "../../../api/node/server.js";
import { launchChromium, newPage } from "../../widget/helpers/browser.js";
import { type HostSite, startHostSite, startRealServer } from "./server.js";

export interface DemoBrowserOptions {
  /** Starts the directory; by default the real server with the demo listings and the built widget. */
  server?: () => Promise<RunningServer>;
  /** Also serves a third-party website on an origin of its own, as `host`. */
  host?: boolean;
  /** Opens a page in a context of its own with these options before each test, closed after it. */
  page?: BrowserContextOptions;
}

export interface DemoBrowser {
  readonly server: RunningServer;
  readonly browser: Browser;
  /** Only with the `host` option. */
  readonly host: HostSite;
  /** Only with the `page` option: the page of the test that is running. */
  readonly page: Page;
}

/**
 * The directory and Chromium, started once for a test file and closed after it. Registers its
 * own Vitest hooks, so call it at the top level of the file and read the values in hooks and tests.
 */
export function useDemoBrowser(options: DemoBrowserOptions = {}): DemoBrowser {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let host: HostSite | undefined;
  let page: Page | undefined;

  beforeAll(async () => {
    [server, browser, host] = await Promise.all([
      (options.server ?? startRealServer)(),
      launchChromium(),
      options.host ? startHostSite() : undefined,
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await server?.close();
  });

  const contextOptions = options.page;
  if (contextOptions) {
    beforeEach(async (ctx) => {
      const opened = await newPage(ready(browser, "browser"), contextOptions);
      page = opened;
      ctx.onTestFinished(() => opened.close());
    });
  }

  return {
    get server() {
      return ready(server, "server");
    },
    get browser() {
      return ready(browser, "browser");
    },
    get host() {
      return ready(host, "host site (pass `host: true`)");
    },
    get page() {
      return ready(page, "page (pass `page` options)");
    },
  };
}

function ready<T>(value: T | undefined, what: string): T {
  if (value === undefined) {
    throw new Error(`useDemoBrowser: no ${what} yet; read it inside a hook or a test`);
  }
  return value;
}
