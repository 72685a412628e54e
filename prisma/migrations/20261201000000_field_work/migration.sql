-- Field work: coverage rules per project, task cancellation and reassignment history, idempotent
-- visit logs, demands raised in a visit, and daily reports with their figures and versions.

-- AlterTable
ALTER TABLE "Project" ADD COLUMN "coverageHardshipDays" INTEGER NOT NULL DEFAULT 7,
ADD COLUMN "coverageUnsignedDays" INTEGER NOT NULL DEFAULT 14;
ALTER TABLE "Project" ADD CONSTRAINT "Project_coverage_days_check"
  CHECK ("coverageHardshipDays" BETWEEN 1 AND 365 AND "coverageUnsignedDays" BETWEEN 1 AND 365);

-- AlterTable
ALTER TABLE "Task" ADD COLUMN "cancelReason" TEXT,
ADD COLUMN "cancelledAt" TIMESTAMP(3),
ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "Task" ADD CONSTRAINT "Task_cancel_reason_check"
  CHECK ("status" <> 'CANCELLED' OR "cancelReason" IS NOT NULL);

-- DropIndex
DROP INDEX "Task_householdId_idx";

-- CreateIndex
CREATE INDEX "Task_householdId_status_idx" ON "Task"("householdId", "status");

-- CreateTable
CREATE TABLE "TaskReassignment" (
    "id" UUID NOT NULL,
    "taskId" UUID NOT NULL,
    "fromUserId" UUID NOT NULL,
    "toUserId" UUID NOT NULL,
    "byUserId" UUID,
    "reason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TaskReassignment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TaskReassignment_taskId_createdAt_idx" ON "TaskReassignment"("taskId", "createdAt");

-- AddForeignKey
ALTER TABLE "TaskReassignment" ADD CONSTRAINT "TaskReassignment_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "TaskReassignment" ADD CONSTRAINT "TaskReassignment_fromUserId_fkey" FOREIGN KEY ("fromUserId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "TaskReassignment" ADD CONSTRAINT "TaskReassignment_toUserId_fkey" FOREIGN KEY ("toUserId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "TaskReassignment" ADD CONSTRAINT "TaskReassignment_byUserId_fkey" FOREIGN KEY ("byUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AlterTable
ALTER TABLE "VisitLog" ADD COLUMN "clientKey" UUID;

-- CreateIndex
CREATE UNIQUE INDEX "VisitLog_clientKey_key" ON "VisitLog"("clientKey");

-- AlterTable
ALTER TABLE "Demand" ADD COLUMN "visitLogId" UUID,
ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;

-- CreateIndex
CREATE INDEX "Demand_routedGroupId_status_idx" ON "Demand"("routedGroupId", "status");

-- AddForeignKey
ALTER TABLE "Demand" ADD CONSTRAINT "Demand_visitLogId_fkey" FOREIGN KEY ("visitLogId") REFERENCES "VisitLog"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AlterTable
ALTER TABLE "DailyReport" ADD COLUMN "householdsVisited" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "newDemands" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "demandsResolved" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "overdueTasks" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;

-- DropIndex
DROP INDEX "DailyReport_groupId_reportDate_key";

-- CreateIndex
CREATE UNIQUE INDEX "DailyReport_groupId_reportDate_version_key" ON "DailyReport"("groupId", "reportDate", "version");
