// The bench reads the exam actions' answers as the pages' fetchers do.
import { describe, expect, it } from "vitest";
import { actionData, readSingleFetch } from "../../../bench/lib/single-fetch";

// What Remix answers for `{ data: { started: … } }` (values flattened, keys by index).
const BODY =
  '[{"_1":2,"_19":20,"_21":-5,"_22":-7},"data",{"_3":4},"started",{"_5":6,"_7":8,"_9":10,"_11":12,"_17":18},' +
  '"token","abc","target","您好","durationMs",180000,"list",[13,14],1,{"_15":16},"id","m1","when",["D",5],' +
  '"n",-1,"z","u"]\n';

describe("reading a single-fetch answer", () => {
  it("rebuilds objects, arrays, numbers, dates, null and undefined", () => {
    expect(readSingleFetch(BODY)).toEqual({
      data: {
        started: { token: "abc", target: "您好", durationMs: 180000, list: [1, { id: "m1" }], when: new Date(5) },
      },
      n: -1,
      z: null,
      u: undefined,
    });
    expect(actionData<{ started: { token: string } }>(BODY)?.started.token).toBe("abc");
  });

  it("gives nothing for a body that is not one", () => {
    expect(readSingleFetch("<!DOCTYPE html>")).toBeUndefined();
    expect(actionData("[1]")).toBeUndefined();
  });
});
