-- CreateIndex
CREATE INDEX "Product_updatedAt_idx" ON "Product"("updatedAt");

-- CreateIndex
CREATE INDEX "Interaction_type_id_idx" ON "Interaction"("type", "id");

