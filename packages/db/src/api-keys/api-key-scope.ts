/**
 * What a key may do. read: recommendations for a customer, similar items, the guide. write: event ingestion and catalog
 * upsert. A backend that needs both gets two keys, so the one living on a storefront server can be read-only.
 */
export const API_KEY_SCOPES = ["read", "write"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export function isApiKeyScope(value: string): value is ApiKeyScope {
  return (API_KEY_SCOPES as readonly string[]).includes(value);
}
