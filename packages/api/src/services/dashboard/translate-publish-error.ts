import { PublishError } from "@jewelguide/db";
import { TRPCError } from "@trpc/server";

/** Runs a publish step, turning the db package's PublishError into the tRPC error a dashboard user can act on. */
export async function translatePublishError<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof PublishError) {
      throw new TRPCError({ code: error.code === "NOT_FOUND" ? "NOT_FOUND" : "BAD_REQUEST", message: error.message });
    }
    throw error;
  }
}
