// The leadership group's page, the records' part: check reports (ListCheckReports, GetCheckReport), reminders
// (ListReminders) and the audit trail (ListAudit), each a page at a time with "下一页".
import { api, el, day, moment, placeRefusal, ROLES } from "./core.js";

const PAGE_SIZE = 20;

/**
 * A list read a page at a time: fetchPage(token) answers { ok, items, next, message }; each item becomes an li.
 * "下一页" follows next_page_token; "回到第一页" starts again. The page's number and count are announced. A refusal
 * goes to refused(answer, info) when given (a filter's field), else in the page's line.
 */
function pagedList(id, fetchPage, render, emptyText, refused) {
  const list = el("ul", { id, class: "cards" });
  const info = el("p", { id: `${id}-info`, class: "muted", "aria-live": "polite", tabindex: "-1" });
  const next = el("button", { type: "button", id: `${id}-next`, hidden: true }, "下一页");
  const first = el("button", { type: "button", id: `${id}-first`, class: "secondary", hidden: true }, "回到第一页");
  let number = 1;
  let token = "";
  const load = async (pageToken, pageNumber) => {
    const answer = await fetchPage(pageToken);
    if (!answer.ok) {
      list.replaceChildren();
      next.hidden = first.hidden = true;
      info.className = "error";
      info.textContent = "";
      if (refused) refused(answer, info);
      else info.textContent = answer.message;
      return;
    }
    info.className = "muted";
    number = pageNumber;
    token = answer.next || "";
    list.replaceChildren(...answer.items.map(render));
    info.textContent = answer.items.length ? `第 ${number} 页，本页 ${answer.items.length} 条${token ? "，还有下一页" : ""}。` : number > 1 ? "没有更多了。" : emptyText;
    next.hidden = !token;
    first.hidden = number === 1;
  };
  // A button that hides itself (no further page, back on the first) hands the keyboard to the page's line.
  const follow = async (button, pageToken, pageNumber) => {
    await load(pageToken, pageNumber);
    if (button.hidden) info.focus();
  };
  next.addEventListener("click", () => follow(next, token, number + 1));
  first.addEventListener("click", () => follow(first, "", 1));
  return { element: el("div", { class: "paged" }, info, list, el("div", { class: "buttons" }, next, first)), load: () => load("", 1) };
}

const query = (parameters) => new URLSearchParams(Object.entries(parameters).filter(([, v]) => v !== "" && v !== undefined)).toString();

const CHECK_KINDS = { CHECK_KIND_QUARTERLY: "季度检查", CHECK_KIND_HALF_YEAR: "半年检查汇报" };

/** 检查报告: the reports the schedule made, oldest first; one opens to its branch tallies and member findings. */
export function checksSection(year) {
  const opened = el("div", { id: "check-report", "aria-live": "polite" });
  const open = async (id) => {
    const answer = await api("GET", `/v1/checkReports/${id}`);
    if (!answer.ok) {
      opened.replaceChildren(el("p", { class: "error", role: "alert" }, answer.message));
      return;
    }
    const report = answer.json.report;
    const findings = report.findings || [];
    opened.replaceChildren(el("article", { "aria-labelledby": "check-report-heading" },
      el("h3", { id: "check-report-heading", tabindex: "-1" }, `${periodName(report.period)} ${CHECK_KINDS[report.kind] || ""} ${report.branchCode ? `支部 ${report.branchCode}` : "全院"}`),
      el("p", { class: "muted" }, `检查期间：${day(report.periodStart)}至${day(report.periodEnd)}；生成于 ${moment(report.createdAt)}`),
      el("ul", { class: "tallies" }, (report.branches || []).map((b) => el("li", { "data-branch": b.branchCode },
        `支部 ${b.branchCode}：党员 ${b.members || 0} 人，本期无登记事项 ${b.withoutFacts || 0} 人，未交思想汇报 ${b.withoutThoughtReport || 0} 人，述绩逾期 ${b.overdueSelfReports || 0} 人`))),
      report.kind === "CHECK_KIND_QUARTERLY"
        ? (findings.length
          ? el("div", {}, el("h4", {}, "发现的问题"), el("ul", { class: "findings" }, findings.map((f) => el("li", { "data-staff": f.staffNumber }, `${f.staffNumber} ${f.name}：${finding(f)}`))))
          : el("p", {}, "本期没有发现问题。"))
        : ""));
    opened.querySelector("h3").focus();
  };
  const paged = pagedList("check-reports", async (pageToken) => {
    const answer = await api("GET", `/v1/years/${year}/checkReports?${query({ pageSize: PAGE_SIZE, pageToken })}`);
    return answer.ok ? { ok: true, items: answer.json.reports || [], next: answer.json.nextPageToken } : answer;
  }, (report) => el("li", { "data-period": report.period, "data-branch": report.branchCode || "" },
    el("p", {}, el("strong", {}, `${periodName(report.period)} ${CHECK_KINDS[report.kind] || ""}`), ` ${report.branchCode ? `支部 ${report.branchCode}` : "全院"}`),
    el("p", { class: "muted" }, `生成于 ${moment(report.createdAt)}`),
    el("button", { type: "button", "aria-label": `查看 ${periodName(report.period)} ${report.branchCode || "全院"} 的检查报告`, onclick: () => open(report.id) }, "查看")),
  "还没有检查报告：每季度末和每半年末由系统生成。");
  paged.load();
  return el("section", { "aria-labelledby": "checks-heading" }, el("h2", { id: "checks-heading" }, "检查报告"), paged.element, opened);
}

/** "2026-Q1" as people say it: 2026年第一季度; "2026-H1": 2026年上半年. */
function periodName(period) {
  const [year, part] = String(period || "").split("-");
  const names = { Q1: "第一季度", Q2: "第二季度", Q3: "第三季度", Q4: "第四季度", H1: "上半年", H2: "下半年" };
  return names[part] ? `${year}年${names[part]}` : period;
}

function finding(f) {
  const found = [];
  if (f.noFacts) found.push("本期无登记事项");
  if (f.noThoughtReport) found.push("未交思想汇报");
  const halves = { H1: "上半年", H2: "下半年" };
  if ((f.overdueSelfReports || []).length) found.push(`述绩逾期（${f.overdueSelfReports.map((h) => halves[h] || h).join("、")}）`);
  return found.join("；");
}

const REMINDER_KINDS = {
  REMINDER_KIND_COMMITMENT_DUE: "承诺截止", REMINDER_KIND_FIRST_HALF_DECLARATION_DUE: "上半年述绩截止", REMINDER_KIND_SECOND_HALF_DECLARATION_DUE: "下半年述绩截止",
  REMINDER_KIND_MATERIALS_DUE: "材料整理汇集截止", REMINDER_KIND_BRANCH_MEETING_DUE: "定绩大会截止", REMINDER_KIND_CHECK_FINDINGS: "检查发现问题",
};

/** 提醒: the reminders the schedule made for the year, oldest first, whether delivered. */
export function remindersSection(year) {
  const paged = pagedList("reminders", async (pageToken) => {
    const answer = await api("GET", `/v1/reminders?${query({ year, pageSize: PAGE_SIZE, pageToken })}`);
    return answer.ok ? { ok: true, items: answer.json.reminders || [], next: answer.json.nextPageToken } : answer;
  }, (r) => el("li", { "data-reminder": r.id },
    el("p", {}, el("strong", {}, REMINDER_KINDS[r.kind] || r.kind), `：${day(r.deadline)}${r.daysBefore ? `（提前 ${r.daysBefore} 天）` : ""}`),
    el("p", {}, `发给${r.recipient === "REMINDER_RECIPIENT_BRANCH_SECRETARY" ? `支部 ${r.branchCode} 书记` : "党员"} ${r.staffNumber || "（未登记）"}`),
    el("p", { class: "message" }, r.message),
    el("p", { class: "muted" }, `生成于 ${moment(r.createdAt)}，${r.deliveredAt ? `已送达（${r.deliveredBy}，${moment(r.deliveredAt)}）` : "尚未送达"}`)),
  "本年度还没有提醒。");
  paged.load();
  return el("section", { "aria-labelledby": "reminders-heading" }, el("h2", { id: "reminders-heading" }, "提醒"), paged.element);
}

const RPC_NAMES = {
  OpenYear: "开通年度", UpdateCalendar: "修改日历", AdvancePhase: "推进阶段", ReopenCycle: "重新开启定绩", RetryScheduledWork: "重试定时任务",
  SubmitCommitment: "提交承诺", SubmitDeclaration: "提交述绩", SubmitOpinion: "提交意见", RaiseObjection: "提出异议", ResolveObjection: "处理异议",
  Determine: "定绩", ApplyOutcome: "用绩", RecordEvent: "登记事项", RecordEvents: "批量登记事项", RevokeEvent: "撤销事项",
  ProposeBonusItems: "报送加分项目", ApproveBonusItems: "审批加分项目", IssueSignInLink: "发放登录链接", ImportMembers: "导入名册",
  CreateBranch: "新建支部", UpdateBranch: "修改支部", RegisterMember: "登记党员", UpdateMember: "修改党员信息", TransferMember: "转接组织关系", ReplaceRubric: "修改评分细则", AckReminder: "确认提醒送达",
};

/** 操作记录: the audit trail, filtered by member, branch and who acted, oldest first, a page at a time. */
export function auditSection() {
  const inputs = {};
  const errors = {};
  const input = (id, name, field, label) => {
    inputs[id] = el("input", { id, name, type: "text", maxlength: "64", autocomplete: "off", "aria-describedby": `${id}-error` });
    errors[field] = el("p", { id: `${id}-error`, class: "error", role: "alert", hidden: true });
    return el("div", {}, el("label", { for: id }, label), inputs[id], errors[field]);
  };
  const filters = el("form", { id: "audit-filters", "aria-label": "筛选操作记录" },
    input("audit-staff", "staffNumber", "staff_number", "党员工号"), input("audit-branch", "branchCode", "branch_code", "支部代码"),
    input("audit-actor", "actor", "actor", "操作人（工号）"), el("button", { type: "submit" }, "查询"));
  const value = (id) => inputs[id].value.trim();
  const paged = pagedList("audit", async (pageToken) => {
    const answer = await api("GET", `/v1/audit?${query({ staffNumber: value("audit-staff"), branchCode: value("audit-branch"), actor: value("audit-actor"), pageSize: PAGE_SIZE, pageToken })}`);
    return answer.ok ? { ok: true, items: answer.json.records || [], next: answer.json.nextPageToken } : answer;
  }, (record) => {
    const method = (record.rpc || "").split("/").pop();
    return el("li", { "data-rpc": method, "data-outcome": record.outcome },
      el("p", {}, el("strong", {}, RPC_NAMES[method] || method), RPC_NAMES[method] ? `（${method}）` : "", ` ${record.outcome === "OK" ? "成功" : `被拒绝（${record.outcome}）`}`),
      el("p", {}, `${moment(record.at)}，${record.actor || "匿名"}${record.role ? `（${ROLES[record.role] || record.role}）` : ""}`),
      el("p", { class: "muted" }, `${record.target}${record.detail ? `：${record.detail}` : ""}`));
  }, "没有符合条件的操作记录。", (answer, info) => {
    for (const error of placeRefusal(answer, errors, info)) document.getElementById(error.id.replace(/-error$/, "")).setAttribute("aria-invalid", "true");
  });
  filters.addEventListener("submit", (event) => {
    event.preventDefault();
    for (const [id, input] of Object.entries(inputs)) {
      input.removeAttribute("aria-invalid");
      document.getElementById(`${id}-error`).hidden = true;
    }
    paged.load();
  });
  paged.load();
  return el("section", { "aria-labelledby": "audit-heading" }, el("h2", { id: "audit-heading" }, "操作记录"),
    el("p", { class: "muted" }, "每一次改动（包括被拒绝的）都有记录，按时间先后排列；各项筛选可不填。"), filters, paged.element);
}
