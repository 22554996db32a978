import { type Db, readActiveVersionId, type SqlReader } from "@jewelguide/db";
import { releaseLater } from "./deserialize-for-serving";
import { loadProductCatalog, refreshPurchases } from "./load-product-catalog";
import { loadServingModel } from "./load-serving-model";
import type { ProductCatalog } from "./product-catalog";
import { readCatalogStamp } from "./read-catalog-stamp";
import { DEFAULT_SERVING_OPTIONS, type ServingOptions } from "./serving-options";
import { alignSnapshot, type ServingSnapshot } from "./serving-snapshot";

export type ModelServing = {
  /**
   * The snapshot to score with. The first call loads (and waits); later calls return the cached snapshot at once and,
   * when the check interval has passed, start one background check: a new active version or a changed catalog is
   * loaded while the old snapshot keeps serving, then swapped in. Never a database read per request beyond that.
   */
  current(): Promise<ServingSnapshot>;
  /** Checks now and waits for any reload (tests, and after a publish in the same process). */
  refresh(): Promise<ServingSnapshot>;
  /** How many models this serving has loaded (the first, and one per version change or fallback rebuild). */
  modelLoads(): number;
};

/** Where the serving reads: the SQL reader for the hot catalog, the version checks and the artifact (in pieces). */
export type ServingSource = { db: Db; sql: SqlReader };

/**
 * The model registry of one process (created once, in its ServerRuntime). Every process (several web instances may
 * share one database) polls the active version id on its own, so a publish anywhere is picked up everywhere within one
 * check interval.
 */
export function createModelServing({ db, sql }: ServingSource, overrides: Partial<ServingOptions> = {}): ModelServing {
  const options = { ...DEFAULT_SERVING_OPTIONS, ...overrides };
  let snapshot: ServingSnapshot | undefined;
  let loading: Promise<ServingSnapshot> | undefined;
  let checking: Promise<ServingSnapshot> | undefined;
  let lastCheck = 0;
  let modelLoads = 0;

  async function loadModel(catalog: ProductCatalog) {
    modelLoads += 1;
    return loadServingModel({ db, sql }, catalog);
  }

  async function loadAll(): Promise<ServingSnapshot> {
    const catalog = await loadProductCatalog(sql);
    const model = await loadModel(catalog);
    snapshot = alignSnapshot(model, catalog);
    lastCheck = Date.now();
    return snapshot;
  }

  async function check(current: ServingSnapshot): Promise<ServingSnapshot> {
    lastCheck = Date.now();
    const [activeId, stamp] = await Promise.all([readActiveVersionId(sql), readCatalogStamp(sql)]);
    const now = Date.now();
    const versionChanged = activeId !== current.model.versionId;
    const productsStale =
      stamp.products !== current.catalog.stamp.products || now - current.catalog.loadedAt > options.catalogMaxAgeMs;
    const purchasesDue =
      stamp.purchases !== current.catalog.stamp.purchases &&
      now - current.catalog.purchasesAt >= options.purchaseRefreshMs;
    if (!versionChanged && !productsStale && !purchasesDue) return current;
    const catalog =
      versionChanged || productsStale
        ? await loadProductCatalog(sql, stamp)
        : await refreshPurchases(sql, current.catalog, stamp);
    // The popularity fallback is rebuilt with the catalog (its counts are the purchases); a real version only on change.
    const model =
      versionChanged || current.model.source === "fallback-popularity" ? await loadModel(catalog) : current.model;
    if (model !== current.model) releaseLater(current.model.recommender);
    snapshot = alignSnapshot(model, catalog);
    return snapshot;
  }

  function startCheck(current: ServingSnapshot): Promise<ServingSnapshot> {
    checking ??= check(current).finally(() => {
      checking = undefined;
    });
    return checking;
  }

  return {
    async current() {
      if (!snapshot) {
        loading ??= loadAll().finally(() => {
          loading = undefined;
        });
        return loading;
      }
      if (Date.now() - lastCheck >= options.checkIntervalMs && !checking) {
        startCheck(snapshot).catch(options.onError);
      }
      return snapshot;
    },
    async refresh() {
      if (!snapshot) return this.current();
      if (checking) await checking.catch(() => undefined);
      return startCheck(snapshot);
    },
    modelLoads: () => modelLoads,
  };
}
