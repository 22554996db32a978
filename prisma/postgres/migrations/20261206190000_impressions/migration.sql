-- CreateTable
CREATE TABLE "Impression" (
    "id" SERIAL NOT NULL,
    "requestId" TEXT NOT NULL,
    "shopperId" TEXT,
    "productId" INTEGER NOT NULL,
    "slot" INTEGER NOT NULL,
    "modelVersionId" INTEGER,
    "policy" TEXT NOT NULL,
    "propensity" DOUBLE PRECISION NOT NULL,
    "exploratory" BOOLEAN NOT NULL,
    "surface" TEXT NOT NULL,
    "servedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Impression_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Impression_productId_idx" ON "Impression"("productId");

-- CreateIndex
CREATE INDEX "Impression_servedAt_idx" ON "Impression"("servedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Impression_requestId_slot_key" ON "Impression"("requestId", "slot");
