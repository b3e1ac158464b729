// The leadership group's page, the year's part: every branch's progress (GetCollegeProgress), the calendar
// (GetYear, UpdateCalendar) and the branches' bonus items (ListBonusItems, ApproveBonusItems).
import { api, el, day, moment, placeRefusal, STATES, BONUS_STATUS, RATINGS } from "./core.js";

// Dark enough for white figures on them (≥ 4.5:1), and told apart by the legend and the figures, not by colour alone.
const PHASE_COLOURS = {
  CYCLE_STATE_COMMITMENT: "#a8071a", CYCLE_STATE_SELF_REPORT: "#ad4e00", CYCLE_STATE_MASS_REVIEW: "#7c5f00", CYCLE_STATE_PUBLICITY: "#237804",
  CYCLE_STATE_DETERMINATION: "#006d75", CYCLE_STATE_APPLICATION: "#10239e", CYCLE_STATE_CLOSED: "#391085",
};
const RATING_COLOURS = { RATING_EXCELLENT: "#237804", RATING_QUALIFIED: "#10239e", RATING_BASICALLY_QUALIFIED: "#ad4e00", RATING_UNQUALIFIED: "#a8071a" };

const SVG = "http://www.w3.org/2000/svg";

function svg(tag, attributes, text) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

function swatch(colour) {
  const mark = svg("svg", { viewBox: "0 0 12 12", width: 12, height: 12, "aria-hidden": "true", class: "swatch" });
  mark.append(svg("rect", { x: 0, y: 0, width: 12, height: 12, fill: colour }));
  return mark;
}

/** 各支部进度: a card per branch and one for the college, each a chart and its figures. */
export function progressSection(year) {
  const body = el("div", { id: "progress" }, el("p", { class: "muted" }, "正在载入……"));
  api("GET", `/v1/years/${year}/progress`).then((answer) => {
    if (!answer.ok) {
      body.replaceChildren(el("p", { class: "error", role: "alert" }, answer.message));
      return;
    }
    const legend = (names, colours) => el("ul", { class: "legend" }, Object.entries(names).map(([key, name]) => el("li", {}, swatch(colours[key]), name)));
    body.replaceChildren(
      el("p", { class: "muted" }, `统计时间：${moment(answer.json.asOf)}。建议等次依据评分表计分（一票否决计为不合格），评定等次为支部党员大会定绩的结果。`),
      el("div", { class: "legends" }, el("p", {}, "阶段："), legend(STATES, PHASE_COLOURS), el("p", {}, "等次："), legend(RATINGS, RATING_COLOURS)),
      ...(answer.json.branches || []).map(branchCard), branchCard(answer.json.college || {}));
  });
  return el("section", { "aria-labelledby": "progress-heading" }, el("h2", { id: "progress-heading" }, "各支部进度"), body);
}

/** One branch (or, without a code, the college): stacked bars of the phases and the ratings, then the figures in tables. */
function branchCard(progress) {
  const code = progress.branchCode || "";
  const key = code || "college";
  const title = code ? `${progress.name || code}（${code}）` : "全院合计";
  const members = progress.members || 0;
  const pairs = (list, field) => (list || []).map((entry) => [entry[field === "cycles" ? "state" : "rating"], entry[field] || 0]);
  const phases = pairs(progress.cycles, "cycles");
  const suggested = pairs(progress.suggested, "members");
  const determined = pairs(progress.determined, "members");
  const says = (list, names) => list.filter(([, n]) => n).map(([k, n]) => `${names[k]} ${n} 人`).join("，") || "无";
  const label = `${title}：党员 ${members} 人。各阶段：${says(phases, STATES)}。建议等次：${says(suggested, RATINGS)}。评定等次：${says(determined, RATINGS)}。`;
  const chart = bars(label, members, [["阶段", phases, PHASE_COLOURS], ["建议等次", suggested, RATING_COLOURS], ["评定等次", determined, RATING_COLOURS]]);
  const figure = (name, value, id) => el("tr", {}, el("th", { scope: "row" }, name), el("td", { class: "number", "data-figure": id }, String(value)));
  const counts = el("table", {},
    el("caption", {}, `${title}：进度`),
    el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "项目"), el("th", { scope: "col", class: "number" }, "人数"))),
    el("tbody", {},
      figure("党员", members, "members"),
      phases.map(([state, n]) => figure(`${STATES[state]}阶段`, n, state)),
      figure("已承诺", progress.committed || 0, "committed"), figure("未承诺", progress.commitmentsMissing || 0, "commitmentsMissing"),
      figure("上半年已述绩", progress.firstHalfDeclared || 0, "firstHalfDeclared"), figure("上半年未述绩", progress.firstHalfMissing || 0, "firstHalfMissing"),
      figure("下半年已述绩", progress.secondHalfDeclared || 0, "secondHalfDeclared"), figure("下半年未述绩", progress.secondHalfMissing || 0, "secondHalfMissing"),
      figure("平均总分", progress.averageTotal || "—", "averageTotal")));
  const ratings = el("table", {},
    el("caption", {}, `${title}：等次`),
    el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "等次"), el("th", { scope: "col", class: "number" }, "建议"), el("th", { scope: "col", class: "number" }, "评定"))),
    el("tbody", {}, Object.entries(RATINGS).map(([rating, name]) => el("tr", {},
      el("th", { scope: "row" }, name),
      el("td", { class: "number", "data-figure": `suggested-${rating}` }, String(suggested.find(([r]) => r === rating)?.[1] || 0)),
      el("td", { class: "number", "data-figure": `determined-${rating}` }, String(determined.find(([r]) => r === rating)?.[1] || 0))))));
  return el("article", { class: "branch-progress", "data-branch": key, "aria-labelledby": `progress-${key}` },
    el("h3", { id: `progress-${key}` }, title),
    el("figure", { class: "chart" }, chart, el("figcaption", { class: "muted" }, `党员 ${members} 人，平均总分 ${progress.averageTotal || "—"}`)),
    el("details", {}, el("summary", {}, "各项数字"), counts, ratings));
}

/** Horizontal bars, one per row, each stacked of its parts in proportion to the whole; a part's figure sits on it when it fits. */
function bars(label, whole, rows) {
  const width = 320, left = 76, full = width - left - 2, rowHeight = 30;
  const chart = svg("svg", { viewBox: `0 0 ${width} ${rows.length * rowHeight}`, role: "img", "aria-label": label });
  rows.forEach(([name, parts, colours], i) => {
    const y = i * rowHeight;
    chart.append(svg("text", { x: 0, y: y + 20 }, name), svg("rect", { x: left, y: y + 5, width: full, height: 20, fill: "#f5f5f5", stroke: "#c8c8c8" }));
    let x = left;
    for (const [part, n] of parts) {
      if (!n || !whole) continue;
      const w = (n / whole) * full;
      chart.append(svg("rect", { x: x.toFixed(1), y: y + 5, width: w.toFixed(1), height: 20, fill: colours[part] }));
      if (w >= 16) chart.append(svg("text", { x: (x + w / 2).toFixed(1), y: y + 20, "text-anchor": "middle", class: "on-bar" }, String(n)));
      x += w;
    }
  });
  return chart;
}

const CALENDAR_DATES = [
  ["commitment_due", "commitmentDue", "承诺截止"],
  ["first_half_report_due", "firstHalfReportDue", "上半年述绩截止"],
  ["second_half_report_due", "secondHalfReportDue", "下半年述绩截止"],
  ["mass_review_closes", "massReviewCloses", "评绩结束"],
  ["determination_by", "determinationBy", "定绩（支部党员大会）不晚于"],
  ["materials_due", "materialsDue", "材料整理汇集截止"],
];

/** 年度日历: the year's dates, and a form to move those that have not passed (UpdateCalendar), each refusal under its field. */
export function calendarSection(year, calendar) {
  let current = calendar || {};
  const shown = el("dl", { id: "calendar" });
  const fill = () => shown.replaceChildren(
    ...CALENDAR_DATES.flatMap(([, key, name]) => [el("dt", {}, name), el("dd", { "data-field": key }, day(current[key]))]),
    el("dt", {}, "公示天数"), el("dd", { "data-field": "publicityDays" }, `${current.publicityDays || 0} 天`),
    el("dt", {}, "每季度检查"), el("dd", {}, (current.quarterlyChecks || []).map(day).join("、")),
    el("dt", {}, "半年检查汇报"), el("dd", {}, (current.halfYearChecks || []).map(day).join("、")),
    el("dt", {}, "截止前提醒"), el("dd", {}, `提前 ${(current.reminderDaysBefore || []).join("、")} 天`));
  fill();
  const errors = {};
  const inputs = {};
  const field = (snake, key, name, input) => {
    inputs[key] = input;
    errors[snake] = el("p", { id: `calendar-${snake}-error`, class: "error", role: "alert", hidden: true });
    input.setAttribute("aria-describedby", `calendar-${snake}-error`);
    return el("div", {}, el("label", { for: input.id }, name), input, errors[snake]);
  };
  const dates = CALENDAR_DATES.map(([snake, key, name]) =>
    field(snake, key, name, el("input", { id: `calendar-${snake}`, name: key, type: "date", min: `${year}-01-01`, max: `${year}-12-31`, value: current[key] || "" })));
  const days = field("publicity_days", "publicityDays", "公示天数", el("input", { id: "calendar-publicity_days", name: "publicityDays", type: "number", min: "1", step: "1", inputmode: "numeric", value: String(current.publicityDays || "") }));
  const formError = el("p", { class: "error", role: "alert", hidden: true });
  const outcome = el("p", { id: "calendar-outcome", class: "notice", "aria-live": "polite" });
  const form = el("form", { id: "calendar-form", "aria-label": "修改年度日历" }, dates, days, formError, el("button", { type: "submit" }, "保存日历"));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    formError.hidden = true;
    outcome.textContent = "";
    for (const [snake, error] of Object.entries(errors)) {
      error.hidden = true;
      document.getElementById(`calendar-${snake}`).removeAttribute("aria-invalid");
    }
    const changes = {};
    for (const [, key] of CALENDAR_DATES) if (inputs[key].value !== (current[key] || "")) changes[key] = inputs[key].value;
    if (inputs.publicityDays.value !== String(current.publicityDays || "")) changes.publicityDays = Number(inputs.publicityDays.value);
    if (Object.keys(changes).length === 0) {
      outcome.textContent = "日历没有改动。";
      return;
    }
    const answer = await api("PUT", `/v1/years/${year}/calendar`, { calendar: changes });
    if (!answer.ok) {
      const placed = placeRefusal(answer, errors, formError);
      for (const error of placed) document.getElementById(error.id.replace(/-error$/, ""))?.setAttribute("aria-invalid", "true");
      (placed[0] ? document.getElementById(placed[0].id.replace(/-error$/, "")) : formError).focus?.();
      return;
    }
    current = answer.json.year.calendar;
    fill();
    outcome.textContent = `已保存日历：${Object.keys(changes).length} 项改动。`;
  });
  return el("section", { "aria-labelledby": "calendar-heading" }, el("h2", { id: "calendar-heading" }, "年度日历"), shown,
    el("h3", {}, "修改日历"), el("p", { class: "muted" }, "已过去的日期不能再改，也不能改到今天以前。"), form, outcome);
}

/** 加分项目审批: the branches' proposed bonus items, each approved or rejected with a note; the others as decided. */
export function bonusSection(year) {
  const list = el("ul", { id: "bonus-items", class: "cards" });
  const outcome = el("p", { id: "bonus-outcome", class: "notice", "aria-live": "polite", tabindex: "-1" });
  const load = async () => {
    const answer = await api("GET", `/v1/years/${year}/bonusItems`);
    if (!answer.ok) {
      list.replaceChildren(el("li", { class: "error" }, answer.message));
      return;
    }
    const items = answer.json.items || [];
    list.replaceChildren(...(items.length ? items.map(item) : [el("li", { class: "muted" }, "各支部尚未报送加分项目。")]));
  };
  const item = (bonus) => {
    const id = `bonus-${bonus.code}`;
    const note = el("input", { id: `${id}-note`, type: "text", maxlength: "500", autocomplete: "off" });
    const error = el("p", { class: "error", role: "alert", hidden: true });
    const decide = async (approve) => {
      error.hidden = true;
      const answer = await api("POST", `/v1/years/${year}/bonusItems:approve`, { decisions: [{ code: bonus.code, approve, note: note.value.trim() }] });
      if (!answer.ok) {
        placeRefusal(answer, {}, error);
        return;
      }
      const decided = (answer.json.items || []).find((b) => b.code === bonus.code) || bonus;
      await load();
      outcome.textContent = `${BONUS_STATUS[decided.status] || ""}：${decided.name}（${decided.code}），每次加 ${decided.points} 分。`;
      // The buttons pressed are gone with the decided item: the keyboard goes on from the result.
      outcome.focus();
    };
    const form = bonus.status === "BONUS_ITEM_STATUS_PROPOSED"
      ? el("form", { "aria-label": `审批 ${bonus.name}`, onsubmit: (event) => event.preventDefault() },
        el("div", {}, el("label", { for: note.id }, "审批意见（可不填）"), note), error,
        el("div", { class: "buttons" },
          el("button", { type: "button", "data-decision": "approve", onclick: () => decide(true) }, "批准"),
          el("button", { type: "button", class: "secondary", "data-decision": "reject", onclick: () => decide(false) }, "不批准")))
      : "";
    return el("li", { id, "data-code": bonus.code },
      el("p", {}, el("strong", {}, bonus.name), `（${bonus.code}）`),
      el("p", {}, `支部 ${bonus.branchCode}，每次加 ${bonus.points} 分，`, el("span", { "data-status": bonus.status }, BONUS_STATUS[bonus.status] || ""),
        bonus.decisionNote ? `：${bonus.decisionNote}` : ""),
      form);
  };
  load();
  return el("section", { "aria-labelledby": "bonus-heading" }, el("h2", { id: "bonus-heading" }, "加分项目审批"),
    el("p", { class: "muted" }, "各支部年初报送的加分项目，经院党委批准后方可登记、计分。"), list, outcome);
}
