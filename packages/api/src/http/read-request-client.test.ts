import { describe, expect, it } from "vitest";
import { TEST_SECRETS } from "../test/test-secrets";
import { readRequestClient, WORKER_TOKEN_HEADER } from "./read-request-client";

function clientOf(headers: Record<string, string>, options: { trustProxy: boolean; encrypted?: boolean }) {
  return readRequestClient({
    header: (name) => headers[name],
    socketAddress: "::ffff:192.0.2.10",
    encrypted: options.encrypted ?? false,
    trustProxy: options.trustProxy,
    secrets: TEST_SECRETS,
  });
}

describe("readRequestClient", () => {
  const forwarded = {
    host: "internal:3000",
    "x-forwarded-for": "203.0.113.9, 198.51.100.7",
    "x-forwarded-proto": "https",
    "x-forwarded-host": "shop.example",
  };

  it("believes no forwarded header without a trusted proxy: the socket's address and scheme decide", () => {
    expect(clientOf(forwarded, { trustProxy: false })).toMatchObject({
      address: "192.0.2.10",
      secure: false,
      selfOrigin: "http://internal:3000",
      isWorker: false,
    });
    expect(clientOf({ host: "shop.example" }, { trustProxy: false, encrypted: true })).toMatchObject({
      secure: true,
      selfOrigin: "https://shop.example",
    });
  });

  it("with a trusted proxy, takes the entry the proxy appended (the last) and its scheme: Secure cookies", () => {
    expect(clientOf(forwarded, { trustProxy: true })).toMatchObject({
      address: "198.51.100.7",
      secure: true,
      selfOrigin: "https://shop.example",
    });
  });

  it("recognises the worker only by the exact worker token", () => {
    expect(clientOf({ [WORKER_TOKEN_HEADER]: TEST_SECRETS.workerToken }, { trustProxy: false }).isWorker).toBe(true);
    expect(clientOf({ [WORKER_TOKEN_HEADER]: `${TEST_SECRETS.workerToken}x` }, { trustProxy: false }).isWorker).toBe(
      false,
    );
  });
});
