-- Sign-in throttling by identifier at one address, by identifier and by address (decision 026).
-- The keys change shape ("staff:<phone>" becomes "pair:…", "id:…" and "addr:…"), so the old
-- per-identifier counters go: they only ever held a few minutes of locks.
DELETE FROM "LoginThrottle";

-- A pair's last successful sign-in: it is spared the identifier's and the address's locks.
ALTER TABLE "LoginThrottle" ADD COLUMN "succeededAt" TIMESTAMP(3);

-- Rows nobody has failed with for a day are pruned by this.
CREATE INDEX "LoginThrottle_lastFailureAt_idx" ON "LoginThrottle"("lastFailureAt");
