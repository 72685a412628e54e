-- ID numbers are shown with their first 3 and last 4 characters only (DOMAIN.md "Disclosure and
-- masking"); the stored masks kept the first 6. Re-mask from the stored mask itself, which still
-- holds the first 3 and the last 4 (the cipher is not needed).
UPDATE "HouseholdMember"
SET "idNumberMasked" = left("idNumberMasked", 3) || repeat('*', length("idNumberMasked") - 7) || right("idNumberMasked", 4)
WHERE "idNumberMasked" IS NOT NULL AND length("idNumberMasked") > 10;
