-- Reception booking (房屋征收接待, decision 033). The tables existed unused and hold no rows.

-- The mode (in person / video) belongs to the slot: staff set up a room's seats or a video line,
-- and a resident picks a slot.
ALTER TABLE "Appointment" DROP COLUMN "mode";

-- A household may book a slot again after cancelling it (the cancelled row is kept), so the pair
-- is no longer unique.
DROP INDEX "Appointment_slotId_householdId_key";

ALTER TABLE "Appointment" ADD COLUMN "cancelledAt" TIMESTAMP(3),
ADD COLUMN "cancelReason" TEXT;

CREATE INDEX "Appointment_slotId_status_idx" ON "Appointment"("slotId", "status");

ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_cancelled_check"
  CHECK (("status" = 'CANCELLED') = ("cancelledAt" IS NOT NULL));

CREATE TYPE "ReceptionSlotStatus" AS ENUM ('OPEN', 'CANCELLED');

-- Overlapping slots of one room are refused by the use case under a per-project lock; a start
-- time alone is no longer unique (a cancelled slot's time may be offered again).
DROP INDEX "ReceptionSlot_projectId_room_startsAt_key";

ALTER TABLE "ReceptionSlot" ADD COLUMN "mode" "AppointmentMode" NOT NULL DEFAULT 'IN_PERSON',
ADD COLUMN "seatsTaken" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "status" "ReceptionSlotStatus" NOT NULL DEFAULT 'OPEN',
ADD COLUMN "cancelReason" TEXT,
ADD COLUMN "cancelledAt" TIMESTAMP(3),
ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

CREATE INDEX "ReceptionSlot_projectId_startsAt_idx" ON "ReceptionSlot"("projectId", "startsAt");

ALTER TABLE "ReceptionSlot" ADD CONSTRAINT "ReceptionSlot_capacity_check" CHECK ("capacity" >= 1);
ALTER TABLE "ReceptionSlot" ADD CONSTRAINT "ReceptionSlot_ends_after_start_check" CHECK ("endsAt" > "startsAt");
-- The seat counter never passes the capacity, whatever the code does: nobody can overbook.
ALTER TABLE "ReceptionSlot" ADD CONSTRAINT "ReceptionSlot_seats_check"
  CHECK ("seatsTaken" >= 0 AND "seatsTaken" <= "capacity");
ALTER TABLE "ReceptionSlot" ADD CONSTRAINT "ReceptionSlot_cancel_reason_check"
  CHECK ("status" <> 'CANCELLED' OR ("cancelReason" IS NOT NULL AND "cancelledAt" IS NOT NULL));
