import Link from "next/link";
import { getTranslator } from "@/lib/i18n/server";

export default async function NotFound() {
  const t = await getTranslator();
  return (
    <main id="main" className="mx-auto flex max-w-md flex-col gap-4 px-4 py-16">
      <h1 className="text-2xl font-bold" data-testid="not-found">
        {t("errors.notFoundPage")}
      </h1>
      <Link href="/" className="text-brand-700 underline underline-offset-4">
        {t("errors.backHome")}
      </Link>
    </main>
  );
}
