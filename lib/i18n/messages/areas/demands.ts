import { defineMessages } from "./define.ts";

export const demandsMessages = defineMessages({
  zhCN: {
    title: "居民诉求",
  },
  en: {
    title: "Demands",
  },
});
