import { defineMessages } from "./define.ts";

export const signingMessages = defineMessages({
  zhCN: {},
  en: {},
});
