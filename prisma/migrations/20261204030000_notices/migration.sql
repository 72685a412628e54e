-- Notices (公告公示) as the secretary writes, publishes and withdraws them, and which of them each
-- resident household has read. The drafted attachments column held nothing and goes: files come
-- with a table of their own.
ALTER TABLE "Notice" DROP COLUMN "attachments";

-- Two secretaries' edits of one notice cannot both win.
ALTER TABLE "Notice" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
-- A withdrawn notice is kept, marked, with who withdrew it and why.
ALTER TABLE "Notice" ADD COLUMN "withdrawnAt" TIMESTAMP(3);
ALTER TABLE "Notice" ADD COLUMN "withdrawnById" UUID;
ALTER TABLE "Notice" ADD COLUMN "withdrawReason" TEXT;
ALTER TABLE "Notice" ADD CONSTRAINT "Notice_withdrawn_check"
  CHECK ("withdrawnAt" IS NULL OR ("publishedAt" IS NOT NULL AND "withdrawReason" IS NOT NULL));
ALTER TABLE "Notice" ADD CONSTRAINT "Notice_withdrawnById_fkey"
  FOREIGN KEY ("withdrawnById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A resident household's "read" marker on a notice of its project.
CREATE TABLE "NoticeRead" (
    "householdId" UUID NOT NULL,
    "noticeId" UUID NOT NULL,
    "readAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NoticeRead_pkey" PRIMARY KEY ("householdId","noticeId")
);
CREATE INDEX "NoticeRead_noticeId_idx" ON "NoticeRead"("noticeId");
ALTER TABLE "NoticeRead" ADD CONSTRAINT "NoticeRead_householdId_fkey"
  FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "NoticeRead" ADD CONSTRAINT "NoticeRead_noticeId_fkey"
  FOREIGN KEY ("noticeId") REFERENCES "Notice"("id") ON DELETE CASCADE ON UPDATE CASCADE;
