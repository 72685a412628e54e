import "server-only";
import { notFound } from "next/navigation";
import { APP_ERROR_RULES, isAppError } from "../errors.ts";

/** For pages: a read that is out of scope, forbidden or malformed (a bad id in the URL) renders
 *  the not-found page, so a page never tells which of the three it was (the `page` column of
 *  APP_ERROR_RULES). */
export async function orNotFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (isAppError(error) && APP_ERROR_RULES[error.code].page === "not-found") notFound();
    throw error;
  }
}
