// Where the households live: addresses laid out building by building in the style of the
// project (Shanghai 里弄 lanes, Shenzhen estates, village house numbers), and floor areas to match.

import type { Rng } from "../random.ts";
import { chineseNumber, SHANGHAI_ROADS, SHENZHEN_ESTATES, SHIKUMEN_ROOMS, VILLAGE_TEAMS } from "../names.ts";
import { pad } from "./helpers.ts";
import type { HousingStyle, SeedProjectOptions } from "./options.ts";

export type Address = { lane: string | null; building: string; number: string | null; room: string | null; address: string };

type Where = { district: string; street: string; places: SeedProjectOptions["places"] };

/** `n` addresses in order, whole buildings one after another (signing groups own runs of them). */
export function layoutAddresses(rng: Rng, style: HousingStyle, n: number, where: Where): Address[] {
  switch (style) {
    case "LANE":
      return layoutLanes(rng, n, where);
    case "ESTATE":
      return layoutEstates(rng, n, where);
    case "VILLAGE":
      return layoutVillage(rng, n, where);
  }
}

/** Lanes off a few roads; each number (石库门 house) is split into rooms let separately. */
function layoutLanes(rng: Rng, n: number, where: Where): Address[] {
  const out: Address[] = [];
  const roads = where.places?.roads ?? rng.shuffle([...SHANGHAI_ROADS]).slice(0, 3);
  const nextLaneNo = roads.map(() => rng.int(40, 180) * 2 + 1);
  for (let laneIndex = 0; out.length < n; laneIndex++) {
    const roadIndex = laneIndex % roads.length;
    const road = roads[roadIndex]!;
    const laneNo = nextLaneNo[roadIndex]!;
    nextLaneNo[roadIndex] = laneNo + rng.int(4, 20) * 2;
    const numbers = rng.int(18, 40);
    for (let num = 1; num <= numbers && out.length < n; num++) {
      const rooms = rng.int(3, 8);
      for (let r = 0; r < rooms && out.length < n; r++) {
        const room = SHIKUMEN_ROOMS[r]!;
        out.push({
          lane: `${road}${laneNo}弄`,
          building: `${laneNo}弄${num}号`,
          number: `${num}号`,
          room,
          address: `${where.district}${road}${laneNo}弄${num}号${room}`,
        });
      }
    }
  }
  return out;
}

/** Buildings taken from the estates in turn, flats numbered by floor. */
function layoutEstates(rng: Rng, n: number, where: Where): Address[] {
  const out: Address[] = [];
  const estates = where.places?.estates ?? SHENZHEN_ESTATES.slice(0, 6);
  let buildingNo = 0;
  for (let b = 0; out.length < n; b++) {
    const estate = estates[b % estates.length]!;
    if (b % estates.length === 0) buildingNo++;
    const floors = rng.int(6, 8);
    const perFloor = rng.int(4, 6);
    for (let floor = 1; floor <= floors && out.length < n; floor++) {
      for (let unit = 1; unit <= perFloor && out.length < n; unit++) {
        const room = `${floor}${pad(unit, 2)}`;
        out.push({
          lane: estate,
          building: `${estate}${buildingNo}栋`,
          number: `${buildingNo}栋`,
          room,
          address: `${where.district}${where.street}${estate}${buildingNo}栋${room}`,
        });
      }
    }
  }
  return out;
}

/** Houses numbered within each villagers' team (村民小组). */
function layoutVillage(rng: Rng, n: number, where: Where): Address[] {
  const out: Address[] = [];
  const village = where.places?.village ?? "示范村";
  for (let t = 0; out.length < n; t++) {
    const team = t < VILLAGE_TEAMS.length ? VILLAGE_TEAMS[t]! : `${chineseNumber(t + 1)}组`;
    const houses = rng.int(24, 45);
    for (let k = 1; k <= houses && out.length < n; k++) {
      out.push({
        lane: village,
        building: `${village}${team}`,
        number: `${k}号`,
        room: null,
        address: `${where.district}${where.street}${village}${team}${k}号`,
      });
    }
  }
  return out;
}

export function floorAreaFor(rng: Rng, style: HousingStyle): number {
  switch (style) {
    case "LANE":
      // 旧里 rooms are small: most certificates are 10–30 m².
      return Math.min(75, Math.max(6, Math.exp(rng.normal(Math.log(17), 0.42))));
    case "ESTATE":
      return Math.min(130, Math.max(32, rng.normal(68, 16)));
    case "VILLAGE":
      return Math.min(460, Math.max(90, rng.normal(235, 60)));
  }
}
