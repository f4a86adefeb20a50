import { describe, expect, it } from "vitest";
import { addressThrough, keyFor, parseIp, parseTrustProxy } from "../../api/client-address.js";
import { readConfig } from "../../api/config.js";

const through = (
  peer: string,
  trust: string | undefined,
  headers: { forwardedFor?: string; cfConnectingIp?: string } = {},
) => addressThrough(peer, headers, parseTrustProxy(trust));

describe("client addresses behind proxies (TRUST_PROXY)", () => {
  it("is off by default: forwarding headers from any peer are ignored", () => {
    expect(readConfig({}).trustProxy).toBeUndefined();
    expect(readConfig({ TRUST_PROXY: "off" }).trustProxy).toBeUndefined();
    const spoofed = { forwardedFor: "203.0.113.9", cfConnectingIp: "203.0.113.10" };
    expect(through("127.0.0.1", undefined, spoofed)).toBe("127.0.0.1");
    expect(through("::ffff:192.0.2.1", undefined, spoofed)).toBe("192.0.2.1");
  });

  it("takes the rightmost untrusted X-Forwarded-For hop when the peer is a trusted proxy", () => {
    const trust = "10.0.0.0/8, 192.0.2.7";
    expect(through("10.1.2.3", trust, { forwardedFor: "203.0.113.9" })).toBe("203.0.113.9");
    // A client that writes its own header only adds hops to the left of the real one.
    expect(through("10.1.2.3", trust, { forwardedFor: "1.2.3.4, 203.0.113.9" })).toBe(
      "203.0.113.9",
    );
    // Several trusted proxies in a row are walked past.
    expect(through("10.1.2.3", trust, { forwardedFor: "203.0.113.9, 192.0.2.7, 10.9.9.9" })).toBe(
      "203.0.113.9",
    );
    // A proxy that sent no header, or nonsense, leaves the proxy's own address.
    expect(through("10.1.2.3", trust)).toBe("10.1.2.3");
    expect(through("10.1.2.3", trust, { forwardedFor: "not an address" })).toBe("10.1.2.3");
  });

  it("ignores the headers when the peer is not one of the trusted proxies", () => {
    const trust = "10.0.0.0/8";
    expect(through("192.0.2.50", trust, { forwardedFor: "203.0.113.9" })).toBe("192.0.2.50");
    expect(through("11.0.0.1", trust, { forwardedFor: "203.0.113.9" })).toBe("11.0.0.1");
  });

  it("understands IPv6 addresses and ranges, and IPv4-mapped peers", () => {
    const trust = "2001:db8:aa::/48, 127.0.0.1";
    expect(through("2001:db8:aa:1::5", trust, { forwardedFor: "2001:db8:ff::1" })).toBe(
      "2001:db8:ff:0:0:0:0:1",
    );
    expect(through("2001:db8:ab::5", trust, { forwardedFor: "203.0.113.9" })).toBe(
      "2001:db8:ab:0:0:0:0:5",
    );
    expect(through("::ffff:127.0.0.1", trust, { forwardedFor: "203.0.113.9" })).toBe("203.0.113.9");
    expect(parseIp("::1")?.bytes.at(-1)).toBe(1);
    expect(parseIp("fe80::1%eth0")?.v).toBe(6);
    for (const bad of [
      "1.2.3",
      "256.1.1.1",
      "01.2.3.4",
      "1::2::3",
      "12345::",
      "1:2:3:4:5:6:7:8:9",
    ]) {
      expect(parseIp(bad), bad).toBeNull();
    }
  });

  it("believes CF-Connecting-IP only from Cloudflare's ranges when `cloudflare` is named", () => {
    const fromCf = { cfConnectingIp: "203.0.113.9", forwardedFor: "198.51.100.1" };
    expect(through("162.158.10.20", "cloudflare", fromCf)).toBe("203.0.113.9");
    expect(through("2606:4700::1", "cloudflare", fromCf)).toBe("203.0.113.9");
    expect(through("192.0.2.50", "cloudflare", fromCf)).toBe("192.0.2.50");
    // A tunnel on the same machine (cloudflared) is named beside it.
    expect(through("127.0.0.1", "cloudflare,127.0.0.1", fromCf)).toBe("203.0.113.9");
    // Without `cloudflare`, a trusted proxy's CF-Connecting-IP is not believed.
    expect(through("10.0.0.1", "10.0.0.1", { cfConnectingIp: "203.0.113.9" })).toBe("10.0.0.1");
  });

  it("refuses a TRUST_PROXY it cannot read, so a typo stops the server", () => {
    for (const bad of ["10.0.0.0/33", "nonsense", "10.0.0.1/8/1", "::/129", "cloudfare"]) {
      expect(() => readConfig({ TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY/);
    }
  });

  it("counts an IPv6 client by its /64 network, an IPv4 one by its address", () => {
    expect(keyFor("2001:db8:1:2:aaaa::1")).toBe(keyFor("2001:db8:1:2:bbbb::2"));
    expect(keyFor("2001:db8:1:3::1")).not.toBe(keyFor("2001:db8:1:2::1"));
    expect(keyFor("203.0.113.9")).toBe("203.0.113.9");
  });
});
