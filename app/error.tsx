"use client";

// Rendered when a page throws unexpectedly. The text cannot come from the server catalogs
// here (the server failed), so both languages are shown.
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <main id="main" className="mx-auto flex max-w-md flex-col gap-4 px-4 py-16">
      <h1 className="text-2xl font-bold">系统出错，请稍后再试。</h1>
      <p lang="en">Something went wrong. Please try again later.</p>
      <button type="button" onClick={reset} className="min-h-11 rounded-md bg-brand-700 px-4 py-2 text-white">
        重试 / <span lang="en">Retry</span>
      </button>
    </main>
  );
}
