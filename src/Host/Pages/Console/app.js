// The console (ADR 22): asks /session who is there and shows that person's page.
import { el, show, session, setSession, documentsSection, ROLES } from "./core.js";
import { showMember } from "./member.js";
import { showSecretary } from "./secretary.js";
import { showLeadership } from "./leadership.js";

function showAccount() {
  const signOut = el("form", { method: "post", action: "/sign-out" },
    el("input", { type: "hidden", name: "__RequestVerificationToken", value: session.antiforgeryToken }),
    el("button", { type: "submit", class: "link" }, "退出登录"));
  document.getElementById("account").replaceChildren(
    el("span", { id: "who" }, `${session.name || session.subject}（${ROLES[session.role] || session.role}${session.branchCode ? ` ${session.branchCode}` : ""}）`), " ", signOut);
}

async function start() {
  const response = await fetch("/session", { credentials: "same-origin", headers: { Accept: "application/json" } });
  if (response.status === 401) {
    show(el("h1", {}, "请登录"), el("p", {}, "请使用领导小组发给您的登录链接登录。链接有效期 30 分钟，只能使用一次。"),
      el("p", {}, "不需登录即可查看", el("a", { href: "/publicity" }, "正在公示的考核结果"), "。"));
    return;
  }
  setSession(await response.json());
  showAccount();
  if (session.role === "member") await showMember();
  else if (session.role === "secretary") await showSecretary();
  else if (session.role === "leadership") await showLeadership();
  else show(el("h1", {}, `您好，${session.name || session.subject}`), documentsSection(session.year));
}

start().catch(() => show(el("p", { class: "error", role: "alert" }, "无法连接服务，请稍后刷新本页。")));
