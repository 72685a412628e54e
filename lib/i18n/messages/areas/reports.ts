import { defineMessages } from "./define.ts";

export const reportsMessages = defineMessages({
  zhCN: {
    title: "每日汇报",
  },
  en: {
    title: "Daily reports",
  },
});
