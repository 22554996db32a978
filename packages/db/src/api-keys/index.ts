export { API_KEY_SCOPES, type ApiKeyScope, isApiKeyScope } from "./api-key-scope";
export { API_KEY_PREFIX, hashApiKeySecret } from "./api-key-secret";
export { ApiKeyError, createApiKey, MAX_API_KEY_NAME_LENGTH } from "./create-api-key";
export { type ApiKeyCheck, findApiKey } from "./find-api-key";
export { type ApiKeySummary, listApiKeys } from "./list-api-keys";
export { revokeApiKey } from "./revoke-api-key";
