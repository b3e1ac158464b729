// The branch secretary's page: objections, the meeting, facts, the ranked scorecards, opinions, the roster, uploads.
import { api, el, day, placeRefusal, show, session, newRequestId, documentsSection, RATINGS } from "./core.js";
import { rosterSection, opinionsSection } from "./secretary-branch.js";
import { uploadSection } from "./secretary-sheets.js";
import { objectionsSection } from "./secretary-objections.js";
import { bonusSection } from "./secretary-bonus.js";

/** The branch secretary's page: register a fact for a member of the branch, and the branch's ranked scorecards. */
export async function showSecretary(notice) {
  const year = session.year;
  const branch = encodeURIComponent(session.branchCode);
  const [rosterAnswer, rubricAnswer, rankedAnswer, cyclesAnswer] = await Promise.all([
    api("GET", `/v1/members?branchCode=${branch}&status=MEMBER_STATUS_ACTIVE&pageSize=500`),
    api("GET", `/v1/years/${year}/rubric`),
    api("GET", `/v1/years/${year}/scorecards?branchCode=${branch}&pageSize=500`),
    api("GET", `/v1/years/${year}/cycles?branchCode=${branch}&pageSize=500`),
  ]);
  const heading = el("h1", {}, `${year}年度 支部 ${session.branchCode}`);
  const failed = [rosterAnswer, rubricAnswer, rankedAnswer].find((answer) => !answer.ok);
  if (failed) {
    show(heading, el("p", { class: "error", role: "alert" }, failed.message));
    return;
  }
  const names = new Map((rosterAnswer.json.members || []).map((m) => [m.staffNumber, m.name]));
  const kinds = new Map((rubricAnswer.json.rubric.factKinds || []).map((k) => [k.kind, k.name]));
  const cycles = cyclesAnswer.ok ? cyclesAnswer.json.cycles || [] : [];
  const decided = new Map(cycles.filter((c) => c.determination).map((c) => [c.staffNumber, c.determination]));
  const cards = new Map((rankedAnswer.json.scorecards || []).map((r) => [r.scorecard.staffNumber, r.scorecard]));
  const reload = (done) => showSecretary(done);
  // The parts that ask the service for more, at once rather than one after another.
  const [objections, meeting, opinions, bonus] = await Promise.all([
    cyclesAnswer.ok ? objectionsSection(year, cycles, names, kinds, reload) : "",
    cyclesAnswer.ok ? meetingSection(year, cycles, names, cards) : "",
    opinionsSection(year, session.branchCode, names),
    bonusSection(year, session.branchCode, reload),
  ]);
  show(heading, notice ? el("p", { class: "notice", role: "status" }, notice) : "",
    objections, meeting,
    factForm(year, rosterAnswer.json.members || [], rubricAnswer.json.rubric, decided),
    rankingSection(rankedAnswer.json.scorecards || [], year, kinds, decided),
    opinions, rosterSection(rosterAnswer.json.members || []), bonus,
    uploadSection(rubricAnswer.json.rubric, rosterAnswer.json.members || [], () => showSecretary("表格已上传，逐行结果见“表格上传”。")),
    documentsSection(year));
  document.getElementById("main").focus();
}

/** 定绩 and 用绩: a form for each member whose cycle permits the step, the ratings offered being those the service names. */
async function meetingSection(year, cycles, names, cards) {
  const due = cycles.filter((c) => (c.permittedActions || []).some((a) => a === "Determine" || a === "ApplyOutcome"));
  const section = el("section", { "aria-labelledby": "meeting-heading" }, el("h2", { id: "meeting-heading" }, "定绩与用绩"));
  if (due.length === 0) {
    section.append(el("p", { class: "muted" }, "目前没有待定绩或待用绩的党员。"));
    return section;
  }
  const full = await Promise.all(due.map((c) => api("GET", `/v1/years/${year}/members/${encodeURIComponent(c.staffNumber)}/cycle`)));
  for (const answer of full) {
    if (!answer.ok) continue;
    const cycle = answer.json.cycle;
    const who = `${names.get(cycle.staffNumber) || ""}（${cycle.staffNumber}）`;
    const path = `/v1/years/${year}/members/${encodeURIComponent(cycle.staffNumber)}/cycle`;
    if ((cycle.permittedActions || []).includes("Determine")) {
      section.append(materials(cycle, cards.get(cycle.staffNumber)));
      section.append(meetingForm(`determine-${cycle.staffNumber}`, `${who} 定绩`, [
        ["rating", "评定等次", el("select", { name: "rating" }, (cycle.determinableRatings || []).map((r) => el("option", { value: r }, RATINGS[r])))],
        ["peer_review_summary", "党员互评意见", el("textarea", { name: "peerReviewSummary", required: true, maxlength: "4000" })],
        ["secretary_comment", "支部书记点评", el("textarea", { name: "secretaryComment", required: true, maxlength: "4000" })],
      ], "记录定绩结果", (values) => api("POST", `${path}:determine`, values), `已记录 ${cycle.staffNumber} 的定绩结果。`));
    }
    if ((cycle.permittedActions || []).includes("ApplyOutcome")) {
      section.append(meetingForm(`outcome-${cycle.staffNumber}`, `${who} 用绩（评定：${RATINGS[cycle.determination?.rating] || ""}）`, [
        ["commendation", "表彰（评为优秀的填写）", el("textarea", { name: "commendation", maxlength: "4000" })],
        ["help_plan", "帮扶计划（基本合格、不合格的填写）", el("textarea", { name: "helpPlan", maxlength: "4000" })],
      ], "记录用绩结果", (values) => api("POST", `${path}:applyOutcome`, values), `已记录 ${cycle.staffNumber} 的用绩结果。`));
    }
  }
  return section;
}

/** What the meeting reads before it decides: the total and the suggested rating, the commitment and the declarations. */
function materials(cycle, card) {
  const declared = (half) => (cycle.declarations || []).find((d) => d.half === half)?.content;
  const missing = (flag) => (flag ? "逾期未提交" : "未提交");
  return el("details", { id: `materials-${cycle.staffNumber}`, class: "materials" },
    el("summary", {}, card ? `总分 ${card.totalScore}，建议等次：${card.veto ? "不合格（一票否决）" : card.suggestedRatingName}（点开看承诺与述绩）` : "承诺与述绩"),
    el("dl", {},
      el("dt", {}, "公开承诺"), el("dd", {}, cycle.commitment || missing(cycle.commitmentMissing)),
      el("dt", {}, "上半年述绩"), el("dd", {}, declared("HALF_YEAR_FIRST") || missing(cycle.firstHalfDeclarationMissing)),
      el("dt", {}, "下半年述绩"), el("dd", {}, declared("HALF_YEAR_SECOND") || missing(cycle.secondHalfDeclarationMissing))));
}

/** A form of named fields; each field's refusal under it, any other above the button. */
function meetingForm(id, title, fields, submit, send, done) {
  const errors = {};
  const formError = el("p", { class: "error", role: "alert", hidden: true });
  const form = el("form", { id, "aria-label": title }, el("h3", {}, title),
    fields.map(([field, label, control]) => {
      control.id = `${id}-${field}`;
      errors[field] = el("p", { id: `${id}-${field}-error`, class: "error", role: "alert", hidden: true });
      control.setAttribute("aria-describedby", `${id}-${field}-error`);
      return el("div", {}, el("label", { for: control.id }, label), control, errors[field]);
    }),
    formError, el("button", { type: "submit" }, submit));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    formError.hidden = true;
    for (const error of Object.values(errors)) error.hidden = true;
    const values = Object.fromEntries(fields.map(([, , control]) => [control.name, control.value]));
    const answer = await send(values);
    if (answer.ok) {
      await showSecretary(done);
      return;
    }
    placeRefusal(answer, errors, formError);
  });
  return form;
}

/** The kinds a member's facts may be of: those scoring on an item of the member's category, and the bonus kinds. */
function kindsFor(member, rubric) {
  const items = new Map((rubric.items || []).map((item) => [item.code, item]));
  return (rubric.factKinds || []).filter((kind) => (kind.itemCodes || []).length === 0
    || kind.itemCodes.some((code) => (items.get(code)?.appliesTo || []).includes(member.category)));
}

/** 登记事实: the member, a kind valid for them, the day; the count or the points only where the kind's rule takes them. */
function factForm(year, members, rubric, decided) {
  const errors = {};
  const field = (name, label, control, hint) => {
    errors[name] = el("p", { id: `fact-${name}-error`, class: "error", role: "alert", hidden: true });
    control.setAttribute("aria-describedby", [hint ? `fact-${name}-hint` : "", `fact-${name}-error`].join(" ").trim());
    return el("div", { id: `fact-${name}-field` }, el("label", { for: control.id }, label), hint ? el("p", { id: `fact-${name}-hint`, class: "muted" }, hint) : "", control, errors[name]);
  };
  const member = el("select", { id: "fact-member", name: "staffNumber", required: true },
    members.map((m) => el("option", { value: m.staffNumber }, `${m.name}（${m.staffNumber}）`)));
  const kind = el("select", { id: "fact-kind", name: "kind", required: true });
  const day = el("input", { id: "fact-day", name: "occurredOn", type: "date", required: true });
  const count = el("input", { id: "fact-count", name: "count", type: "number", min: "1", max: "1000", value: "1", inputmode: "numeric" });
  const points = el("input", { id: "fact-points", name: "points", type: "text", inputmode: "decimal", pattern: "\\d+(\\.\\d)?" });
  const note = el("textarea", { id: "fact-note", name: "note", maxlength: "500" });
  const formError = el("p", { class: "error", role: "alert", hidden: true });
  const countField = field("count", "次数", count);
  const pointsField = field("points", "扣分（酌情扣分）", points, "大于 0，至多一位小数，不超过该项目的分值。");
  let requestId = newRequestId();

  const rules = new Map((rubric.factKinds || []).map((k) => [k.kind, k]));
  // After the meeting a fact still counts in the live score, but not in what the meeting froze: say so before it is registered.
  const frozen = el("p", { id: "fact-frozen", class: "error", hidden: true });
  const offerKinds = () => {
    const chosen = members.find((m) => m.staffNumber === member.value);
    kind.replaceChildren(...(chosen ? kindsFor(chosen, rubric) : []).map((k) => el("option", { value: k.kind }, k.name)));
    const determination = decided.get(member.value);
    frozen.hidden = !determination;
    frozen.textContent = determination ? `该党员已定绩（${RATINGS[determination.rating]}，定绩总分 ${determination.totalScore}）：此后登记的事实只计入实时评分，不改变定绩结果。` : "";
    showRuleFields();
  };
  const showRuleFields = () => {
    const rule = rules.get(kind.value)?.rule;
    countField.hidden = !["FACT_RULE_PER_COUNT", "FACT_RULE_POSITIVE", "FACT_RULE_BONUS"].includes(rule);
    pointsField.hidden = rule !== "FACT_RULE_DISCRETIONARY";
    points.required = !pointsField.hidden;
  };
  member.addEventListener("change", offerKinds);
  kind.addEventListener("change", showRuleFields);

  const form = el("form", { id: "fact", "aria-label": "登记事实" },
    field("staff_number", "党员", member), frozen, field("kind", "事实类型", kind, "只列出适用于该党员类别的类型。"),
    field("occurred_on", "发生日期", day), countField, pointsField, field("note", "备注（可不填）", note),
    formError, el("button", { type: "submit" }, "登记"));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    formError.hidden = true;
    for (const error of Object.values(errors)) error.hidden = true;
    const fact = { staffNumber: member.value, kind: kind.value, occurredOn: day.value, note: note.value, requestId };
    if (!countField.hidden) fact.count = Number(count.value || "1");
    if (!pointsField.hidden) fact.points = points.value;
    const answer = await api("POST", "/v1/facts", { fact });
    if (answer.ok) {
      await showSecretary(answer.json.replayed ? "这条事实已经登记过，未重复计入。" : `已登记：${rules.get(fact.kind)?.name}。`);
      return;
    }
    placeRefusal(answer, errors, formError);
    requestId = newRequestId();
  });
  offerKinds();
  return el("section", { "aria-labelledby": "fact-heading" }, el("h2", { id: "fact-heading" }, "登记事实"), form);
}

/** The facts behind a member's lines, each in force with its 撤销 form: a reason is required, and the score follows. */
async function factsOf(year, staffNumber, kinds, into) {
  const answer = await api("GET", `/v1/years/${year}/facts?staffNumber=${encodeURIComponent(staffNumber)}&pageSize=500`);
  if (!answer.ok) {
    into.replaceChildren(el("p", { class: "error", role: "alert" }, answer.message));
    return;
  }
  const facts = answer.json.facts || [];
  into.replaceChildren(el("h4", {}, "登记的事实"), facts.length === 0 ? el("p", { class: "muted" }, "尚无登记。") : el("ul", {}, facts.map((fact) => {
    const item = el("li", { id: `fact-${fact.factId}` }, `${day(fact.occurredOn)} ${kinds.get(fact.kind) || fact.kind}${fact.count > 1 ? ` ×${fact.count}` : ""}${fact.points ? `（${fact.points}分）` : ""}，登记人 ${fact.recordedBy}`);
    if (fact.revocation) {
      item.append(el("span", { class: "muted" }, `（已撤销：${fact.revocation.reason}）`));
      return item;
    }
    const reason = el("input", { type: "text", id: `revoke-${fact.factId}-reason`, required: true, maxlength: "500", "aria-describedby": `revoke-${fact.factId}-error` });
    const error = el("p", { id: `revoke-${fact.factId}-error`, class: "error", role: "alert", hidden: true });
    const form = el("form", { id: `revoke-${fact.factId}`, "aria-label": "撤销这条事实" },
      el("label", { for: reason.id }, "撤销理由"), reason, error, el("button", { type: "submit" }, "撤销"));
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const revoked = await api("POST", `/v1/facts/${fact.factId}:revoke`, { reason: reason.value });
      if (revoked.ok) {
        await showSecretary(`已撤销：${kinds.get(fact.kind) || fact.kind}（${staffNumber}）。`);
        return;
      }
      placeRefusal(revoked, { reason: error }, error);
    });
    item.append(form);
    return item;
  })));
}

/** The branch's scorecards in rank order; each opens to its lines and the facts behind them. */
function rankingSection(ranked, year, kinds, decided) {
  const rows = ranked.map(({ rank, scorecard: card }) => {
    const lines = (card.items || []).flatMap((item) => (item.deductions || []).map((line) => el("li", {}, `${item.name}：${line.description}（${line.points}分）`)))
      .concat((card.bonusLines || []).map((line) => el("li", {}, `加分：${line.description}（+${line.points}分）`)));
    const facts = el("div", { class: "facts" });
    const details = el("details", {}, el("summary", {}, `${card.name}（${card.staffNumber}）`), lines.length ? el("ul", {}, lines) : el("p", { class: "muted" }, "无扣分、加分。"), facts);
    details.addEventListener("toggle", () => { if (details.open && !facts.childElementCount) factsOf(year, card.staffNumber, kinds, facts); });
    return el("tr", { id: `rank-${card.staffNumber}` },
      el("td", { class: "number" }, rank),
      el("td", {}, details),
      el("td", { class: "number total" }, card.totalScore),
      el("td", {}, card.veto ? `不合格（一票否决）` : card.suggestedRatingName,
        decided.has(card.staffNumber) ? el("div", { class: "decided" }, `评定：${RATINGS[decided.get(card.staffNumber).rating]}（定绩 ${decided.get(card.staffNumber).totalScore} 分）`) : ""));
  });
  return el("section", { "aria-labelledby": "ranking-heading" },
    el("h2", { id: "ranking-heading" }, "本支部评分排名"),
    el("table", {},
      el("thead", {}, el("tr", {}, el("th", { scope: "col", class: "number" }, "名次"), el("th", { scope: "col" }, "党员（点开看明细）"), el("th", { scope: "col", class: "number" }, "总分"), el("th", { scope: "col" }, "建议等次 / 评定"))),
      el("tbody", {}, rows)));
}
