import { describe, expect, it } from "vitest";
import { inLibrary } from "~/catalogue/in-library";
import { allowedDeliveries, deliveryAllowed } from "~/workflow/request-rules";

describe("request rules", () => {
  it("a series is merged only as far as its merge rule allows", () => {
    expect(allowedDeliveries("none")).toEqual(["separate"]);
    expect(allowedDeliveries("half-day")).toEqual(["separate", "half-day"]);
    expect(allowedDeliveries("full-day")).toEqual(["separate", "half-day", "full-day"]);
    expect(allowedDeliveries("unknown")).toEqual(["separate"]);
    expect(deliveryAllowed("half-day", "full-day")).toBe(false);
    expect(deliveryAllowed("none", "single")).toBe(false);
  });
  it("a course is in the library when HR entered a version and it is not retired, whatever its file says", () => {
    const statuses = ["draft", "trial", "accepted", "retired"];
    expect(statuses.filter((status) => inLibrary({ status, liveVersionId: 1 }))).toEqual([
      "draft",
      "trial",
      "accepted",
    ]);
    expect(statuses.filter((status) => inLibrary({ status, liveVersionId: null }))).toEqual([]);
  });
});
