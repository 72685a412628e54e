import "server-only";
import { notFound } from "next/navigation";
import { isAppError } from "../errors.ts";

/** For pages: a read that is out of scope, forbidden or malformed (a bad id in the URL) renders
 *  the not-found page, so a page never tells which of the three it was. */
export async function orNotFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN" || error.code === "VALIDATION")) notFound();
    throw error;
  }
}
