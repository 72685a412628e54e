-- A one-time password (issued when a staff account is made or a password is reset) must be
-- replaced at the next sign-in. passwordVersion grows with every change or reset; a session
-- remembers the version it signed in with and ends when the two differ.
ALTER TABLE "User" ADD COLUMN "mustChangePassword" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "User" ADD COLUMN "passwordVersion" INTEGER NOT NULL DEFAULT 0;
