import { deriveServerSecrets } from "../security/server-secrets";

/** Fixed keys for tests (never used by a running shop, which loads its own secret). */
export const TEST_SECRETS = deriveServerSecrets("jewelguide-test-secret-0123456789abcdef");
