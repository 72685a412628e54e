import { defineMessages } from "./define.ts";

export const accountsMessages = defineMessages({
  zhCN: {
    sessionExpired: {
      message: "登录已过期，请重新登录。您填写的内容仍保留在本页。",
      signIn: "重新登录",
    },
    mustChangeFirst: "请先修改一次性密码，再进行其他操作。",
    password: {
      title: "修改密码",
      link: "修改密码",
      firstSignIn: "您正在使用一次性密码登录。请设置自己的新密码后再继续使用。",
      current: "当前密码",
      currentFirstSignIn: "一次性密码",
      next: "新密码",
      nextHint: "至少 10 位，须同时包含字母和数字。",
      confirm: "再次输入新密码",
      submit: "保存新密码",
      submitting: "正在保存…",
      changed: "密码已修改。",
      signInAgain: "密码已修改，请用新密码重新登录。",
    },
    sessions: {
      title: "退出所有设备",
      intro: "在所有手机和电脑上退出登录，包括本设备。手机丢失、在别人的电脑上登录过时使用。之后须重新登录。",
      submit: "退出所有设备",
      submitting: "正在退出…",
      ended: "已在所有设备上退出登录。",
    },
    reset: {
      submit: "重置密码",
      confirm: "重置 {name} 的密码：生成新的一次性密码，其旧密码和已登录的会话立即失效。",
      done: "已重置 {name} 的密码。新的一次性密码：{password}（只显示这一次，请当面告知；首次登录时须修改）",
    },
    staff: {
      title: "成员账号",
      intro: "本项目各工作小组的人员。忘记密码时可在此重置，生成新的一次性密码。",
      empty: "本项目的工作小组还没有成员。",
      phone: "手机号",
    },
    errors: {
      passwordTooShort: "新密码至少 10 位。",
      passwordWeak: "新密码须同时包含字母和数字。",
      confirmMismatch: "两次输入的新密码不一致。",
      currentWrong: "当前密码不正确。",
      sameAsCurrent: "新密码不能与当前密码相同。",
      cannotResetSelf: "不能重置自己的密码，请使用“修改密码”。",
    },
  },
  en: {
    sessionExpired: {
      message: "Your session has expired. Please sign in again. What you entered is still on this page.",
      signIn: "Sign in again",
    },
    mustChangeFirst: "Please change your one-time password before doing anything else.",
    password: {
      title: "Change password",
      link: "Change password",
      firstSignIn: "You signed in with a one-time password. Please choose your own new password to continue.",
      current: "Current password",
      currentFirstSignIn: "One-time password",
      next: "New password",
      nextHint: "At least 10 characters, with letters and digits.",
      confirm: "New password again",
      submit: "Save new password",
      submitting: "Saving…",
      changed: "Your password has been changed.",
      signInAgain: "Your password has been changed. Please sign in with the new password.",
    },
    sessions: {
      title: "Sign out everywhere",
      intro:
        "Signs you out on every phone and computer, this one included — for a lost phone or someone else's computer. You will need to sign in again.",
      submit: "Sign out everywhere",
      submitting: "Signing out…",
      ended: "You have been signed out everywhere.",
    },
    reset: {
      submit: "Reset password",
      confirm: "Reset {name}'s password: a new one-time password is made; the old password and open sessions stop working at once.",
      done: "{name}'s password was reset. New one-time password: {password} (shown only this once — tell them in person; it must be changed at first sign-in)",
    },
    staff: {
      title: "Staff accounts",
      intro: "The people in this project's working groups. Someone who forgot their password can get a new one-time password here.",
      empty: "This project's working groups have no members yet.",
      phone: "Phone",
    },
    errors: {
      passwordTooShort: "The new password needs at least 10 characters.",
      passwordWeak: "The new password needs both letters and digits.",
      confirmMismatch: "The two new passwords are not the same.",
      currentWrong: "The current password is not correct.",
      sameAsCurrent: "The new password must differ from the current one.",
      cannotResetSelf: "You cannot reset your own password: use “Change password”.",
    },
  },
});
