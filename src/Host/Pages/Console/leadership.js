// The leadership group's page: the year at a glance, every branch's progress, advancing phases, the calendar, bonus
// approvals, check reports and reminders, the audit trail and sign-in links, with an in-page table of contents.
import { api, el, moment, placeRefusal, show, session, documentsSection, STATES, HALVES } from "./core.js";
import { progressSection, calendarSection, bonusSection } from "./leadership-year.js";
import { checksSection, remindersSection, auditSection } from "./leadership-records.js";

const TARGETS = [
  ["CYCLE_STATE_SELF_REPORT", "", "结束承诺阶段，进入述绩"],
  ["CYCLE_STATE_SELF_REPORT", "CYCLE_SUB_STATE_SECOND_HALF", "结束上半年述绩，进入下半年"],
  ["CYCLE_STATE_MASS_REVIEW", "", "结束述绩，进入评绩"],
  ["CYCLE_STATE_PUBLICITY", "", "结束评绩，进入亮绩（公示）"],
  ["CYCLE_STATE_DETERMINATION", "", "结束公示，进入定绩"],
];

/** The leadership group's page: the year at a glance, and advancing a phase with a preview first. */
export async function showLeadership(notice) {
  const year = session.year;
  const [yearAnswer, branchesAnswer] = await Promise.all([api("GET", `/v1/years/${year}`), api("GET", "/v1/branches?pageSize=500")]);
  const heading = el("h1", {}, `${year}年度 全院“先锋创绩”`);
  if (!yearAnswer.ok) {
    const open = el("button", { type: "button", id: "open-year" }, `开通${year}年度`);
    const error = el("p", { class: "error", role: "alert", hidden: true });
    open.addEventListener("click", async () => {
      const answer = await api("POST", `/v1/years/${year}:open`, {});
      if (answer.ok) await showLeadership(`已开通${year}年度，每名在册党员进入承诺阶段。`);
      else { error.textContent = answer.message; error.hidden = false; }
    });
    show(heading, el("p", {}, yearAnswer.status === 404 ? "本年度尚未开通。开通后按默认日历安排各阶段。" : yearAnswer.message), open, error);
    return;
  }
  const theYear = yearAnswer.json.year;
  const branches = branchesAnswer.ok ? branchesAnswer.json.branches || [] : [];
  show(heading, notice ? el("p", { class: "notice", role: "status" }, notice) : "", contents(),
    glanceSection(theYear), progressSection(year), advanceSection(year, branches), calendarSection(year, theYear.calendar),
    bonusSection(year), checksSection(year), remindersSection(year), auditSection(), linkSection(branches), documentsSection(year));
  document.getElementById("main").focus();
}

/** The page's sections, for the table of contents: the id of each one's heading and its title. */
const SECTIONS = [
  ["glance-heading", "全院进度"], ["progress-heading", "各支部进度"], ["advance-heading", "推进阶段"], ["calendar-heading", "年度日历"],
  ["bonus-heading", "加分项目审批"], ["checks-heading", "检查报告"], ["reminders-heading", "提醒"], ["audit-heading", "操作记录"],
  ["link-heading", "发放登录链接"], ["documents-heading", "年度文件"],
];

/** 本页目录: a link to each section's heading, wrapping on a phone. */
function contents() {
  return el("nav", { class: "contents", "aria-label": "本页目录" },
    el("ul", {}, SECTIONS.map(([id, title]) => el("li", {}, el("a", { href: `#${id}` }, title)))));
}

/** The cycles in each phase as bars, with the figures beside them (the chart is described for screen readers too). */
function glanceSection(theYear) {
  const counts = Object.keys(STATES).map((state) => [state, (theYear.cycles || []).find((c) => c.state === state)?.cycles || 0]);
  const most = Math.max(1, ...counts.map(([, n]) => n));
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  const rowHeight = 28;
  svg.setAttribute("viewBox", `0 0 320 ${counts.length * rowHeight}`);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", "各阶段人数：" + counts.map(([state, n]) => `${STATES[state]} ${n} 人`).join("，"));
  counts.forEach(([state, n], i) => {
    const y = i * rowHeight;
    const label = document.createElementNS(ns, "text");
    label.setAttribute("x", "0"); label.setAttribute("y", String(y + 18)); label.textContent = STATES[state];
    const bar = document.createElementNS(ns, "rect");
    bar.setAttribute("x", "110"); bar.setAttribute("y", String(y + 5)); bar.setAttribute("height", "18");
    bar.setAttribute("width", String(Math.round((n / most) * 170))); bar.setAttribute("fill", "#a8071a");
    const figure = document.createElementNS(ns, "text");
    figure.setAttribute("x", String(116 + Math.round((n / most) * 170))); figure.setAttribute("y", String(y + 18)); figure.textContent = String(n);
    figure.setAttribute("data-state", state);
    svg.append(label, bar, figure);
  });
  const failures = theYear.scheduleFailures || [];
  return el("section", { "aria-labelledby": "glance-heading" },
    el("h2", { id: "glance-heading" }, "全院进度"),
    el("figure", { class: "chart" }, svg, el("figcaption", { class: "muted" }, `共 ${counts.reduce((sum, [, n]) => sum + n, 0)} 人`)),
    failures.length ? failuresPart(theYear.year, failures) : el("p", { class: "muted" }, "定时任务均已按时完成。"));
}

const WORKS = {
  CloseCommitment: "结束承诺阶段", CloseFirstHalf: "结束上半年述绩", CloseSelfReport: "结束述绩阶段",
  MemberReminder: "提醒党员", SecretaryReminder: "提醒支部书记", QuarterlyCheck: "季度检查", HalfYearCheck: "半年检查",
};

/**
 * 未完成的定时任务: each failed event with when it was due, what it holds back and why (the service's words), and a
 * button that runs the due work again (RetryScheduledWork) once the cause is mended.
 */
function failuresPart(year, failures) {
  const error = el("p", { class: "error", role: "alert", hidden: true });
  const retry = el("button", { type: "button", id: "retry-scheduled" }, "重新运行未完成的定时任务");
  retry.addEventListener("click", async () => {
    error.hidden = true;
    const answer = await api("POST", `/v1/years/${year}:retryScheduledWork`, {});
    if (!answer.ok) {
      error.textContent = answer.message;
      error.hidden = false;
      return;
    }
    const left = (answer.json.year.scheduleFailures || []).length;
    await showLeadership(left ? `已重新运行，仍有 ${left} 项未完成，原因见下。` : "已重新运行，定时任务均已完成。");
  });
  return el("div", { id: "schedule-failures" },
    el("h3", {}, "未完成的定时任务"),
    el("ul", {}, failures.map((f) => el("li", { class: "error" },
      `${WORKS[f.work] || f.work}（应于 ${moment(f.dueAt)}，已尝试 ${f.attempts} 次${(f.holdsBack || []).length ? `，其后 ${f.holdsBack.length} 项因此等待` : ""}）：${f.reason}`))),
    el("p", { class: "muted" }, "排除原因后（例如恢复评分表中缺少的事实类型），重新运行："), retry, error);
}

const BLOCKERS = {
  ADVANCE_BLOCKER_ALREADY_REACHED: "已在该阶段或之后，无需推进",
  ADVANCE_BLOCKER_NOT_A_STEP: "当前阶段不能直接推进到所选阶段，须先结束前面的阶段",
  ADVANCE_BLOCKER_CONDITION_UNMET: "推进的条件尚未满足（如公示期未满、尚有未处理的异议）",
};

/** Why a member did not move, in Chinese from the service's blocker; the service's own words follow, for the record. */
function why(result) {
  const told = BLOCKERS[result.blocker];
  return told ? el("span", {}, told, el("br"), el("small", { class: "muted", lang: "en" }, result.reason)) : result.reason;
}

/** 推进阶段: a branch or the college, a target; the preview says who would move and who not and why; then the step. */
function advanceSection(year, branches) {
  const scope = el("select", { id: "advance-branch", name: "branchCode" },
    el("option", { value: "" }, "全院"), branches.map((b) => el("option", { value: b.code }, `${b.name}（${b.code}）`)));
  const target = el("select", { id: "advance-target", name: "target" }, TARGETS.map(([state, sub, name], i) => el("option", { value: String(i) }, name)));
  const outcome = el("div", { id: "advance-outcome", "aria-live": "polite" });
  const request = (validateOnly) => {
    const [targetState, targetSubState] = TARGETS[Number(target.value)];
    const body = { branchCode: scope.value, targetState, validateOnly };
    if (targetSubState) body.targetSubState = targetSubState;
    return api("POST", `/v1/years/${year}:advancePhase`, body);
  };
  const table = (results) => el("table", {},
    el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "工号"), el("th", { scope: "col" }, "阶段"), el("th", { scope: "col" }, "原因"))),
    el("tbody", {}, results.map((r) => el("tr", {}, el("td", { class: "nowrap" }, r.staffNumber), el("td", {}, STATES[r.state] || ""), el("td", {}, why(r))))));
  // The step's answer member by member: who moved (and where to), who did not and why.
  const resultTable = (answer) => el("table", { id: "advance-result", tabindex: "-1" },
    el("caption", {}, `推进结果：已推进 ${answer.movedCount || 0} 人，未推进 ${answer.notMovedCount || 0} 人`),
    el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "工号"), el("th", { scope: "col" }, "结果"), el("th", { scope: "col" }, "现处阶段"), el("th", { scope: "col" }, "原因"))),
    el("tbody", {}, (answer.results || []).map((r) => el("tr", { "data-staff": r.staffNumber },
      el("th", { scope: "row", class: "nowrap" }, r.staffNumber), el("td", { class: "nowrap" }, r.moved ? "已推进" : "未推进"), el("td", {}, stateName(r)), el("td", {}, r.moved ? "" : why(r))))));
  const form = el("form", { id: "advance", "aria-label": "推进阶段" },
    el("div", {}, el("label", { for: "advance-branch" }, "范围"), scope),
    el("div", {}, el("label", { for: "advance-target" }, "推进到"), target),
    el("button", { type: "submit" }, "预览"));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const preview = await request(true);
    if (!preview.ok) {
      outcome.replaceChildren(el("p", { class: "error", role: "alert" }, preview.message));
      return;
    }
    const stuck = (preview.json.results || []).filter((r) => !r.moved);
    const confirm = el("button", { type: "button", id: "advance-confirm" }, `确认推进 ${preview.json.movedCount || 0} 人`);
    confirm.disabled = !preview.json.movedCount;
    confirm.addEventListener("click", async () => {
      const done = await request(false);
      if (!done.ok) {
        outcome.replaceChildren(el("p", { class: "error", role: "alert" }, done.message));
        return;
      }
      const left = (done.json.results || []).filter((r) => !r.moved);
      await showLeadership(`已推进 ${done.json.movedCount || 0} 人${left.length ? `，${left.length} 人未推进` : ""}。`);
      // The reloaded form keeps what was chosen, beside the result it gave.
      document.getElementById("advance-branch").value = scope.value;
      document.getElementById("advance-target").value = target.value;
      const result = resultTable(done.json);
      document.getElementById("advance-outcome").replaceChildren(result);
      // The notice at the top says how many; the keyboard and the eye go on to who, member by member.
      result.focus();
    });
    outcome.replaceChildren(
      el("p", { id: "advance-preview" }, `预览：将推进 ${preview.json.movedCount || 0} 人，${stuck.length} 人不能推进。`),
      stuck.length ? table(stuck) : "",
      confirm);
  });
  return el("section", { "aria-labelledby": "advance-heading" }, el("h2", { id: "advance-heading" }, "推进阶段"), form, outcome);
}

/** The state a member is in after the step, with the half year of 述绩. */
function stateName(result) {
  const half = result.state === "CYCLE_STATE_SELF_REPORT" && HALVES[result.subState];
  return (STATES[result.state] || "") + (half ? `（${half}）` : "");
}

/** 发放登录链接: a one-time link for a member of the roster, to hand to that person only. */
function linkSection(branches) {
  const staff = el("input", { id: "link-staff", name: "staffNumber", type: "text", required: true, maxlength: "32", autocomplete: "off", "aria-describedby": "link-staff-error" });
  const role = el("select", { id: "link-role", name: "role" },
    el("option", { value: "PERSON_ROLE_MEMBER" }, "党员"), el("option", { value: "PERSON_ROLE_SECRETARY" }, "支部书记"), el("option", { value: "PERSON_ROLE_LEADERSHIP" }, "领导小组"));
  const branch = el("select", { id: "link-branch", name: "branchCode" }, branches.map((b) => el("option", { value: b.code }, `${b.name}（${b.code}）`)));
  const branchField = el("div", { hidden: true }, el("label", { for: "link-branch" }, "支部"), branch);
  const staffError = el("p", { id: "link-staff-error", class: "error", role: "alert", hidden: true });
  const formError = el("p", { class: "error", role: "alert", hidden: true });
  const issued = el("div", { id: "link-issued", "aria-live": "polite" });
  role.addEventListener("change", () => { branchField.hidden = role.value !== "PERSON_ROLE_SECRETARY"; });
  const form = el("form", { id: "link", "aria-label": "发放登录链接" },
    el("div", {}, el("label", { for: "link-staff" }, "工号"), staff, staffError),
    el("div", {}, el("label", { for: "link-role" }, "身份"), role), branchField, formError,
    el("button", { type: "submit" }, "生成登录链接"));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    staffError.hidden = formError.hidden = true;
    const body = { staffNumber: staff.value.trim(), role: role.value };
    if (!branchField.hidden) body.branchCode = branch.value;
    const answer = await api("POST", "/v1/signInLinks", body);
    if (!answer.ok) {
      placeRefusal(answer, { staff_number: staffError }, formError);
      issued.replaceChildren();
      return;
    }
    issued.replaceChildren(
      el("label", { for: "link-url" }, `${body.staffNumber} 的登录链接（${moment(answer.json.expiresAt)}前有效，只能使用一次；请只发给本人）`),
      el("input", { id: "link-url", type: "text", readonly: true, value: answer.json.url }));
  });
  return el("section", { "aria-labelledby": "link-heading" }, el("h2", { id: "link-heading" }, "发放登录链接"), form, issued);
}
