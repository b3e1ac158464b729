// 加分项目: the branch's own bonus items for the year (每年年初确定并报院党委), proposed here and approved or rejected
// by the leadership group; only approved items can be registered and counted.
import { api, el, placeRefusal, BONUS_STATUS } from "./core.js";

export async function bonusSection(year, branchCode, done) {
  const section = el("section", { "aria-labelledby": "bonus-heading" }, el("h2", { id: "bonus-heading" }, "本支部加分项目"));
  const listed = await api("GET", `/v1/years/${year}/bonusItems?branchCode=${encodeURIComponent(branchCode)}`);
  if (!listed.ok) {
    section.append(listed.status === 404
      ? el("p", { class: "muted" }, "本年度尚未开通；开通后可报送本支部的加分项目。")
      : el("p", { class: "error", role: "alert" }, listed.message));
    return section;
  }
  const items = listed.json.items || [];
  section.append(items.length === 0
    ? el("p", { class: "muted" }, "尚未报送加分项目。")
    : el("ul", { id: "bonus-items" }, items.map((item) => el("li", {},
      `${item.name}（${item.code}，每次 +${item.points} 分）：${BONUS_STATUS[item.status] || ""}${item.decisionNote ? `，${item.decisionNote}` : ""}`))));
  section.append(proposalForm(year, branchCode, done));
  return section;
}

/** One item at a time: its code (the fact kind it becomes), its name, its points per counted fact. */
function proposalForm(year, branchCode, done) {
  const errors = {};
  const field = (name, label, control, hint) => {
    control.id = `bonus-${name}`;
    errors[name] = el("p", { id: `bonus-${name}-error`, class: "error", role: "alert", hidden: true });
    control.setAttribute("aria-describedby", [hint ? `bonus-${name}-hint` : "", `bonus-${name}-error`].join(" ").trim());
    return el("div", {}, el("label", { for: control.id }, label), hint ? el("p", { id: `bonus-${name}-hint`, class: "muted" }, hint) : "", control, errors[name]);
  };
  const code = el("input", { type: "text", name: "code", required: true, maxlength: "32", autocomplete: "off" });
  const name = el("input", { type: "text", name: "name", required: true, maxlength: "100" });
  const points = el("input", { type: "text", name: "points", required: true, inputmode: "decimal" });
  const formError = el("p", { class: "error", role: "alert", hidden: true });
  const form = el("form", { id: "bonus", "aria-label": "报送加分项目" },
    el("h3", {}, "报送加分项目"),
    field("code", "项目代码", code, "字母、数字、“-”和“_”，登记事实时用作事实类型，如 B01_TEACHING_CONTEST。"),
    field("name", "项目名称", name), field("points", "每次加分", points, "大于 0，至多一位小数。"),
    formError, el("button", { type: "submit" }, "报送"));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    formError.hidden = true;
    for (const error of Object.values(errors)) error.hidden = true;
    const answer = await api("POST", `/v1/years/${year}/branches/${encodeURIComponent(branchCode)}/bonusItems:propose`,
      { items: [{ code: code.value.trim(), name: name.value.trim(), points: points.value.trim() }] });
    if (answer.ok) {
      await done(`已报送加分项目：${name.value.trim()}，待领导小组审批。`);
      return;
    }
    placeRefusal(answer, errors, formError);
  });
  return form;
}
