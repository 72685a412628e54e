"use client";

import { ActionMessage, ActionScope, BoundForm, SubmitButton } from "@/components/ui/action-form";
import type { ActionState } from "@/lib/server/action";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

/** What the page says of a slot, already formatted on the server (the button: "Book 09:00" or
 *  "Move to 09:00"). */
export type ResidentSlotView = { id: string; when: string; where: string; seats: string; isFull: boolean; buttonLabel: string };
export type ResidentDayView = { day: string; label: string; slots: ResidentSlotView[] };
export type ResidentBookingView = { appointmentId: string; when: string; where: string };
export type ResidentReceptionLabels = {
  myBooking: string;
  noBooking: string;
  open: string;
  noOpen: string;
  booking: string;
  cancel: string;
  cancelling: string;
};

/** The household's booking with its cancel button; the answer stays after the booking is gone. */
export function ResidentBooking({
  booking,
  labels,
  cancelAction,
}: {
  booking: ResidentBookingView | null;
  labels: ResidentReceptionLabels;
  cancelAction: Action;
}) {
  return (
    <ActionScope action={cancelAction}>
      <section
        aria-labelledby="my-booking"
        className="flex flex-col gap-2 rounded-lg border border-stone-200 bg-white p-4"
        data-testid="my-booking"
      >
        <h2 id="my-booking" className="text-xl font-semibold">
          {labels.myBooking}
        </h2>
        {booking ? (
          <>
            <p className="text-lg font-medium" data-testid="my-booking-when">
              {booking.when}
            </p>
            <p>{booking.where}</p>
            <BoundForm busy>
              <input type="hidden" name="appointmentId" value={booking.appointmentId} />
              <SubmitButton className="w-full sm:w-auto" label={labels.cancel} pendingLabel={labels.cancelling} variant="secondary" />
            </BoundForm>
          </>
        ) : (
          <p className="text-stone-700" data-testid="no-booking">
            {labels.noBooking}
          </p>
        )}
        <ActionMessage testIds={{ success: "cancel-booking-success", error: "cancel-booking-error" }} />
      </section>
    </ActionScope>
  );
}

/** The open slots by day, each with one big button: book it, or move the booking there. One
 *  message answers whichever was pressed. */
export function ResidentOpenSlots({
  days,
  appointmentId,
  labels,
  chooseAction,
}: {
  days: ResidentDayView[];
  appointmentId: string | null;
  labels: ResidentReceptionLabels;
  chooseAction: Action;
}) {
  return (
    <ActionScope action={chooseAction}>
      <section aria-labelledby="open-slots" className="flex flex-col gap-3">
        <h2 id="open-slots" className="text-xl font-semibold">
          {labels.open}
        </h2>
        <ActionMessage testIds={{ success: "reception-success", error: "reception-error" }} />
        {days.length === 0 ? <p className="text-stone-700">{labels.noOpen}</p> : null}
        {days.map((day) => (
          <div key={day.day} className="flex flex-col gap-2">
            <h3 className="text-lg font-semibold">{day.label}</h3>
            <ul className="flex flex-col gap-2">
              {day.slots.map((slot) => (
                <li key={slot.id} className="flex flex-col gap-2 rounded-lg border border-stone-200 bg-white p-3" data-testid="open-slot">
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <span className="font-medium">{slot.when}</span>
                    <span className="text-stone-700">{slot.seats}</span>
                  </div>
                  <p className="text-stone-700">{slot.where}</p>
                  {slot.isFull ? null : (
                    <BoundForm busy>
                      <input type="hidden" name="slotId" value={slot.id} />
                      {appointmentId ? <input type="hidden" name="appointmentId" value={appointmentId} /> : null}
                      <SubmitButton
                        className="w-full"
                        label={slot.buttonLabel}
                        pendingLabel={labels.booking}
                        variant={appointmentId ? "secondary" : "primary"}
                      />
                    </BoundForm>
                  )}
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>
    </ActionScope>
  );
}
