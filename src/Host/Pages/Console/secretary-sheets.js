// 表格上传: a roster or a list of facts as an .xlsx, read by the service into rows, then sent to ImportMembers or
// RecordEvents, which answer row by row. The page decides nothing about a row: it only maps the sheet's words to the
// RPC's values (a kind's name to its code, a category's name to its enum), and a row's request id comes from its
// content, so the same sheet uploaded again is counted once.
import { api, el, session, CATEGORIES } from "./core.js";

// A category as written in the sheet, its name or its enum, to the enum.
const CATEGORY_OF = Object.fromEntries(Object.entries(CATEGORIES).flatMap(([value, name]) => [[name, value], [value, value]]));
const BATCH = 1000;

/**
 * The two uploads, each with its template beside it. A secretary acts within the branch (the RPCs' policy refuses a
 * whole call naming anyone else), so rows of other members are set aside here, each named, and the rest are sent.
 */
export function uploadSection(rubric, roster, done) {
  const ours = new Set(roster.map((m) => m.staffNumber));
  const kinds = new Map();
  for (const kind of rubric.factKinds || []) {
    kinds.set(kind.kind, kind.kind);
    kinds.set(kind.name, kind.kind);
  }
  return el("section", { "aria-labelledby": "upload-heading" },
    el("h2", { id: "upload-heading" }, "表格上传"),
    el("p", { class: "muted" }, "先下载模板，按“填写说明”填好后上传；每一行都会单独给出结果。同一份表格再次上传不会重复登记。"),
    uploadForm({
      id: "upload-members", title: "上传党员名册", template: "/console/sheets/members-template.xlsx", sheet: "members",
      toRow: (cells) => {
        if (cells.branchCode && cells.branchCode !== session.branchCode) return { problem: `支部代码“${cells.branchCode}”不是本支部，请由该支部登记` };
        const category = CATEGORY_OF[cells.category];
        if (!category) return { problem: `党员类别“${cells.category}”应为“在职党员”或“离退休党员”` };
        return { value: { staffNumber: cells.staffNumber, name: cells.name, branchCode: cells.branchCode || session.branchCode, category, joinedPartyOn: cells.joinedPartyOn, specialty: cells.specialty } };
      },
      send: (rows) => api("POST", "/v1/members:import", { members: rows }),
      outcome: (result) => ({ IMPORT_OUTCOME_CREATED: "已登记入册", IMPORT_OUTCOME_UNCHANGED: "已在册，未重复登记" }[result.outcome]),
      done,
    }),
    uploadForm({
      id: "upload-facts", title: "上传事实登记表", template: "/console/sheets/facts-template.xlsx", sheet: "facts",
      toRow: (cells, key) => {
        if (!ours.has(cells.staffNumber)) return { problem: `${cells.staffNumber || "工号为空"}不在本支部名册中` };
        const fact = { staffNumber: cells.staffNumber, kind: kinds.get(cells.kind) || cells.kind, occurredOn: cells.occurredOn, points: cells.points, note: cells.note, requestId: `sheet-${key}` };
        if (cells.count) {
          if (!/^\d+$/.test(cells.count)) return { problem: `次数“${cells.count}”应为正整数` };
          fact.count = Number(cells.count);
        }
        return { value: fact };
      },
      guide: el("details", { id: "upload-facts-kinds" }, el("summary", {}, "可填写的事实种类（名称或代码均可）"),
        el("ul", {}, (rubric.factKinds || []).map((k) => el("li", {}, `${k.name}：${k.kind}`)))),
      send: (rows) => api("POST", "/v1/facts:batchRecord", { facts: rows }),
      outcome: (result) => (result.outcome === "RECORD_OUTCOME_REPLAYED" && result.fact?.revocation
        // The same row as a fact since revoked: saying "already registered" alone would hide that it no longer counts.
        ? `已登记过，但已撤销（${result.fact.revocation.reason}），未重新计入；如需计入，请用“登记事实”重新登记`
        : { RECORD_OUTCOME_RECORDED: "已登记", RECORD_OUTCOME_REPLAYED: "已登记过，未重复计入" }[result.outcome]),
      done,
    }));
}

/** One upload: the file, its template, and after sending, a line per sheet row with what the service answered. */
function uploadForm({ id, title, template, sheet, guide, toRow, send, outcome, done }) {
  const input = el("input", { type: "file", id: `${id}-file`, name: "file", accept: ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", required: true, "aria-describedby": `${id}-error` });
  const error = el("p", { id: `${id}-error`, class: "error", role: "alert", hidden: true });
  const results = el("div", { id: `${id}-results`, "aria-live": "polite" });
  const form = el("form", { id, "aria-label": title },
    el("h3", {}, title),
    el("p", {}, el("a", { href: template, download: "" }, "下载模板（.xlsx）")), guide || "",
    el("label", { for: input.id }, "选择填好的表格"), input, error,
    el("button", { type: "submit" }, "上传"));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    error.hidden = true;
    const file = input.files[0];
    if (!file) return;
    const read = await api("POST", `/console/sheets/${sheet}:read`, file);
    if (!read.ok) {
      error.textContent = read.message;
      error.hidden = false;
      results.replaceChildren();
      return;
    }
    const lines = [];
    const problems = new Map();
    for (const problem of read.json.problems || []) problems.set(problem.row, `${problem.column}：${problem.message}`);
    const sendable = [];
    for (const row of read.json.rows || []) {
      const mapped = problems.has(row.row) ? { problem: problems.get(row.row) } : toRow(row.cells, row.key);
      if (mapped.problem) lines.push({ row: row.row, staff: row.cells.staffNumber, text: `未读取：${mapped.problem}`, refused: true });
      else sendable.push({ row, value: mapped.value });
    }
    for (let start = 0; start < sendable.length; start += BATCH) {
      const batch = sendable.slice(start, start + BATCH);
      const answer = await send(batch.map((b) => b.value));
      if (!answer.ok) {
        for (const b of batch) lines.push({ row: b.row.row, staff: b.row.cells.staffNumber, text: `未登记：${answer.message}`, refused: true });
        continue;
      }
      for (const result of answer.json.results || []) {
        const source = batch[result.row || 0].row;
        const accepted = outcome(result);
        lines.push(accepted
          ? { row: source.row, staff: source.cells.staffNumber, text: accepted, refused: false }
          : { row: source.row, staff: source.cells.staffNumber, text: `未登记：${refusal(result.error)}`, refused: true });
      }
    }
    lines.sort((a, b) => a.row - b.row);
    const refused = lines.filter((line) => line.refused).length;
    // The page reloads its figures first; the row-by-row answer is then shown in the reloaded page's place for it.
    if (lines.length > refused) await done();
    (document.getElementById(results.id) || results).replaceChildren(
      el("p", { role: "status", class: refused ? "error" : "notice" }, `共 ${lines.length} 行：${lines.length - refused} 行已处理，${refused} 行未登记。`),
      el("table", {},
        el("caption", { class: "muted" }, `${file.name} 的逐行结果`),
        el("thead", {}, el("tr", {}, el("th", { scope: "col", class: "number" }, "行号"), el("th", { scope: "col" }, "工号"), el("th", { scope: "col" }, "结果"))),
        el("tbody", {}, lines.map((line) => el("tr", { class: line.refused ? "refused" : "" }, el("td", { class: "number" }, line.row), el("td", { class: "nowrap" }, line.staff), el("td", {}, line.text))))));
  });
  return el("div", { class: "upload" }, form, results);
}

/** A refused row's reason as the service gives it: its message, then each field it names. */
function refusal(error) {
  if (!error) return "";
  const fields = (error.fieldViolations || []).map((v) => `${v.field}：${v.description}`);
  return fields.length ? fields.join("；") : error.message;
}
