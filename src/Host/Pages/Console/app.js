// The console: pages over the service's own HTTP/JSON API (ADR 22). Every figure and every permitted step comes from
// the service; the page only shows them and sends what the person asks, with the session's anti-forgery token.

const STATES = {
  CYCLE_STATE_COMMITMENT: "承诺",
  CYCLE_STATE_SELF_REPORT: "述绩",
  CYCLE_STATE_MASS_REVIEW: "评绩",
  CYCLE_STATE_PUBLICITY: "亮绩（公示）",
  CYCLE_STATE_DETERMINATION: "定绩",
  CYCLE_STATE_APPLICATION: "用绩",
  CYCLE_STATE_CLOSED: "已结束",
};
const HALVES = { CYCLE_SUB_STATE_FIRST_HALF: "上半年", CYCLE_SUB_STATE_SECOND_HALF: "下半年" };
const OBJECTION_STATUS = { OBJECTION_STATUS_OPEN: "待处理", OBJECTION_STATUS_UPHELD: "成立，已更正", OBJECTION_STATUS_DISMISSED: "不成立" };
const ROLES = { member: "党员", secretary: "支部书记", leadership: "领导小组", system: "校园业务系统" };

let session = null;

/** A call of the service's HTTP/JSON API: the answer, or the refusal (google.rpc.Status) with its field violations. */
async function api(method, path, body) {
  const headers = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (method !== "GET" && session) headers[session.antiforgeryHeader] = session.antiforgeryToken;
  const response = await fetch(path, { method, headers, credentials: "same-origin", body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  const json = text ? JSON.parse(text) : {};
  if (response.ok) return { ok: true, json };
  const fields = {};
  for (const detail of json.details || []) {
    for (const violation of detail.fieldViolations || []) fields[violation.field] = violation.description;
  }
  return { ok: false, status: response.status, message: json.message || `请求失败（${response.status}）`, fields };
}

/** Builds an element: el("p", { class: "muted" }, "text", child…). */
function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

function day(iso) {
  if (!iso) return "";
  const [y, m, d] = iso.slice(0, 10).split("-").map(Number);
  return `${y}年${m}月${d}日`;
}

function moment(timestamp) {
  if (!timestamp) return "";
  const parts = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", year: "numeric", month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit", hour12: false }).formatToParts(new Date(timestamp));
  const part = (type) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}年${part("month")}月${part("day")}日 ${part("hour")}:${part("minute")}`;
}

/**
 * Shows a refusal where it belongs: each field violation under its own field (the field named by the last part of
 * its path, "fact.points" → points), anything else above the button. Returns the field elements that took one.
 */
function placeRefusal(answer, fieldErrors, formError) {
  const placed = [];
  for (const [path, description] of Object.entries(answer.fields)) {
    const target = fieldErrors[path] || fieldErrors[path.split(".").pop()];
    if (target) {
      target.textContent = description;
      target.hidden = false;
      placed.push(target);
    }
  }
  if (placed.length === 0) {
    formError.textContent = answer.message;
    formError.hidden = false;
  }
  return placed;
}

function show(...content) {
  const main = document.getElementById("main");
  main.replaceChildren(...content);
}

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

async function showMember(notice) {
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
  if (!objections.querySelector("p, form")) objections.append(el("p", { class: "muted" }, "公示期内可对评分提出异议。"));

  show(heading, notice ? el("p", { class: "notice", role: "status" }, notice) : "", overview, commitment, declarations, objections,
    cardAnswer.ok ? scorecardSection(cardAnswer.json.scorecard) : el("p", { class: "error" }, cardAnswer.message),
    documentsSection(year));
  document.getElementById("main").focus();
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

/** The branch secretary's page: register a fact for a member of the branch, and the branch's ranked scorecards. */
async function showSecretary(notice) {
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
  show(heading, notice ? el("p", { class: "notice", role: "status" }, notice) : "",
    cyclesAnswer.ok ? objectionsSection(year, cyclesAnswer.json.cycles || [], names) : "",
    cyclesAnswer.ok ? await meetingSection(year, cyclesAnswer.json.cycles || [], names) : "",
    factForm(year, rosterAnswer.json.members || [], rubricAnswer.json.rubric),
    rankingSection(rankedAnswer.json.scorecards || [], year, new Map((rubricAnswer.json.rubric.factKinds || []).map((k) => [k.kind, k.name]))),
    documentsSection(year));
  document.getElementById("main").focus();
}

/** 异议处理: the branch's open objections, each with its form when the cycle permits resolving it. */
function objectionsSection(year, cycles, names) {
  const open = cycles.flatMap((cycle) => (cycle.objections || [])
    .filter((o) => o.status === "OBJECTION_STATUS_OPEN" && (cycle.permittedActions || []).includes("ResolveObjection"))
    .map((objection) => ({ cycle, objection })));
  const section = el("section", { "aria-labelledby": "resolve-heading" }, el("h2", { id: "resolve-heading" }, "公示异议处理"));
  if (open.length === 0) {
    section.append(el("p", { class: "muted" }, "没有待处理的异议。"));
    return section;
  }
  for (const { cycle, objection } of open) {
    const id = `resolve-${objection.objectionId}`;
    const resolution = el("textarea", { id: `${id}-text`, name: "resolution", required: true, maxlength: "4000", "aria-describedby": `${id}-error` });
    const upheld = el("input", { type: "radio", name: `${id}-verdict`, id: `${id}-upheld`, value: "upheld" });
    const dismissed = el("input", { type: "radio", name: `${id}-verdict`, id: `${id}-dismissed`, value: "dismissed", checked: true });
    const error = el("p", { id: `${id}-error`, class: "error", role: "alert", hidden: true });
    const form = el("form", { id, "aria-label": `处理${names.get(cycle.staffNumber) || cycle.staffNumber}的异议` },
      el("p", {}, el("strong", {}, `${names.get(cycle.staffNumber) || ""}（${cycle.staffNumber}）`), `：${objection.content}`),
      el("fieldset", {}, el("legend", {}, "处理意见"),
        el("label", { for: `${id}-upheld` }, upheld, " 异议成立（已在事实登记中更正）"),
        el("label", { for: `${id}-dismissed` }, dismissed, " 异议不成立")),
      el("label", { for: `${id}-text` }, "处理结果（将告知本人，并载入材料汇集）"), resolution, error,
      el("button", { type: "submit" }, "提交处理结果"));
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      error.hidden = true;
      const answer = await api("POST", `/v1/years/${year}/members/${encodeURIComponent(cycle.staffNumber)}/objections/${objection.objectionId}:resolve`,
        { upheld: upheld.checked, resolution: resolution.value });
      if (answer.ok) {
        await showSecretary(`已处理 ${cycle.staffNumber} 的异议。`);
        return;
      }
      placeRefusal(answer, { resolution: error }, error);
    });
    section.append(form);
  }
  return section;
}

const RATINGS = { RATING_EXCELLENT: "优秀", RATING_QUALIFIED: "合格", RATING_BASICALLY_QUALIFIED: "基本合格", RATING_UNQUALIFIED: "不合格" };

/** 定绩 and 用绩: a form for each member whose cycle permits the step, the ratings offered being those the service names. */
async function meetingSection(year, cycles, names) {
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
function factForm(year, members, rubric) {
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
  let requestId = crypto.randomUUID();

  const rules = new Map((rubric.factKinds || []).map((k) => [k.kind, k]));
  const offerKinds = () => {
    const chosen = members.find((m) => m.staffNumber === member.value);
    kind.replaceChildren(...(chosen ? kindsFor(chosen, rubric) : []).map((k) => el("option", { value: k.kind }, k.name)));
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
    field("staff_number", "党员", member), field("kind", "事实类型", kind, "只列出适用于该党员类别的类型。"),
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
    requestId = crypto.randomUUID();
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
function rankingSection(ranked, year, kinds) {
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
      el("td", {}, card.veto ? `不合格（一票否决）` : card.suggestedRatingName));
  });
  return el("section", { "aria-labelledby": "ranking-heading" },
    el("h2", { id: "ranking-heading" }, "本支部评分排名"),
    el("table", {},
      el("thead", {}, el("tr", {}, el("th", { scope: "col", class: "number" }, "名次"), el("th", { scope: "col" }, "党员（点开看明细）"), el("th", { scope: "col", class: "number" }, "总分"), el("th", { scope: "col" }, "建议等次"))),
      el("tbody", {}, rows)));
}

const TARGETS = [
  ["CYCLE_STATE_SELF_REPORT", "", "结束承诺阶段，进入述绩"],
  ["CYCLE_STATE_SELF_REPORT", "CYCLE_SUB_STATE_SECOND_HALF", "结束上半年述绩，进入下半年"],
  ["CYCLE_STATE_MASS_REVIEW", "", "结束述绩，进入评绩"],
  ["CYCLE_STATE_PUBLICITY", "", "结束评绩，进入亮绩（公示）"],
  ["CYCLE_STATE_DETERMINATION", "", "结束公示，进入定绩"],
];

/** The leadership group's page: the year at a glance, and advancing a phase with a preview first. */
async function showLeadership(notice) {
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
    show(heading, el("p", {}, yearAnswer.status === 404 ? "本年度尚未开通。开通后按默认日历安排各阶段。" : yearAnswer.message), open, error, documentsSection(year));
    return;
  }
  const theYear = yearAnswer.json.year;
  show(heading, notice ? el("p", { class: "notice", role: "status" }, notice) : "",
    glanceSection(theYear), advanceSection(year, branchesAnswer.ok ? branchesAnswer.json.branches || [] : []),
    linkSection(branchesAnswer.ok ? branchesAnswer.json.branches || [] : []), documentsSection(year));
  document.getElementById("main").focus();
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
    failures.length
      ? el("div", {}, el("h3", {}, "未完成的定时任务"), el("ul", {}, failures.map((f) => el("li", { class: "error" }, `${f.work}（应于 ${moment(f.dueAt)}）：${f.reason}`))))
      : el("p", { class: "muted" }, "定时任务均已按时完成。"));
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
    el("tbody", {}, results.map((r) => el("tr", {}, el("td", {}, r.staffNumber), el("td", {}, STATES[r.state] || ""), el("td", {}, r.reason)))));
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
      if (left.length) document.getElementById("advance-outcome").replaceChildren(el("h3", {}, "未推进的党员"), table(left));
    });
    outcome.replaceChildren(
      el("p", { id: "advance-preview" }, `预览：将推进 ${preview.json.movedCount || 0} 人，${stuck.length} 人不能推进。`),
      stuck.length ? table(stuck) : "",
      confirm);
  });
  return el("section", { "aria-labelledby": "advance-heading" }, el("h2", { id: "advance-heading" }, "推进阶段"), form, outcome);
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

function documentsSection(year) {
  const links = {
    member: [["我的考核评分表（PDF）", `/documents/${year}/members/${session.subject}/scoring-table.pdf`], ["我的考核评分表（Excel）", `/documents/${year}/members/${session.subject}/scoring-table.xlsx`]],
    secretary: [["本支部公示名单（PDF）", `/documents/${year}/branches/${session.branchCode}/publicity.pdf`], ["本支部用绩名单（Excel）", `/documents/${year}/branches/${session.branchCode}/outcomes.xlsx`], ["本支部材料整理汇集（zip）", `/documents/${year}/branches/${session.branchCode}/dossier.zip`]],
    leadership: [["全院工作概况（Excel）", `/documents/${year}/overview.xlsx`], ["全院用绩名单（PDF）", `/documents/${year}/outcomes.pdf`], ["全院材料整理汇集（zip）", `/documents/${year}/dossier.zip`]],
  }[session.role] || [];
  return el("section", { "aria-labelledby": "documents-heading" },
    el("h2", { id: "documents-heading" }, `${year}年度文件`),
    el("ul", {}, links.map(([title, href]) => el("li", {}, el("a", { href }, title)))));
}

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
    show(el("h1", {}, "请登录"), el("p", {}, "请使用领导小组发给您的登录链接登录。链接有效期 30 分钟，只能使用一次。"));
    return;
  }
  session = await response.json();
  showAccount();
  if (session.role === "member") await showMember();
  else if (session.role === "secretary") await showSecretary();
  else if (session.role === "leadership") await showLeadership();
  else show(el("h1", {}, `您好，${session.name || session.subject}`), documentsSection(session.year));
}

start().catch(() => show(el("p", { class: "error", role: "alert" }, "无法连接服务，请稍后刷新本页。")));
