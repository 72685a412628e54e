"use client";

import { signOut } from "next-auth/react";
import { HAD_SESSION_COOKIE } from "@/lib/auth/session-policy";

export function SignOutButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      data-testid="sign-out"
      onClick={() => {
        document.cookie = `${HAD_SESSION_COOKIE}=; path=/; max-age=0; samesite=lax`;
        void signOut({ callbackUrl: "/login?signedOut=1" });
      }}
      className="min-h-11 rounded-md px-3 py-2 text-sm font-medium text-brand-700 underline-offset-4 hover:underline"
    >
      {label}
    </button>
  );
}
