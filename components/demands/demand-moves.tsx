"use client";

import { ActionMessage, ActionScope, ActionSelect, BoundForm, SubmitButton } from "@/components/ui/action-form";
import type { ActionState } from "@/lib/server/action";
import { ActionTextArea } from "@/components/ui/text-area-field";

export type DemandMovesLabels = {
  title: string;
  start: string;
  escalate: string;
  escalateHint: string;
  resolve: string;
  resolution: string;
  resolutionHint: string;
  reroute: string;
  rerouteGroup: string;
  chooseGroup: string;
  rerouteSubmit: string;
  pending: string;
  /** Shown when no move is left (the demand is resolved). */
  none: string;
};

/** Most characters of a resolution (the server's limit, lib/server/demands/demand-input.ts). */
const RESOLUTION_MAX = 2000;

/**
 * The moves the reader may make on one demand, each its own small form carrying the demand's
 * version; one answer for all of them (the action's `move` field names the use case), so the
 * message stays when the page re-renders without the form that was sent — render it for every
 * reader who works the demand, even when no move is left, or the last answer goes with it.
 */
export function DemandMoves({
  projectId,
  demandId,
  householdId,
  version,
  moves,
  groups,
  labels,
  action,
}: {
  projectId: string;
  demandId: string;
  /** For refreshing the household's page (its timeline shows the change). */
  householdId: string;
  version: number;
  moves: { start: boolean; escalate: boolean; resolve: boolean; reroute: boolean };
  groups: { value: string; label: string }[];
  labels: DemandMovesLabels;
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
}) {
  const target = (
    <>
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="demandId" value={demandId} />
      <input type="hidden" name="householdId" value={householdId} />
      <input type="hidden" name="version" value={version} />
    </>
  );
  return (
    <ActionScope action={action}>
      <section aria-labelledby="demand-moves-title" className="flex flex-col gap-4 rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="demand-moves-title" className="text-lg font-semibold">
          {labels.title}
        </h2>
        <ActionMessage testIds={{ success: "demand-move-success", error: "demand-move-error" }} />
        {!moves.start && !moves.escalate && !moves.resolve && !moves.reroute ? (
          <p className="text-stone-700" data-testid="demand-no-moves">
            {labels.none}
          </p>
        ) : null}
        {moves.start || moves.escalate ? (
          <div className="flex flex-wrap gap-3">
            {moves.start ? (
              <BoundForm key={`start-${version}`} data-testid="demand-start">
                {target}
                <input type="hidden" name="move" value="start" />
                <SubmitButton label={labels.start} pendingLabel={labels.pending} />
              </BoundForm>
            ) : null}
            {moves.escalate ? (
              <BoundForm key={`escalate-${version}`} data-testid="demand-escalate" className="flex flex-col gap-1">
                {target}
                <input type="hidden" name="move" value="escalate" />
                <SubmitButton
                  label={labels.escalate}
                  pendingLabel={labels.pending}
                  variant="secondary"
                  aria-describedby="demand-escalate-hint"
                />
                <p id="demand-escalate-hint" className="max-w-sm text-sm text-stone-600">
                  {labels.escalateHint}
                </p>
              </BoundForm>
            ) : null}
          </div>
        ) : null}
        {moves.resolve ? (
          <BoundForm key={`resolve-${version}`} data-testid="demand-resolve" className="flex flex-col gap-3">
            {target}
            <input type="hidden" name="move" value="resolve" />
            <ActionTextArea
              id="demand-resolution"
              name="resolution"
              label={labels.resolution}
              hint={labels.resolutionHint}
              maxLength={RESOLUTION_MAX}
              required
            />
            <div>
              <SubmitButton label={labels.resolve} pendingLabel={labels.pending} />
            </div>
          </BoundForm>
        ) : null}
        {moves.reroute ? (
          <BoundForm key={`reroute-${version}`} data-testid="demand-reroute" className="flex flex-col gap-3 sm:max-w-md">
            {target}
            <input type="hidden" name="move" value="reroute" />
            <h3 className="font-medium">{labels.reroute}</h3>
            <ActionSelect
              id="demand-reroute-group"
              name="routedGroupId"
              label={labels.rerouteGroup}
              placeholder={labels.chooseGroup}
              options={groups}
              required
            />
            <div>
              <SubmitButton label={labels.rerouteSubmit} pendingLabel={labels.pending} variant="secondary" />
            </div>
          </BoundForm>
        ) : null}
      </section>
    </ActionScope>
  );
}
