// The member's page: the cycle with its deadlines, the permitted steps, the scorecard line by line.
import { api, el, day, moment, placeRefusal, show, session, documentsSection, STATES, HALVES, OBJECTION_STATUS, RATINGS } from "./core.js";

/**
 * A form for one step the service permits: a text area, its label and hint, and the refusal shown where it belongs
 * (the field's own message under the field, anything else above the button). On success the page reloads its figures.
 */
function stepForm({ id, legend, label, hint, field, submit, send }) {
  const fieldError = el("p", { id: `${id}-error`, class: "error", role: "alert", hidden: true });
  const formError = el("p", { class: "error", role: "alert", hidden: true });
  const textarea = el("textarea", { id: `${id}-text`, name: field, required: true, maxlength: "2000", "aria-describedby": `${id}-hint ${id}-error` });
  const form = el("form", { id, "aria-label": legend },
    el("label", { for: `${id}-text` }, label),
    el("p", { id: `${id}-hint`, class: "muted" }, hint),
    textarea, fieldError, formError,
    el("button", { type: "submit" }, submit));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    fieldError.hidden = formError.hidden = true;
    textarea.removeAttribute("aria-invalid");
    const answer = await send(textarea.value);
    if (answer.ok) {
      await showMember("已提交。");
      return;
    }
    if (placeRefusal(answer, { [field]: fieldError }, formError).length) {
      textarea.setAttribute("aria-invalid", "true");
      textarea.focus();
    }
  });
  return form;
}

export async function showMember(notice) {
  const year = session.year;
  const me = encodeURIComponent(session.subject);
  const [cycleAnswer, cardAnswer] = await Promise.all([
    api("GET", `/v1/years/${year}/members/${me}/cycle`),
    api("GET", `/v1/years/${year}/members/${me}/scorecard`),
  ]);
  const heading = el("h1", {}, `${year}年度 我的“先锋创绩”`);
  if (!cycleAnswer.ok) {
    show(heading, el("p", {}, cycleAnswer.status === 404 ? "本年度的考核尚未开始。" : cycleAnswer.message));
    return;
  }
  const cycle = cycleAnswer.json.cycle;
  const permitted = new Set(cycle.permittedActions || []);
  const path = `/v1/years/${year}/members/${me}`;
  const stage = STATES[cycle.state] + (HALVES[cycle.subState] ? `·${HALVES[cycle.subState]}` : "");
  const deadlines = cycle.deadlines || {};

  const overview = el("section", { "aria-labelledby": "cycle-heading" },
    el("h2", { id: "cycle-heading" }, "考核进度"),
    el("dl", {},
      el("dt", {}, "当前阶段"), el("dd", { id: "stage" }, stage),
      el("dt", {}, "承诺截止"), el("dd", {}, day(deadlines.commitmentDue)),
      el("dt", {}, "上半年述绩截止"), el("dd", {}, day(deadlines.firstHalfReportDue)),
      el("dt", {}, "下半年述绩截止"), el("dd", {}, day(deadlines.secondHalfReportDue)),
      cycle.publicityEndsAt ? [el("dt", {}, "公示截止"), el("dd", {}, moment(cycle.publicityEndsAt))] : []));

  const commitment = el("section", { "aria-labelledby": "commitment-heading" }, el("h2", { id: "commitment-heading" }, "公开承诺"));
  if (cycle.commitment) commitment.append(el("p", { id: "commitment" }, cycle.commitment), el("p", { class: "muted" }, `承诺时间：${moment(cycle.committedAt)}`));
  else if (cycle.commitmentMissing) commitment.append(el("p", { class: "error" }, "逾期未承诺。"));
  if (permitted.has("SubmitCommitment")) {
    commitment.append(stepForm({
      id: "commit", legend: "提交公开承诺", label: "承诺内容", field: "commitment", submit: "提交承诺",
      hint: `年初公开承诺，作为述绩的对照依据；${day(deadlines.commitmentDue)}前提交。`,
      send: (text) => api("POST", `${path}/cycle:submitCommitment`, { commitment: text }),
    }));
  }

  const declarations = el("section", { "aria-labelledby": "declarations-heading" }, el("h2", { id: "declarations-heading" }, "半年述绩"));
  for (const declaration of cycle.declarations || []) {
    declarations.append(el("h3", {}, declaration.half === "HALF_YEAR_FIRST" ? "上半年" : "下半年"), el("p", {}, declaration.content), el("p", { class: "muted" }, `提交时间：${moment(declaration.submittedAt)}`));
  }
  for (const [half, name] of [["HALF_YEAR_FIRST", "上半年"], ["HALF_YEAR_SECOND", "下半年"]]) {
    if (permitted.has(`SubmitDeclaration for ${half}`)) {
      declarations.append(stepForm({
        id: `declare-${half === "HALF_YEAR_FIRST" ? "first" : "second"}`, legend: `提交${name}述绩`, label: `${name}述绩内容`, field: "content", submit: "提交述绩",
        hint: "对照年初承诺，说明半年来的工作与成绩。",
        send: (text) => api("POST", `${path}/cycle:submitDeclaration`, { half, content: text }),
      }));
    }
  }
  if (cycle.firstHalfDeclarationMissing) declarations.append(el("p", { class: "error" }, "上半年逾期未述绩。"));
  if (cycle.secondHalfDeclarationMissing) declarations.append(el("p", { class: "error" }, "下半年逾期未述绩。"));
  if (!declarations.querySelector("p, form")) declarations.append(el("p", { class: "muted" }, "尚无述绩。"));

  const objections = el("section", { "aria-labelledby": "objections-heading" }, el("h2", { id: "objections-heading" }, "公示异议"));
  for (const objection of cycle.objections || []) {
    objections.append(el("p", {}, `${moment(objection.raisedAt)}：${objection.content}（${OBJECTION_STATUS[objection.status] || ""}${objection.resolution ? `：${objection.resolution}` : ""}）`));
  }
  if (permitted.has("RaiseObjection")) {
    objections.append(stepForm({
      id: "object", legend: "对公示结果提出异议", label: "异议内容", field: "content", submit: "提出异议",
      hint: "公示期内，对评分有异议的，写明哪一项、为什么。",
      send: (text) => api("POST", `${path}/objections`, { content: text }),
    }));
  }
  const before = ["CYCLE_STATE_COMMITMENT", "CYCLE_STATE_SELF_REPORT", "CYCLE_STATE_MASS_REVIEW", "CYCLE_STATE_PUBLICITY"].includes(cycle.state);
  if (!objections.querySelector("p, form")) objections.append(el("p", { class: "muted" }, before ? "公示期内可对评分提出异议。" : "公示期已结束，未提出异议。"));

  show(heading, notice ? el("p", { class: "notice", role: "status" }, notice) : "", overview, commitment, declarations, objections, resultSection(cycle),
    cardAnswer.ok ? scorecardSection(cardAnswer.json.scorecard) : el("p", { class: "error" }, cardAnswer.message),
    documentsSection(year));
  document.getElementById("main").focus();
}

/** 定绩与用绩: what the branch meeting decided (the rating, the total it froze, the peers' and the secretary's words) and the outcome. */
function resultSection(cycle) {
  const determination = cycle.determination;
  const section = el("section", { "aria-labelledby": "result-heading" }, el("h2", { id: "result-heading" }, "定绩与用绩"));
  if (!determination) {
    section.append(el("p", { class: "muted" }, "支部党员大会定绩后，评定等次和点评在此显示。"));
    return section;
  }
  const outcome = cycle.outcome;
  section.append(el("dl", { id: "result" },
    el("dt", {}, "评定等次"), el("dd", { id: "rating" }, RATINGS[determination.rating] || ""),
    el("dt", {}, "定绩总分"), el("dd", {}, determination.totalScore),
    el("dt", {}, "党员互评意见"), el("dd", {}, determination.peerReviewSummary),
    el("dt", {}, "支部书记点评"), el("dd", {}, determination.secretaryComment),
    el("dt", {}, "定绩时间"), el("dd", {}, moment(determination.determinedAt)),
    outcome?.commendation ? [el("dt", {}, "表彰"), el("dd", { id: "commendation" }, outcome.commendation)] : [],
    outcome?.helpPlan ? [el("dt", {}, "帮扶计划"), el("dd", { id: "help-plan" }, outcome.helpPlan)] : []));
  if (!outcome) section.append(el("p", { class: "muted" }, "用绩结果（表彰或帮扶）确定后在此显示。"));
  return section;
}

/** The scorecard explained line by line: every item with what was taken off and why, the bonus, the total. */
function scorecardSection(card) {
  const rows = [];
  for (const item of card.items || []) {
    const reasons = (item.deductions || []).map((line) => `${line.description}（${line.points}分）`).join("；");
    rows.push(el("tr", {}, el("td", {}, item.name), el("td", { class: "number" }, item.maxPoints), el("td", { class: "number" }, item.score), el("td", {}, reasons || "—")));
  }
  for (const line of card.bonusLines || []) {
    rows.push(el("tr", {}, el("td", {}, "加分"), el("td", { class: "number" }, ""), el("td", { class: "number" }, `+${line.points}`), el("td", {}, line.description)));
  }
  return el("section", { "aria-labelledby": "scorecard-heading" },
    el("h2", { id: "scorecard-heading" }, "我的评分"),
    el("table", {},
      el("caption", { class: "muted" }, `截至 ${moment(card.asOf)}`),
      el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "项目"), el("th", { scope: "col", class: "number" }, "分值"), el("th", { scope: "col", class: "number" }, "得分"), el("th", { scope: "col" }, "说明"))),
      el("tbody", {}, rows),
      el("tfoot", {}, el("tr", {}, el("th", { scope: "row" }, "合计"), el("td", {}, ""), el("td", { class: "number", id: "total" }, card.totalScore), el("td", {}, `基础分 ${card.baseScore}，加分 ${card.bonusScore}`)))),
    el("p", {}, "建议等次：", el("strong", { id: "suggested" }, card.veto ? `不合格（一票否决：${card.veto.name}）` : card.suggestedRatingName)));
}
