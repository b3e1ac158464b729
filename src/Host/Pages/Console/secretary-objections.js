// 异议处理: the branch's open objections. Upholding one names the corrections (facts registered or revoked since it
// was raised), as ResolveObjection requires; the secretary makes them in the ranking below first.
import { api, el, day, placeRefusal } from "./core.js";

export async function objectionsSection(year, cycles, names, kinds, done) {
  const open = cycles.flatMap((cycle) => (cycle.objections || [])
    .filter((o) => o.status === "OBJECTION_STATUS_OPEN" && (cycle.permittedActions || []).includes("ResolveObjection"))
    .map((objection) => ({ cycle, objection })));
  const section = el("section", { "aria-labelledby": "resolve-heading" }, el("h2", { id: "resolve-heading" }, "公示异议处理"));
  if (open.length === 0) {
    section.append(el("p", { class: "muted" }, "没有待处理的异议。"));
    return section;
  }
  for (const { cycle, objection } of open) section.append(await objectionForm(year, cycle, objection, names, kinds, done));
  return section;
}

async function objectionForm(year, cycle, objection, names, kinds, done) {
  const id = `resolve-${objection.objectionId}`;
  const who = `${names.get(cycle.staffNumber) || ""}（${cycle.staffNumber}）`;
  const resolution = el("textarea", { id: `${id}-text`, name: "resolution", required: true, maxlength: "4000", "aria-describedby": `${id}-error` });
  const upheld = el("input", { type: "radio", name: `${id}-verdict`, id: `${id}-upheld`, value: "upheld" });
  const dismissed = el("input", { type: "radio", name: `${id}-verdict`, id: `${id}-dismissed`, value: "dismissed", checked: true });
  const error = el("p", { id: `${id}-error`, class: "error", role: "alert", hidden: true });
  const corrections = await correctionsSince(year, cycle.staffNumber, objection.raisedAt, kinds);
  const boxes = corrections.map(({ fact, text }) => el("input", { type: "checkbox", id: `${id}-fact-${fact.factId}`, value: fact.factId, checked: true }));
  const correctionsError = el("p", { id: `${id}-corrections-error`, class: "error", role: "alert", hidden: true });
  const correctionsField = el("fieldset", { id: `${id}-corrections`, hidden: true, "aria-describedby": `${id}-corrections-error` },
    el("legend", {}, "更正的事实"),
    corrections.length === 0
      ? el("p", { class: "muted" }, "异议提出后尚未更正任何事实：请先在“本支部评分排名”中撤销有误的事实、登记正确的事实。")
      : corrections.map(({ text }, i) => el("label", { for: boxes[i].id }, boxes[i], ` ${text}`)),
    correctionsError);
  const verdictChanged = () => { correctionsField.hidden = !upheld.checked; };
  upheld.addEventListener("change", verdictChanged);
  dismissed.addEventListener("change", verdictChanged);
  const form = el("form", { id, "aria-label": `处理${who}的异议` },
    el("p", {}, el("strong", {}, who), `：${objection.content}`),
    el("fieldset", {}, el("legend", {}, "处理意见"),
      el("label", { for: `${id}-upheld` }, upheld, " 异议成立（已在事实登记中更正）"),
      el("label", { for: `${id}-dismissed` }, dismissed, " 异议不成立")),
    correctionsField,
    el("label", { for: `${id}-text` }, "处理结果（将告知本人，并载入材料汇集）"), resolution, error,
    el("button", { type: "submit" }, "提交处理结果"));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    error.hidden = correctionsError.hidden = true;
    const correctedFactIds = upheld.checked ? boxes.filter((b) => b.checked).map((b) => b.value) : [];
    const answer = await api("POST", `/v1/years/${year}/members/${encodeURIComponent(cycle.staffNumber)}/objections/${objection.objectionId}:resolve`,
      { upheld: upheld.checked, resolution: resolution.value, correctedFactIds });
    if (answer.ok) {
      await done(`已处理 ${cycle.staffNumber} 的异议。`);
      return;
    }
    placeRefusal(answer, { resolution: error, corrected_fact_ids: correctionsError }, error);
  });
  return form;
}

/** The member's facts registered or revoked since the objection was raised: the corrections it may name. */
async function correctionsSince(year, staffNumber, raisedAt, kinds) {
  const answer = await api("GET", `/v1/years/${year}/facts?staffNumber=${encodeURIComponent(staffNumber)}&includeRevoked=true&pageSize=500`);
  if (!answer.ok) return [];
  const since = Date.parse(raisedAt);
  const corrections = [];
  for (const fact of answer.json.facts || []) {
    const name = `${day(fact.occurredOn)} ${kinds.get(fact.kind) || fact.kind}${fact.count > 1 ? ` ×${fact.count}` : ""}`;
    if (fact.revocation && Date.parse(fact.revocation.revokedAt) >= since) corrections.push({ fact, text: `撤销：${name}（${fact.revocation.reason}）` });
    else if (Date.parse(fact.recordedAt) >= since) corrections.push({ fact, text: `登记：${name}` });
  }
  return corrections;
}
