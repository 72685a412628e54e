-- The compensation policy takes the line kinds of DOMAIN.md ("Compensation estimate"). The first
-- draft of these tables (six fixed item kinds, one amount, one rate, one deadline) could not hold
-- a percentage of named earlier lines, a tenure share, a hardship top-up or dated tiers, and no
-- screen ever wrote it (only the demo generator did), so the tables are replaced, not altered.
DROP TABLE "CompensationItem";
DROP TABLE "CompensationPolicy";
DROP TYPE "CompensationItemKind";

-- CreateEnum
CREATE TYPE "CompensationLineKind" AS ENUM ('VALUATION', 'PERCENT_OF', 'AREA_TOP_UP', 'TENURE_SHARE', 'FIXED', 'DATE_BONUS', 'HARDSHIP_TOP_UP');

-- CreateEnum
CREATE TYPE "CompensationStage" AS ENUM ('DRAFT', 'PUBLISHED');

-- One policy a project; the draft and the published copy of its lines are told apart by stage.
CREATE TABLE "CompensationPolicy" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "publishedVersion" INTEGER,
    "publishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CompensationPolicy_pkey" PRIMARY KEY ("id"),
    -- Published means a published version and its time, together; never a version not yet saved.
    CONSTRAINT "CompensationPolicy_published_check" CHECK (
        ("publishedVersion" IS NULL) = ("publishedAt" IS NULL) AND ("publishedVersion" IS NULL OR "publishedVersion" <= "version")
    )
);

-- The params column holds the kind's parameters as lib/domain/compensation.ts's ZPolicyLine
-- defines them (a JSON object); the use cases write and read it only through that schema.
CREATE TABLE "CompensationItem" (
    "id" UUID NOT NULL,
    "policyId" UUID NOT NULL,
    "stage" "CompensationStage" NOT NULL,
    "position" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "kind" "CompensationLineKind" NOT NULL,
    "label" TEXT NOT NULL,
    "params" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "CompensationItem_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "CompensationItem_position_check" CHECK ("position" >= 0),
    CONSTRAINT "CompensationItem_params_check" CHECK (jsonb_typeof("params") = 'object')
);

-- CreateIndex
CREATE UNIQUE INDEX "CompensationPolicy_projectId_key" ON "CompensationPolicy"("projectId");

-- CreateIndex
CREATE UNIQUE INDEX "CompensationItem_policyId_stage_position_key" ON "CompensationItem"("policyId", "stage", "position");

-- CreateIndex
CREATE UNIQUE INDEX "CompensationItem_policyId_stage_key_key" ON "CompensationItem"("policyId", "stage", "key");

-- AddForeignKey
ALTER TABLE "CompensationPolicy" ADD CONSTRAINT "CompensationPolicy_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CompensationItem" ADD CONSTRAINT "CompensationItem_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "CompensationPolicy"("id") ON DELETE CASCADE ON UPDATE CASCADE;
