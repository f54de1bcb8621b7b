import { describe, expect, it } from "vitest";
import { loader as loginLoader } from "~/routes/login";
import { createTestUser, makeRequest, settle } from "../../fixtures/users";

describe("redirect after sign-in", () => {
  it.each(["%2F%09%2Fevil.example", "%2F%5Cevil.example", "%2F%0D%0ASet-Cookie%3A%20x%3D1", "%2Fok%00"])(
    "a signed-in user sent to /login?redirectTo=%s stays on this site",
    async (target) => {
      const user = await createTestUser();
      const request = await makeRequest(`/login?redirectTo=${target}`, { userId: user.id });
      const { value } = await settle(() => loginLoader({ request, params: {}, context: {} }));
      expect(value).toBeInstanceOf(Response);
      expect((value as Response).status).toBe(302);
      expect((value as Response).headers.get("Location")).toBe("/");
    },
  );
});
