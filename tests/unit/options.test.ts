import { describe, expect, it } from "vitest";
import { OwnerLocation, ProjectPhase, SigningChannel, Tenure } from "@/lib/generated/prisma/enums";
import { OWNER_LOCATIONS, PROJECT_KINDS, PROJECT_PHASES, SIGNING_CHANNELS, TENURES, optionsOf } from "@/lib/domain/options";

describe("option lists", () => {
  it("list every value of the schema's enums in the schema's order", () => {
    expect(TENURES).toEqual(["PUBLIC_LEASE", "PRIVATE_PROPERTY", "OTHER"]);
    expect(OWNER_LOCATIONS).toEqual(["LOCAL", "OTHER_CITY", "OTHER_PROVINCE", "HK_MACAO_TW", "OVERSEAS"]);
    expect(SIGNING_CHANNELS).toEqual(["ON_SITE", "HOME_VISIT", "REMOTE_VIDEO", "NOTARIZED_PROXY"]);
    expect(PROJECT_KINDS).toEqual(["OLD_DISTRICT", "SHANTYTOWN", "VILLAGE"]);
    expect(optionsOf(Tenure)).toEqual(Object.values(Tenure));
    expect(optionsOf(OwnerLocation)).toEqual(Object.values(OwnerLocation));
    expect(optionsOf(SigningChannel)).toEqual(Object.values(SigningChannel));
  });

  it("keep the phase rules' order equal to the schema's phases", () => {
    expect([...PROJECT_PHASES]).toEqual(Object.values(ProjectPhase));
  });
});
