import type { ContentfulStatusCode } from "hono/utils/http-status";

/** An error the client caused or should know about, answered with the one error envelope. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export const invalidPostcode = () =>
  new ApiError(
    400,
    "invalid_postcode",
    "That does not look like a UK postcode. Check the letters and numbers and try again.",
  );

export const postcodeNotFound = () =>
  new ApiError(
    404,
    "postcode_not_found",
    "We could not find that postcode. Check it, or try the first half only (for example EX4).",
  );

export const notFound = (what: string) => new ApiError(404, "not_found", `${what} was not found.`);
