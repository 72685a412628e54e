import { defineMessages } from "./define.ts";

export const rosterMessages = defineMessages({
  zhCN: {},
  en: {},
});
