// Name pools for synthetic residents and staff. Names are drawn at random from common surnames
// and given-name characters; streets, lanes, estates and villages are invented. No real person's
// data is used anywhere in the demo.

import type { Rng } from "./random.ts";

/** Common surnames with rough relative frequencies (the top ~100 cover most of the population). */
const SURNAMES: readonly (readonly [string, number])[] = [
  ["王", 72],
  ["李", 70],
  ["张", 68],
  ["刘", 55],
  ["陈", 48],
  ["杨", 32],
  ["黄", 25],
  ["赵", 22],
  ["吴", 21],
  ["周", 21],
  ["徐", 18],
  ["孙", 16],
  ["马", 15],
  ["朱", 14],
  ["胡", 13],
  ["郭", 12],
  ["何", 11],
  ["林", 11],
  ["高", 11],
  ["罗", 10],
  ["郑", 9],
  ["梁", 9],
  ["谢", 7],
  ["宋", 7],
  ["唐", 7],
  ["许", 6],
  ["韩", 6],
  ["冯", 6],
  ["邓", 6],
  ["曹", 6],
  ["彭", 5],
  ["曾", 5],
  ["肖", 5],
  ["田", 5],
  ["董", 5],
  ["袁", 4],
  ["潘", 4],
  ["于", 4],
  ["蒋", 4],
  ["蔡", 4],
  ["余", 4],
  ["杜", 4],
  ["叶", 4],
  ["程", 4],
  ["苏", 3],
  ["魏", 3],
  ["吕", 3],
  ["丁", 3],
  ["任", 3],
  ["沈", 3],
  ["姚", 3],
  ["卢", 3],
  ["姜", 3],
  ["崔", 3],
  ["钟", 3],
  ["谭", 3],
  ["陆", 3],
  ["汪", 3],
  ["范", 3],
  ["金", 3],
  ["石", 3],
  ["廖", 2],
  ["贾", 2],
  ["夏", 2],
  ["韦", 2],
  ["方", 2],
  ["白", 2],
  ["邹", 2],
  ["孟", 2],
  ["熊", 2],
  ["秦", 2],
  ["邱", 2],
  ["江", 2],
  ["尹", 2],
  ["薛", 2],
  ["段", 2],
  ["雷", 2],
  ["侯", 2],
  ["龙", 2],
  ["史", 2],
  ["陶", 2],
  ["黎", 2],
  ["贺", 2],
  ["顾", 2],
  ["毛", 2],
  ["郝", 2],
  ["龚", 2],
  ["邵", 2],
  ["万", 2],
  ["钱", 2],
  ["严", 2],
  ["戴", 2],
  ["莫", 1],
  ["孔", 1],
  ["汤", 1],
  ["俞", 1],
  ["施", 1],
  ["倪", 1],
  ["殷", 1],
  ["葛", 1],
  ["欧阳", 1],
  ["司马", 0.3],
  ["诸葛", 0.2],
];

/** Surnames common in the Shanghai area, mixed in for Shanghai projects. */
const SHANGHAI_SURNAMES: readonly (readonly [string, number])[] = [
  ["沈", 6],
  ["顾", 6],
  ["陆", 6],
  ["钱", 5],
  ["施", 4],
  ["俞", 4],
  ["倪", 3],
  ["葛", 3],
  ["瞿", 2],
  ["浦", 1],
  ["奚", 1],
  ["盛", 2],
  ["严", 3],
  ["姚", 3],
  ["徐", 6],
  ["朱", 5],
];

/** Surnames common in Guangdong, mixed in for Shenzhen projects. */
const GUANGDONG_SURNAMES: readonly (readonly [string, number])[] = [
  ["陈", 10],
  ["黄", 8],
  ["林", 7],
  ["李", 6],
  ["梁", 6],
  ["张", 5],
  ["刘", 4],
  ["吴", 4],
  ["郑", 4],
  ["谢", 3],
  ["罗", 3],
  ["何", 3],
  ["蔡", 3],
  ["冯", 2],
  ["邓", 3],
  ["曾", 3],
  ["钟", 3],
  ["赖", 2],
  ["温", 2],
  ["叶", 3],
  ["卢", 2],
  ["区", 1],
  ["麦", 1],
  ["莫", 1],
];

type Sex = "M" | "F";

/** Given names by the decade a person was born in: naming fashions changed a lot. */
const GIVEN: Record<"old" | "middle" | "young", Record<Sex, readonly string[]>> = {
  // born before ~1965
  old: {
    M: [
      "建国",
      "国庆",
      "德明",
      "根宝",
      "金福",
      "福生",
      "志刚",
      "建华",
      "国强",
      "永康",
      "文华",
      "荣根",
      "树德",
      "长林",
      "宝林",
      "兴发",
      "家栋",
      "连生",
      "阿龙",
      "仁杰",
      "洪发",
      "庆余",
      "耀祖",
      "振华",
      "裕民",
      "国平",
      "卫东",
      "跃进",
      "为民",
      "桂生",
      "祖德",
      "锦荣",
    ],
    F: [
      "秀英",
      "桂英",
      "凤英",
      "玉兰",
      "桂芳",
      "秀珍",
      "美娟",
      "金妹",
      "淑芬",
      "翠华",
      "丽华",
      "月英",
      "素珍",
      "雪琴",
      "爱珍",
      "惠芬",
      "招娣",
      "宝娣",
      "巧云",
      "彩凤",
      "莲英",
      "银娣",
      "佩华",
      "幼娟",
      "瑞芳",
      "桂珍",
      "美华",
      "红英",
    ],
  },
  // born ~1965–1990
  middle: {
    M: [
      "伟",
      "磊",
      "军",
      "勇",
      "斌",
      "强",
      "涛",
      "杰",
      "晓东",
      "海波",
      "建军",
      "立新",
      "志强",
      "俊",
      "敏",
      "鹏",
      "亮",
      "华",
      "晓峰",
      "春明",
      "卫国",
      "文斌",
      "振宇",
      "永刚",
      "少华",
      "宏伟",
      "国栋",
      "忠良",
      "海涛",
      "嘉伟",
      "志明",
      "耀华",
    ],
    F: [
      "丽",
      "静",
      "敏",
      "燕",
      "艳",
      "娟",
      "霞",
      "芳",
      "红梅",
      "晓燕",
      "丽娟",
      "雪梅",
      "海燕",
      "慧",
      "莉",
      "琳",
      "晓红",
      "春燕",
      "文静",
      "佳",
      "婷",
      "颖",
      "秀丽",
      "美玲",
      "晓琴",
      "瑛",
      "蓉",
      "倩",
    ],
  },
  // born after ~1990
  young: {
    M: [
      "浩然",
      "子轩",
      "宇航",
      "俊杰",
      "梓豪",
      "浩宇",
      "一鸣",
      "泽宇",
      "思远",
      "天佑",
      "嘉豪",
      "子墨",
      "晨阳",
      "博文",
      "皓轩",
      "奕辰",
      "铭泽",
      "俊熙",
      "睿",
      "翔",
      "骏",
      "昊天",
      "景行",
      "恺",
    ],
    F: [
      "欣怡",
      "梓涵",
      "诗涵",
      "雨萱",
      "一诺",
      "可欣",
      "思琪",
      "佳怡",
      "子涵",
      "梦瑶",
      "若曦",
      "语嫣",
      "悦",
      "晨曦",
      "雅婷",
      "心怡",
      "紫萱",
      "艺菲",
      "沐阳",
      "安琪",
      "嘉怡",
      "芷若",
      "雨桐",
      "婉清",
    ],
  },
};

export type NameRegion = "SHANGHAI" | "GUANGDONG" | "GENERAL";

export function randomSurname(rng: Rng, region: NameRegion = "GENERAL"): string {
  if (region === "SHANGHAI" && rng.chance(0.3)) return rng.weighted(SHANGHAI_SURNAMES);
  if (region === "GUANGDONG" && rng.chance(0.45)) return rng.weighted(GUANGDONG_SURNAMES);
  return rng.weighted(SURNAMES);
}

export function randomGivenName(rng: Rng, sex: Sex, birthYear: number): string {
  const era = birthYear < 1965 ? "old" : birthYear < 1990 ? "middle" : "young";
  return rng.pick(GIVEN[era][sex]);
}

export function randomPersonName(rng: Rng, options: { sex?: Sex; birthYear?: number; surname?: string; region?: NameRegion } = {}): string {
  const sex = options.sex ?? (rng.chance(0.5) ? "M" : "F");
  const surname = options.surname ?? randomSurname(rng, options.region);
  return surname + randomGivenName(rng, sex, options.birthYear ?? rng.int(1955, 1992));
}

/** A mobile number in a common prefix. Synthetic: never dialled, never shown outside the demo. */
export function randomMobile(rng: Rng): string {
  const prefix = rng.pick(["133", "135", "136", "137", "150", "151", "152", "158", "159", "177", "180", "186", "187", "189"]);
  return prefix + String(rng.int(0, 99_999_999)).padStart(8, "0");
}

// ───────── Places (invented) ─────────

/** Invented road names in the style of central Shanghai. */
export const SHANGHAI_ROADS = ["兴仁东路", "福佑西路", "宁康路", "汇安路", "永和里路", "宝庆北路", "承德东路", "怀安路"] as const;

/** Rooms of a 石库门 house, each often a separate lease certificate (证). */
export const SHIKUMEN_ROOMS = ["客堂间", "前厢房", "后厢房", "灶披间", "亭子间", "二层前楼", "二层后楼", "三层阁", "晒台间"] as const;

/** Invented estate names in the style of Shenzhen's old factory-dormitory and village estates. */
export const SHENZHEN_ESTATES = [
  "清水河一村",
  "清水河二村",
  "草埔新村",
  "玉龙花园",
  "金湖小区",
  "泥岗宿舍区",
  "红岗新村",
  "布心东村",
] as const;

/** Invented village team names (村民小组). */
export const VILLAGE_TEAMS = ["一组", "二组", "三组", "四组", "五组", "六组", "七组", "八组", "九组", "十组"] as const;

/** Chinese numerals for group names: 签约一组 … 签约十二组. */
export function chineseNumber(n: number): string {
  const digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
  if (n <= 0 || !Number.isInteger(n)) return String(n);
  if (n < 10) return digits[n]!;
  if (n < 20) return "十" + (n % 10 ? digits[n % 10] : "");
  if (n < 100) return digits[Math.floor(n / 10)] + "十" + (n % 10 ? digits[n % 10] : "");
  return String(n);
}
