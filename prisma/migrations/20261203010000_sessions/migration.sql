-- A signed-in session: one row per sign-in, whose id the session cookie carries. Every request
-- checks that its row is neither revoked nor expired, so signing out (one row) or signing out
-- everywhere (every row of the user) ends the session on the server, whatever copy of the
-- cookie is still around. expiresAt is the absolute limit (12 h after sign-in).
CREATE TABLE "UserSession" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "UserSession_pkey" PRIMARY KEY ("id")
);

-- Sign out everywhere: the user's sessions.
CREATE INDEX "UserSession_userId_createdAt_idx" ON "UserSession"("userId", "createdAt");

ALTER TABLE "UserSession" ADD CONSTRAINT "UserSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
