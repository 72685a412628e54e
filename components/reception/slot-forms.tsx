"use client";

import { ActionField, ActionForm, ActionSelect, useActionForm } from "@/components/ui/action-form";
import { CheckboxField } from "@/components/ui/select-field";
import type { ActionState } from "@/lib/server/action";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

export type SlotFormLabels = {
  oneTitle: string;
  oneSubmit: string;
  seriesTitle: string;
  seriesHint: string;
  seriesSubmit: string;
  saving: string;
  room: string;
  roomHint: string;
  mode: string;
  modes: { value: string; label: string }[];
  day: string;
  startTime: string;
  endTime: string;
  capacity: string;
  fromDay: string;
  toDay: string;
  weekdays: string;
  weekdayNames: { value: string; label: string }[];
  dayStart: string;
  dayEnd: string;
  slotMinutes: string;
};

function RoomAndMode({ labels, prefix }: { labels: SlotFormLabels; prefix: string }) {
  return (
    <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
      <ActionField id={`${prefix}-room`} name="room" required maxLength={60} label={labels.room} hint={labels.roomHint} />
      <ActionSelect id={`${prefix}-mode`} name="mode" label={labels.mode} options={labels.modes} defaultValue="IN_PERSON" />
      <ActionField
        id={`${prefix}-capacity`}
        name="capacity"
        type="number"
        inputMode="numeric"
        min={1}
        max={500}
        required
        label={labels.capacity}
        defaultValue="2"
      />
    </div>
  );
}

/** One slot: a room, a day, a start and an end, a number of seats. */
export function CreateSlotForm({
  projectId,
  today,
  labels,
  action,
}: {
  projectId: string;
  today: string;
  labels: SlotFormLabels;
  action: Action;
}) {
  return (
    <ActionForm action={action} testId="reception-create-slot" submitLabel={labels.oneSubmit} pendingLabel={labels.saving}>
      <input type="hidden" name="projectId" value={projectId} />
      <RoomAndMode labels={labels} prefix="slot" />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <ActionField id="slot-day" name="day" type="date" min={today} required label={labels.day} defaultValue={today} />
        <ActionField id="slot-start" name="startTime" type="time" required label={labels.startTime} defaultValue="09:00" />
        <ActionField id="slot-end" name="endTime" type="time" required label={labels.endTime} defaultValue="09:30" />
      </div>
    </ActionForm>
  );
}

function WeekdayBoxes({ labels }: { labels: SlotFormLabels }) {
  const { state } = useActionForm();
  const errors = state.fieldErrors?.weekdays;
  return (
    <fieldset aria-describedby={errors?.length ? "series-weekdays-error" : undefined}>
      <legend className="text-sm font-medium text-stone-800">{labels.weekdays}</legend>
      <div className="flex flex-wrap gap-x-4">
        {labels.weekdayNames.map((d) => (
          <CheckboxField
            key={d.value}
            id={`series-weekday-${d.value}`}
            name="weekdays"
            value={d.value}
            defaultChecked={Number(d.value) <= 5}
            label={d.label}
          />
        ))}
      </div>
      <div id="series-weekdays-error" aria-live="polite" className="text-sm text-brand-700">
        {errors?.map((e) => (
          <p key={e}>{e}</p>
        ))}
      </div>
    </fieldset>
  );
}

/** A series: chosen weekdays of a date range, back-to-back slots between two times of day. */
export function CreateSeriesForm({
  projectId,
  today,
  labels,
  action,
}: {
  projectId: string;
  today: string;
  labels: SlotFormLabels;
  action: Action;
}) {
  return (
    <ActionForm action={action} testId="reception-create-series" submitLabel={labels.seriesSubmit} pendingLabel={labels.saving}>
      <input type="hidden" name="projectId" value={projectId} />
      <p className="text-sm text-stone-700">{labels.seriesHint}</p>
      <RoomAndMode labels={labels} prefix="series" />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <ActionField id="series-from" name="fromDay" type="date" min={today} required label={labels.fromDay} defaultValue={today} />
        <ActionField id="series-to" name="toDay" type="date" min={today} required label={labels.toDay} defaultValue={today} />
      </div>
      <WeekdayBoxes labels={labels} />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <ActionField id="series-day-start" name="dayStart" type="time" required label={labels.dayStart} defaultValue="09:00" />
        <ActionField id="series-day-end" name="dayEnd" type="time" required label={labels.dayEnd} defaultValue="11:30" />
        <ActionField
          id="series-minutes"
          name="slotMinutes"
          type="number"
          inputMode="numeric"
          min={10}
          max={240}
          required
          label={labels.slotMinutes}
          defaultValue="30"
        />
      </div>
    </ActionForm>
  );
}

export type SlotEditLabels = { capacity: string; capacitySubmit: string; reason: string; cancelSubmit: string; saving: string };

/** An open slot's two edits: its seats, and cancelling it with a reason. Both carry its version. */
export function SlotEditForms({
  projectId,
  slot,
  labels,
  capacityAction,
  cancelAction,
}: {
  projectId: string;
  slot: { id: string; capacity: number; version: number };
  labels: SlotEditLabels;
  capacityAction: Action;
  cancelAction: Action;
}) {
  return (
    <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
      <ActionForm
        action={capacityAction}
        testId={`reception-capacity-${slot.id}`}
        submitLabel={labels.capacitySubmit}
        pendingLabel={labels.saving}
        submitVariant="secondary"
        formKey={slot.version}
      >
        <input type="hidden" name="projectId" value={projectId} />
        <input type="hidden" name="slotId" value={slot.id} />
        <input type="hidden" name="version" value={slot.version} />
        <ActionField
          id={`capacity-${slot.id}`}
          name="capacity"
          type="number"
          inputMode="numeric"
          min={1}
          max={500}
          required
          label={labels.capacity}
          defaultValue={String(slot.capacity)}
        />
      </ActionForm>
      <ActionForm
        action={cancelAction}
        testId={`reception-cancel-${slot.id}`}
        submitLabel={labels.cancelSubmit}
        pendingLabel={labels.saving}
        submitVariant="secondary"
        formKey={slot.version}
      >
        <input type="hidden" name="projectId" value={projectId} />
        <input type="hidden" name="slotId" value={slot.id} />
        <input type="hidden" name="version" value={slot.version} />
        <ActionField id={`reason-${slot.id}`} name="reason" required maxLength={500} label={labels.reason} />
      </ActionForm>
    </div>
  );
}
