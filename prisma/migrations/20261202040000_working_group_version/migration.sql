-- A working group can be renamed and removed from the setup screen; both carry the version the
-- screen showed, so that two secretaries' edits of one group cannot both win.
ALTER TABLE "WorkingGroup" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
