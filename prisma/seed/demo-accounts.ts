// The demo logins, in one place: the seed creates them, the browser tests sign in with them
// (tests/e2e/fixtures.ts) and the README lists them. Plain data, no imports, so any runtime
// (Node, Playwright) can load it.

export const DEMO_PASSWORD = "lianxin123";

/** The project the staff and resident demo accounts belong to. */
export const DEMO_PROJECT_CODE = "HP-BXL";

export const DEMO_ACCOUNTS = {
  /** 区级领导: role DISTRICT_OFFICIAL, sees every project. */
  districtOfficial: {
    role: "DISTRICT_OFFICIAL",
    name: "王建国",
    phone: "13800000001",
    password: DEMO_PASSWORD,
    label: "区级领导",
  },
  /** 临时党支部书记 of HP-BXL: ProjectMembership SECRETARY and PartyBranch.secretaryId. */
  secretary: {
    role: "STAFF",
    name: "李红梅",
    phone: "13800000002",
    password: DEMO_PASSWORD,
    label: "临时党支部书记",
    projectCode: DEMO_PROJECT_CODE,
  },
  /** 签约组长 of HP-BXL 签约一组: WorkingGroupMember LEADER. */
  groupLeader: {
    role: "STAFF",
    name: "张志强",
    phone: "13800000003",
    password: DEMO_PASSWORD,
    label: "签约组长",
    projectCode: DEMO_PROJECT_CODE,
    groupName: "签约一组",
  },
  /** Party member of the same group (WorkingGroupMember MEMBER) with open visit tasks. */
  member: {
    role: "STAFF",
    name: "陈晓燕",
    phone: "13800000004",
    password: DEMO_PASSWORD,
    label: "党员（签约组员）",
    projectCode: DEMO_PROJECT_CODE,
    groupName: "签约一组",
  },
  /** 专项小组组长 of HP-BXL 政策咨询解答小组 (specialty POLICY_CONSULTATION): WorkingGroupMember LEADER. */
  specialGroupLeader: {
    role: "STAFF",
    name: "周文华",
    phone: "13800000005",
    password: DEMO_PASSWORD,
    label: "专项小组组长（政策咨询）",
    projectCode: DEMO_PROJECT_CODE,
    groupName: "政策咨询解答小组",
    specialty: "POLICY_CONSULTATION",
  },
  /** 居民: household BXL-0001 (not yet signed), signs in with household code + access code. */
  resident: {
    role: "RESIDENT",
    householdCode: "BXL-0001",
    accessCode: "246810",
    label: "居民",
    projectCode: DEMO_PROJECT_CODE,
  },
} as const;

export type DemoAccountKey = keyof typeof DEMO_ACCOUNTS;
