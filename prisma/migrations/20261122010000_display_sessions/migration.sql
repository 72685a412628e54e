-- CreateTable
CREATE TABLE "DisplaySession" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "label" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "DisplaySession_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DisplaySession_tokenHash_key" ON "DisplaySession"("tokenHash");

-- CreateIndex
CREATE INDEX "DisplaySession_projectId_createdAt_idx" ON "DisplaySession"("projectId", "createdAt");

-- AddForeignKey
ALTER TABLE "DisplaySession" ADD CONSTRAINT "DisplaySession_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DisplaySession" ADD CONSTRAINT "DisplaySession_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
