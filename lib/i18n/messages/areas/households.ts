import { defineMessages } from "./define.ts";

export const householdsMessages = defineMessages({
  zhCN: {},
  en: {},
});
