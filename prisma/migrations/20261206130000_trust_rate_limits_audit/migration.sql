-- CreateTable
CREATE TABLE "RateLimitCounter" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "count" INTEGER NOT NULL DEFAULT 0,
    "windowEndsMs" BIGINT NOT NULL,
    "lastHitMs" BIGINT NOT NULL
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "actorRole" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "fromVersionId" INTEGER,
    "toVersionId" INTEGER,
    "forced" BOOLEAN NOT NULL DEFAULT false,
    "details" JSONB NOT NULL DEFAULT '{}'
);

-- CreateIndex
CREATE INDEX "RateLimitCounter_windowEndsMs_idx" ON "RateLimitCounter"("windowEndsMs");

-- CreateIndex
CREATE INDEX "AuditLog_at_idx" ON "AuditLog"("at");

-- At most one running A/B test: a database guarantee, not a check-then-insert (hand-written: Prisma has no partial indexes).
CREATE UNIQUE INDEX "AbTest_one_running" ON "AbTest"("status") WHERE "status" = 'running';
