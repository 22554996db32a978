-- CreateTable
CREATE TABLE "Impression" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "requestId" TEXT NOT NULL,
    "shopperId" TEXT,
    "productId" INTEGER NOT NULL,
    "slot" INTEGER NOT NULL,
    "modelVersionId" INTEGER,
    "policy" TEXT NOT NULL,
    "propensity" REAL NOT NULL,
    "exploratory" BOOLEAN NOT NULL,
    "surface" TEXT NOT NULL,
    "servedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "Impression_productId_idx" ON "Impression"("productId");

-- CreateIndex
CREATE INDEX "Impression_servedAt_idx" ON "Impression"("servedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Impression_requestId_slot_key" ON "Impression"("requestId", "slot");
