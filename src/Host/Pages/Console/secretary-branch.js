// The branch as the secretary reads it: its roster, and the masses' opinions on its members.
import { api, el, day, CATEGORIES } from "./core.js";

const CHANNELS = { OPINION_CHANNEL_SUGGESTION_BOX: "意见箱", OPINION_CHANNEL_FORUM: "论坛", OPINION_CHANNEL_SYMPOSIUM: "座谈会", OPINION_CHANNEL_ONLINE: "网上评议" };

/** 支部名册: the branch's members on the roster, as ListMembers answers. */
export function rosterSection(members) {
  return el("section", { "aria-labelledby": "roster-heading" },
    el("h2", { id: "roster-heading" }, `支部名册（${members.length} 人）`),
    members.length === 0 ? el("p", { class: "muted" }, "名册中还没有党员，可用下方“表格上传”导入。") : el("table", { id: "roster" },
      el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "工号"), el("th", { scope: "col" }, "姓名"), el("th", { scope: "col" }, "类别"), el("th", { scope: "col" }, "入党日期"), el("th", { scope: "col" }, "专业特长"))),
      el("tbody", {}, members.map((m) => el("tr", {}, el("td", { class: "nowrap" }, m.staffNumber), el("td", {}, m.name), el("td", {}, CATEGORIES[m.category] || ""), el("td", {}, day(m.joinedPartyOn)), el("td", {}, m.specialty || ""))))));
}

/** 群众意见: what the masses said of each member, for the branch meeting to read; anonymous ones without a name. */
export async function opinionsSection(year, branchCode, names) {
  const section = el("section", { "aria-labelledby": "opinions-heading" }, el("h2", { id: "opinions-heading" }, "群众评议意见"));
  const list = el("div", { id: "opinions" });
  const more = el("button", { type: "button", class: "link", hidden: true }, "下一页");
  let pageToken = "";
  const load = async () => {
    const answer = await api("GET", `/v1/years/${year}/opinions?branchCode=${encodeURIComponent(branchCode)}&pageSize=100${pageToken ? `&pageToken=${encodeURIComponent(pageToken)}` : ""}`);
    if (!answer.ok) {
      list.replaceChildren(answer.status === 404
        ? el("p", { class: "muted" }, "本年度尚未开通；开通后，评绩阶段收集的意见在此查看。")
        : el("p", { class: "error", role: "alert" }, answer.message));
      return;
    }
    const opinions = answer.json.opinions || [];
    list.replaceChildren(opinions.length === 0
      ? el("p", { class: "muted" }, pageToken ? "没有更多意见。" : "尚未收到意见。评绩阶段由意见箱、座谈会等渠道收集。")
      : el("ul", {}, opinions.map((o) => el("li", {},
        el("strong", {}, `${names.get(o.staffNumber) || ""}（${o.staffNumber}）`),
        ` ${day(o.receivedOn)} · ${CHANNELS[o.channel] || ""} · ${o.anonymous ? "匿名" : o.author}：`, o.content))));
    pageToken = answer.json.nextPageToken || "";
    more.hidden = !pageToken;
  };
  more.addEventListener("click", load);
  await load();
  section.append(list, more);
  return section;
}
