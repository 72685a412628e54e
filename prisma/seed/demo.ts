// The demo: three projects modelled on the source articles (../shared/seeds), the Huangpu
// district joint conference, and the demo accounts of demo-accounts.ts.
//
//   HP-BXL  宝兴里-style 旧改 in Huangpu: 2,119 certificates, 205 Party-member households, six
//           special groups; signing started 21 days before the anchor and is at 70.03%.
//   LH-QSH  清水河-style 棚改 in Luohu: 11 signing groups and the Shenzhen functional groups;
//           launch day two days before the anchor with 1,392 of 1,464 dwellings (95.08%) signed.
//   PD-HQ   花墙-style village project in Pudong: all 312 households signed and moved out.

import type { GroupSpecialty } from "../../lib/generated/prisma/enums.ts";
import { createCalendar, todayInShanghai, type AnchorDate } from "./calendar.ts";
import { DEMO_ACCOUNTS } from "./demo-accounts.ts";
import { insertPlan, type SeedDb } from "./insert.ts";
import { randomPersonName } from "./names.ts";
import { countRows, emptyPlan, mergePlans, type Plan, type PlanTable } from "./plan.ts";
import { planProject, type ProjectFigures, type ProjectPlanResult } from "./project-plan.ts";
import { WORKED_EXAMPLE_HOUSEHOLD } from "./project/compensation-presets.ts";
import { createRng } from "./random.ts";

export const DEMO_SEED = "lianxin-demo";

const SHANGHAI_SPECIAL_GROUPS: GroupSpecialty[] = [
  "POLICY_CONSULTATION",
  "PETITION_MEDIATION",
  "RESIDENT_PROBLEMS",
  "PEOPLES_MEDIATION",
  "PAIRING_ASSISTANCE",
  "PUBLICITY",
];

const SHENZHEN_FUNCTIONAL_GROUPS: GroupSpecialty[] = [
  "COORDINATION",
  "POLICY_LAW",
  "PLANNING",
  "PERMITS",
  "RENTAL_CLEARANCE",
  "PUBLICITY_OPINION",
  "ARCHIVES",
  "ILLEGAL_CONSTRUCTION",
  "PETITION_STABILITY",
];

/** The figures the demo is designed to show (checked by tests/integration/demo-seed.test.ts). */
export const DEMO_DESIGN = {
  "HP-BXL": { households: 2119, eligible: 2119, partyMemberHouseholds: 205, agree: 2071, disagree: 29, signed: 1484, firstDaySigned: 848 },
  "LH-QSH": { households: 1470, eligible: 1464, partyMemberHouseholds: 88, agree: 1435, disagree: 14, signed: 1421, firstDaySigned: 1392 },
  "PD-HQ": { households: 312, eligible: 312, partyMemberHouseholds: 24, agree: 304, disagree: 5, signed: 312, firstDaySigned: 196 },
} as const;

export type DemoPlan = {
  anchor: AnchorDate;
  plan: Plan;
  projects: { hp: ProjectPlanResult; qsh: ProjectPlanResult; hq: ProjectPlanResult };
  districtConferenceId: string;
};

/** Every row of the demo, without touching a database. */
export function planDemo(options: { anchor?: AnchorDate } = {}): DemoPlan {
  const anchor = options.anchor ?? todayInShanghai();
  const cal = createCalendar(anchor);
  const rng = createRng(`${DEMO_SEED}|district`);
  const setupAt = cal.at(-400, 9);
  const id = () => rng.uuid7(setupAt.getTime());
  const district = emptyPlan();

  // ── District units and officials (黄浦区) ──
  const unit = (name: string, kind: Plan["units"][number]["kind"], unitDistrict = "黄浦区") => {
    const row = { id: id(), name, kind, district: unitDistrict, createdAt: setupAt };
    district.units.push(row);
    return row.id;
  };
  const orgDept = unit("中共黄浦区委组织部", "OTHER");
  const renewalOffice = unit("黄浦区旧区改造工作办公室", "OTHER");
  const housingBureau = unit("黄浦区住房保障和房屋管理局", "OTHER");
  const rotatingConvenor = unit("申江置地集团有限公司党委", "ENTERPRISE_PARTY_ORG");
  const financeGroup = unit("外滩金融服务集团党委", "ENTERPRISE_PARTY_ORG");
  const renewalCompany = unit("黄浦城市更新发展有限公司党委", "ENTERPRISE_PARTY_ORG");
  const mediaCompany = unit("浦江新媒体科技有限公司党支部", "ENTERPRISE_PARTY_ORG");

  const official = DEMO_ACCOUNTS.districtOfficial;
  const officialId = id();
  district.users.push(
    {
      id: officialId,
      role: "DISTRICT_OFFICIAL",
      name: official.name,
      phone: official.phone,
      password: official.password,
      isPartyMember: true,
      unitId: orgDept,
      createdAt: setupAt,
      updatedAt: setupAt,
    },
    {
      id: id(),
      role: "DISTRICT_OFFICIAL",
      name: randomPersonName(rng, { region: "SHANGHAI", birthYear: 1972 }),
      phone: "13900000001",
      password: official.password,
      isPartyMember: true,
      unitId: renewalOffice,
      createdAt: setupAt,
      updatedAt: setupAt,
    },
  );

  // ── The three projects ──
  const hp = planProject({
    seed: DEMO_SEED,
    anchor,
    code: "HP-BXL",
    name: "宝兴里旧区改造项目",
    kind: "OLD_DISTRICT",
    district: "黄浦区",
    street: "外滩街道",
    countingUnit: "CERTIFICATE",
    isPublished: true,
    firstRoundThreshold: 0.9,
    signingThreshold: 0.85,
    schedule: {
      branchEstablished: -110,
      noticeStart: -95,
      noticeEnd: -66,
      consultationStart: -60,
      consultationEnd: -46,
      signingStart: -21,
      signingEnd: 35,
    },
    households: DEMO_DESIGN["HP-BXL"].households,
    partyMemberHouseholds: DEMO_DESIGN["HP-BXL"].partyMemberHouseholds,
    signingGroups: 8,
    membersPerSigningGroup: 5,
    specialGroups: SHANGHAI_SPECIAL_GROUPS,
    membersPerSpecialGroup: 3,
    branchName: "宝兴里旧改项目临时党支部",
    firstRound: { agree: DEMO_DESIGN["HP-BXL"].agree, disagree: DEMO_DESIGN["HP-BXL"].disagree },
    signed: DEMO_DESIGN["HP-BXL"].signed,
    firstDaySigned: DEMO_DESIGN["HP-BXL"].firstDaySigned,
    signingCurve: { decayDays: 3.5, floor: 0.12 },
    places: { roads: ["兴仁东路", "福佑西路", "宁康路"] },
    unitNames: {
      streetOffice: "外滩街道办事处",
      residentsCommittee: "宝兴居民区居民委员会",
      expropriationOffice: "黄浦区第一房屋征收服务事务所",
      publicHousingManager: "黄浦公房物业管理有限公司",
      lawFirm: "上海申和律师事务所",
      enterpriseParty: "金陵商厦有限公司党支部",
    },
    // 联席会议由区委组织部主要领导担任召集人 (seed 000).
    conference: { name: "宝兴里旧改项目党建联席会议", convenorUnitIds: [orgDept], extraUnitIds: [renewalOffice, housingBureau] },
    accounts: {
      secretary: { name: DEMO_ACCOUNTS.secretary.name, phone: DEMO_ACCOUNTS.secretary.phone, password: DEMO_ACCOUNTS.secretary.password },
      signingGroupLeaders: [
        {
          name: DEMO_ACCOUNTS.groupLeader.name,
          phone: DEMO_ACCOUNTS.groupLeader.phone,
          password: DEMO_ACCOUNTS.groupLeader.password,
          isPartyMember: true,
        },
      ],
      signingGroupMembers: [
        {
          group: 0,
          account: {
            name: DEMO_ACCOUNTS.member.name,
            phone: DEMO_ACCOUNTS.member.phone,
            password: DEMO_ACCOUNTS.member.password,
            isPartyMember: true,
          },
        },
      ],
      specialGroupLeaders: {
        [DEMO_ACCOUNTS.specialGroupLeader.specialty]: {
          name: DEMO_ACCOUNTS.specialGroupLeader.name,
          phone: DEMO_ACCOUNTS.specialGroupLeader.phone,
          password: DEMO_ACCOUNTS.specialGroupLeader.password,
        },
      },
      residents: [
        {
          householdCode: DEMO_ACCOUNTS.resident.householdCode,
          accessCode: DEMO_ACCOUNTS.resident.accessCode,
          keepUnsigned: true,
          // Its compensation estimate is DOMAIN.md's worked example to the fen.
          estimateAs: WORKED_EXAMPLE_HOUSEHOLD,
        },
      ],
    },
    staffPassword: DEMO_ACCOUNTS.secretary.password,
    phoneBlock: 1,
    activity: {
      visitsPerHousehold: 3,
      // 30天公示期内召开居民座谈会51场，接待居民3600余人次; 支部会议5次.
      receptionVisits: 3600,
      residentForums: 51,
      branchMeetings: 5,
      receptionRooms: ["接待室一", "接待室二", "独立接待室", "视频接待"],
    },
  });

  const qsh = planProject({
    seed: DEMO_SEED,
    anchor,
    code: "LH-QSH",
    name: "清水河重点片区棚户区改造项目",
    kind: "SHANTYTOWN",
    district: "罗湖区",
    street: "清水河街道",
    countingUnit: "DWELLING",
    isPublished: true,
    firstRoundThreshold: 0.9,
    signingThreshold: 0.95,
    schedule: {
      branchEstablished: -75,
      noticeStart: -60,
      noticeEnd: -31,
      consultationStart: -28,
      consultationEnd: -15,
      signingStart: -2,
      signingEnd: 88,
    },
    households: DEMO_DESIGN["LH-QSH"].households,
    excludedHouseholds: DEMO_DESIGN["LH-QSH"].households - DEMO_DESIGN["LH-QSH"].eligible,
    partyMemberHouseholds: DEMO_DESIGN["LH-QSH"].partyMemberHouseholds,
    signingGroups: 11,
    membersPerSigningGroup: 5,
    specialGroups: SHENZHEN_FUNCTIONAL_GROUPS,
    membersPerSpecialGroup: 2,
    partyGroupsInSpecialGroups: true,
    branchName: "清水河棚改项目临时党支部",
    firstRound: { agree: DEMO_DESIGN["LH-QSH"].agree, disagree: DEMO_DESIGN["LH-QSH"].disagree },
    signed: DEMO_DESIGN["LH-QSH"].signed,
    firstDaySigned: DEMO_DESIGN["LH-QSH"].firstDaySigned,
    // Owners in other cities, Hong Kong and abroad were pre-registered and signed on launch day
    // by home visit, remote video or notarised proxy.
    remoteOwnerDelay: 0,
    ownerLocations: { LOCAL: 0.76, OTHER_CITY: 0.09, OTHER_PROVINCE: 0.07, HK_MACAO_TW: 0.05, OVERSEAS: 0.03 },
    unitNames: {
      streetOffice: "清水河街道办事处",
      residentsCommittee: "清水河社区居民委员会",
      expropriationOffice: "罗湖区城市更新和土地整备事务中心",
      lawFirm: "广东鹏和律师事务所",
      enterpriseParty: "罗湖城建投资有限公司党委",
    },
    conference: { name: "清水河重点片区棚改项目党建联席会议" },
    staffPassword: DEMO_ACCOUNTS.secretary.password,
    phoneBlock: 2,
    activity: { visitsPerHousehold: 2, receptionVisits: 400, residentForums: 12, branchMeetings: 3 },
  });

  const hq = planProject({
    seed: DEMO_SEED,
    anchor,
    code: "PD-HQ",
    name: "花墙村城中村改造项目",
    kind: "VILLAGE",
    district: "浦东新区",
    street: "康桥镇",
    countingUnit: "HOUSEHOLD",
    isPublished: true,
    firstRoundThreshold: 0.9,
    signingThreshold: 0.85,
    schedule: {
      branchEstablished: -290,
      noticeStart: -270,
      noticeEnd: -241,
      consultationStart: -236,
      consultationEnd: -222,
      signingStart: -200,
      signingEnd: -140,
    },
    households: DEMO_DESIGN["PD-HQ"].households,
    partyMemberHouseholds: DEMO_DESIGN["PD-HQ"].partyMemberHouseholds,
    signingGroups: 4,
    membersPerSigningGroup: 4,
    specialGroups: ["POLICY_CONSULTATION", "PEOPLES_MEDIATION", "PAIRING_ASSISTANCE"],
    membersPerSpecialGroup: 2,
    branchKind: "JOINT",
    branchName: "花墙村项目联合党支部",
    firstRound: { agree: DEMO_DESIGN["PD-HQ"].agree, disagree: DEMO_DESIGN["PD-HQ"].disagree },
    signed: DEMO_DESIGN["PD-HQ"].signed,
    firstDaySigned: DEMO_DESIGN["PD-HQ"].firstDaySigned,
    signingCurve: { decayDays: 4, floor: 0.04 },
    movedOutShare: 1,
    relocationDays: 40,
    places: { village: "花墙村" },
    unitNames: {
      streetOffice: "康桥镇人民政府",
      residentsCommittee: "花墙居民区居民委员会",
      expropriationOffice: "浦东新区康桥房屋征收事务所",
      lawFirm: "上海浦康律师事务所",
      enterpriseParty: "康桥工业区开发有限公司党委",
    },
    conference: { name: "花墙村改造项目党建联席会议" },
    staffPassword: DEMO_ACCOUNTS.secretary.password,
    phoneBlock: 3,
    activity: { visitsPerHousehold: 3, receptionVisits: 90, residentForums: 6, branchMeetings: 4 },
  });

  // ── District joint conference (区域化党建联席会议), one-year rotating convenor ──
  const conferenceId = id();
  district.conferences.push({
    id: conferenceId,
    name: "黄浦区区域化党建联席会议",
    level: "DISTRICT",
    district: "黄浦区",
    projectId: null,
    createdAt: setupAt,
  });
  const members: { unitId: string; isConvenor?: boolean; isRotatingConvenor?: boolean; term?: [number, number] }[] = [
    { unitId: orgDept, isConvenor: true },
    { unitId: rotatingConvenor, isRotatingConvenor: true, term: [-150, -150 + 364] },
    { unitId: renewalOffice },
    { unitId: housingBureau },
    { unitId: financeGroup },
    { unitId: renewalCompany },
    { unitId: mediaCompany },
    { unitId: hp.units.streetOffice },
    { unitId: hp.units.expropriationOffice },
    { unitId: hp.units.publicHousingManager! },
    { unitId: hp.units.lawFirm },
    { unitId: hp.units.enterpriseParty },
  ];
  for (const m of members) {
    district.conferenceMembers.push({
      id: id(),
      conferenceId,
      unitId: m.unitId,
      isConvenor: m.isConvenor ?? false,
      isRotatingConvenor: m.isRotatingConvenor ?? false,
      termStart: m.term ? cal.date(m.term[0]) : null,
      termEnd: m.term ? cal.date(m.term[1]) : null,
      joinedAt: setupAt,
    });
  }
  const meeting = (day: number, kind: Plan["meetings"][number]["kind"], title: string, minutes: string, decisions: string) => {
    const heldAt = cal.at(day, 14);
    const meetingId = rng.uuid7(heldAt.getTime());
    district.meetings.push({
      id: meetingId,
      kind,
      title,
      projectId: null,
      conferenceId,
      heldAt,
      location: "黄浦区党群服务中心",
      minutes,
      decisions,
      createdById: officialId,
      createdAt: heldAt,
    });
    district.meetingAttendees.push(
      { id: rng.uuid7(heldAt.getTime()), meetingId, userId: officialId, name: official.name, unitId: orgDept },
      { id: rng.uuid7(heldAt.getTime()), meetingId, userId: null, name: "轮值召集人代表", unitId: rotatingConvenor },
      { id: rng.uuid7(heldAt.getTime()), meetingId, userId: null, name: "区旧改办负责人", unitId: renewalOffice },
    );
    return { meetingId, heldAt };
  };
  const annual = meeting(
    -150,
    "JOINT_CONFERENCE",
    "年度区域化党建联席会议暨轮值召集人交接",
    "成员单位发布年度区域化党建重点项目，开展服务和需求“双向认领”。",
    "申江置地集团有限公司党委担任本年度轮值召集人，任期一年。",
  );
  const renewal = meeting(
    -30,
    "COORDINATION",
    "旧改攻坚专题协调会",
    "通报宝兴里项目签约准备和各成员单位支持事项。",
    "成员单位对接安置房源、法律服务和结对帮扶力量。",
  );
  district.conferenceIssues.push(
    {
      id: rng.uuid7(annual.heldAt.getTime()),
      conferenceId,
      title: "旧改基地安置房源统筹",
      description: "多个旧改基地同期签约，近地段安置房源紧张。",
      status: "DECIDED",
      decision: "由区旧改办统筹调配，优先保障高龄和困难家庭。",
      meetingId: renewal.meetingId,
      raisedAt: annual.heldAt,
      decidedAt: renewal.heldAt,
    },
    {
      id: rng.uuid7(renewal.heldAt.getTime()),
      conferenceId,
      title: "旧改基地周边交通疏导",
      description: "签约高峰期居民集中往返，周边道路拥堵。",
      status: "OPEN",
      decision: null,
      meetingId: null,
      raisedAt: renewal.heldAt,
      decidedAt: null,
    },
  );

  const plan = mergePlans(emptyPlan(), district, hp.plan, qsh.plan, hq.plan);
  return { anchor, plan, projects: { hp, qsh, hq }, districtConferenceId: conferenceId };
}

export type DemoSummary = {
  anchor: AnchorDate;
  rows: Record<PlanTable, number>;
  projects: { code: string; figures: ProjectFigures }[];
  milliseconds: number;
};

/**
 * Inserts the demo in one transaction, so a failed seed leaves nothing behind (and the next
 * start seeds again). Needs LIANXIN_DATA_KEY to encrypt ID numbers.
 */
export async function seedDemo(db: SeedDb, options: { anchor?: AnchorDate; dataKey?: string } = {}): Promise<DemoSummary> {
  const started = performance.now();
  const demo = planDemo(options);
  const insert = (tx: SeedDb) => insertPlan(tx, demo.plan, { dataKey: options.dataKey });
  const rows =
    "$transaction" in db && typeof db.$transaction === "function"
      ? await db.$transaction((tx) => insert(tx), { timeout: 300_000, maxWait: 30_000 })
      : await insert(db);
  return {
    anchor: demo.anchor,
    rows,
    projects: [demo.projects.hp, demo.projects.qsh, demo.projects.hq].map((p) => ({ code: p.project.code, figures: p.figures })),
    milliseconds: Math.round(performance.now() - started),
  };
}

export { countRows };
