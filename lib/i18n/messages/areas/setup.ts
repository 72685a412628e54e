import { defineMessages } from "./define.ts";

export const setupMessages = defineMessages({
  zhCN: {},
  en: {},
});
