"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { credentialErrors, signInProblemOf, ZResidentCredentials, ZStaffCredentials } from "@/lib/auth/credentials";
import { HAD_SESSION_COOKIE } from "@/lib/auth/session-policy";

export type LoginLabels = {
  staffTab: string;
  residentTab: string;
  phone: string;
  password: string;
  householdCode: string;
  accessCode: string;
  accessCodeHint: string;
  submit: string;
  submitting: string;
  /** Wrong phone or password (staff). */
  failed: string;
  /** Wrong household code or access code (residents). */
  failedResident: string;
  /** Catalog key of a field problem (lib/auth/credentials.ts) → its text. */
  fieldErrors: Record<string, string>;
  /** Contains "{minutes}". */
  throttled: string;
  /** The portal could not check the sign-in (its database is down, say). */
  unavailable: string;
};

type Mode = "staff" | "resident";
type FieldErrors = Record<string, string[]>;

export function LoginForm({ labels, callbackUrl }: { labels: LoginLabels; callbackUrl: string }) {
  const router = useRouter();
  const [mode, setMode] = useState<Mode>("staff");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    const fields = Object.fromEntries(new FormData(event.currentTarget).entries()) as Record<string, string>;
    // What is missing or malformed is asked for by field before anything is sent.
    const problems = credentialErrors(mode === "staff" ? ZStaffCredentials : ZResidentCredentials, fields);
    setFieldErrors(
      problems ? Object.fromEntries(Object.entries(problems).map(([field, key]) => [field, [labels.fieldErrors[key] ?? key]])) : {},
    );
    if (problems) {
      event.currentTarget.querySelector<HTMLInputElement>(`[name="${Object.keys(problems)[0]}"]`)?.focus();
      return;
    }
    setPending(true);
    try {
      const result = await signIn(mode, { ...fields, redirect: false });
      if (result?.ok && !result.error) {
        document.cookie = `${HAD_SESSION_COOKIE}=1; path=/; samesite=lax`;
        router.replace(callbackUrl);
        router.refresh();
        return;
      }
      const problem = signInProblemOf(result?.error);
      setError(
        problem.kind === "throttled"
          ? labels.throttled.replace("{minutes}", problem.minutes)
          : problem.kind === "unavailable"
            ? labels.unavailable
            : mode === "staff"
              ? labels.failed
              : labels.failedResident,
      );
    } catch {
      setError(labels.unavailable);
    }
    setPending(false);
  }

  const tab = (value: Mode, label: string) => (
    <button
      type="button"
      aria-pressed={mode === value}
      onClick={() => {
        setMode(value);
        setError(null);
        setFieldErrors({});
      }}
      className={`min-h-11 flex-1 rounded-md px-3 py-2 text-base font-medium ${
        mode === value ? "bg-brand-700 text-white" : "bg-white text-stone-800 hover:bg-stone-100"
      }`}
    >
      {label}
    </button>
  );

  return (
    <div className="flex flex-col gap-5">
      <div className="flex gap-2 rounded-lg border border-stone-300 bg-stone-100 p-1">
        {tab("staff", labels.staffTab)}
        {tab("resident", labels.residentTab)}
      </div>
      <form onSubmit={onSubmit} className="flex flex-col gap-4" key={mode} noValidate>
        {mode === "staff" ? <StaffFields labels={labels} errors={fieldErrors} /> : <ResidentFields labels={labels} errors={fieldErrors} />}
        <div aria-live="polite">
          {error ? (
            <Alert tone="error" testId="login-error">
              {error}
            </Alert>
          ) : null}
        </div>
        <Button type="submit" disabled={pending}>
          {pending ? labels.submitting : labels.submit}
        </Button>
      </form>
    </div>
  );
}

function StaffFields({ labels, errors }: { labels: LoginLabels; errors: FieldErrors }) {
  return (
    <>
      <FormField
        id="phone"
        name="phone"
        type="tel"
        inputMode="numeric"
        autoComplete="username"
        required
        label={labels.phone}
        errors={errors.phone}
      />
      <FormField
        id="password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        label={labels.password}
        errors={errors.password}
      />
    </>
  );
}

function ResidentFields({ labels, errors }: { labels: LoginLabels; errors: FieldErrors }) {
  return (
    <>
      <FormField
        id="householdCode"
        name="householdCode"
        autoComplete="username"
        autoCapitalize="characters"
        required
        label={labels.householdCode}
        errors={errors.householdCode}
      />
      <FormField
        id="accessCode"
        name="accessCode"
        type="password"
        inputMode="numeric"
        autoComplete="current-password"
        required
        label={labels.accessCode}
        hint={labels.accessCodeHint}
        errors={errors.accessCode}
      />
    </>
  );
}
