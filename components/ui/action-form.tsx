"use client";

import {
  createContext,
  useActionState,
  useContext,
  useMemo,
  type ComponentProps,
  type FormHTMLAttributes,
  type Key,
  type ReactNode,
} from "react";
import { SessionExpiredLink } from "@/components/auth/session-expired-link";
import type { ActionState } from "@/lib/server/action";
import { Alert } from "./alert";
import { Button } from "./button";
import { FormField } from "./form-field";
import { SelectField } from "./select-field";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

/** What the controls of a form bound to an action see: its last answer and whether it runs now. */
export type ActionFormState = { state: ActionState; pending: boolean };

type Scope = ActionFormState & { formAction?: (formData: FormData) => void };

const ActionScopeContext = createContext<Scope>({ state: { ok: false }, pending: false });

/**
 * One server action's state (useActionState) for everything inside it: each BoundForm posts to
 * the action, ActionMessage shows its answer, ActionField and ActionSelect their own errors.
 * Several forms share one scope when one message answers whichever of them was sent — the answer
 * then outlives a form that the new state of the page no longer shows.
 */
export function ActionScope({ action, children }: { action: Action; children: ReactNode }) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  const scope = useMemo(() => ({ state, formAction, pending }), [state, formAction, pending]);
  return <ActionScopeContext.Provider value={scope}>{children}</ActionScopeContext.Provider>;
}

/** The enclosing ActionScope's (or ActionForm's) state, for controls that show errors or pending themselves. */
export function useActionForm(): ActionFormState {
  const { state, pending } = useContext(ActionScopeContext);
  return { state, pending };
}

/**
 * A form posting to the enclosing ActionScope's action; without JavaScript the browser posts it
 * and the server renders the answer. `busy` marks it aria-busy while the action runs.
 */
export function BoundForm({ busy, children, ...form }: Omit<FormHTMLAttributes<HTMLFormElement>, "action"> & { busy?: boolean }) {
  const { formAction, pending } = useContext(ActionScopeContext);
  return (
    <form {...form} action={formAction} aria-busy={busy ? pending : undefined}>
      {children}
    </form>
  );
}

/** A submit button that is disabled and says `pendingLabel` while the action runs. */
export function SubmitButton({
  label,
  pendingLabel,
  ...button
}: Omit<ComponentProps<typeof Button>, "type" | "disabled" | "children"> & { label: string; pendingLabel: string }) {
  const { pending } = useContext(ActionScopeContext);
  return (
    <Button {...button} type="submit" disabled={pending}>
      {pending ? pendingLabel : label}
    </Button>
  );
}

/**
 * The action's answer in a live region: a success or error box (with a test id per tone; its
 * content `render`ed, by default the message), then any other announcements given as children.
 * A session that ended answers, in every form alike, with the message and a sign-in link back
 * to this page; the fields keep what was typed (ActionField, ActionSelect).
 */
export function ActionMessage({
  testIds,
  render,
  className,
  children,
}: {
  testIds?: { success?: string; error?: string };
  render?: (state: ActionState) => ReactNode;
  className?: string;
  children?: ReactNode;
}) {
  const { state } = useContext(ActionScopeContext);
  return (
    <div aria-live="polite" className={className}>
      {state.message ? (
        <Alert tone={state.ok ? "success" : "error"} testId={state.ok ? testIds?.success : testIds?.error}>
          {state.sessionExpired ? (
            <>
              {state.message}
              <SessionExpiredLink label={state.sessionExpired.signIn} />
            </>
          ) : render ? (
            render(state)
          ) : (
            state.message
          )}
        </Alert>
      ) : null}
      {children}
    </div>
  );
}

function WithActionForm({ children }: { children: (form: ActionFormState) => ReactNode }) {
  return children(useActionForm());
}

/**
 * A form bound to a server action through useActionState: fields inside it (ActionField,
 * ActionSelect) show their own errors and keep what was typed after a refusal; the form shows
 * the action's message in a live region. From a client component, `children` may be a function
 * of the state (for controls of its own), `renderMessage` may add to the message, and without a
 * `submitLabel` the children bring their own submit buttons (SubmitButton). `formKey` renews the
 * fields (e.g. the record's version after a save) while the message stays.
 */
export function ActionForm({
  action,
  children,
  submitLabel,
  pendingLabel = "",
  testId,
  className = "flex flex-col gap-3",
  submitVariant = "primary",
  messageTestIds,
  renderMessage,
  formKey,
  busy,
}: {
  action: Action;
  children?: ReactNode | ((form: ActionFormState) => ReactNode);
  submitLabel?: string;
  pendingLabel?: string;
  testId?: string;
  className?: string;
  submitVariant?: "primary" | "secondary" | "ghost";
  /** Test ids of the success and error boxes; by default `${testId}-success` and `${testId}-error`. */
  messageTestIds?: { success?: string; error?: string };
  renderMessage?: (state: ActionState) => ReactNode;
  formKey?: Key;
  busy?: boolean;
}) {
  return (
    <ActionScope action={action}>
      <BoundForm key={formKey} className={className} data-testid={testId} busy={busy}>
        {typeof children === "function" ? <WithActionForm>{children}</WithActionForm> : children}
        {submitLabel !== undefined ? (
          <div>
            <SubmitButton label={submitLabel} pendingLabel={pendingLabel} variant={submitVariant} />
          </div>
        ) : null}
        <ActionMessage
          testIds={messageTestIds ?? (testId ? { success: `${testId}-success`, error: `${testId}-error` } : undefined)}
          render={renderMessage}
        />
      </BoundForm>
    </ActionScope>
  );
}

export function ActionField(props: Omit<Parameters<typeof FormField>[0], "errors"> & { name: string }) {
  const { state } = useActionForm();
  const echoed = state.ok ? undefined : state.values?.[props.name];
  return (
    <FormField
      {...props}
      key={`${props.name}-${state.ok ? "saved" : (echoed ?? "")}`}
      defaultValue={echoed ?? props.defaultValue}
      errors={state.fieldErrors?.[props.name]}
    />
  );
}

export function ActionSelect({ name, defaultValue, ...props }: Omit<Parameters<typeof SelectField>[0], "errors"> & { name: string }) {
  const { state } = useActionForm();
  return (
    <SelectField
      {...props}
      name={name}
      defaultValue={(state.ok ? undefined : state.values?.[name]) ?? defaultValue}
      errors={state.fieldErrors?.[name]}
    />
  );
}
