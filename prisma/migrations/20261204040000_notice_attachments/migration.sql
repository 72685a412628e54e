-- Files attached to a notice (PDF and images), kept in the database with the notice they belong
-- to (decision 035): written, audited and backed up with it, served only through the use case
-- that checks who may read the notice.
CREATE TABLE "NoticeAttachment" (
    "id" UUID NOT NULL,
    "noticeId" UUID NOT NULL,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NoticeAttachment_pkey" PRIMARY KEY ("id"),
    -- The size is the content's: a row cannot claim another.
    CONSTRAINT "NoticeAttachment_size_check" CHECK ("size" > 0 AND "size" = octet_length("content"))
);
CREATE INDEX "NoticeAttachment_noticeId_idx" ON "NoticeAttachment"("noticeId");
ALTER TABLE "NoticeAttachment" ADD CONSTRAINT "NoticeAttachment_noticeId_fkey"
  FOREIGN KEY ("noticeId") REFERENCES "Notice"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "NoticeAttachment" ADD CONSTRAINT "NoticeAttachment_createdById_fkey"
  FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
