"""Catalog of the finding codes raised by the engine, the application reader,
the timeline and the footer (the validators' codes are in
:mod:`checker.messages`).

:func:`make` builds the same :class:`checker.findings.Finding` as
:func:`checker.findings.make`, looking the code up here first and in the
validators' catalog second, so engine code can raise both kinds. A param may
be a ``{"en": ..., "zh": ...}`` mapping: each language's message then uses
its own text (question wording, rule notes, labels).

Codes: ``input.*`` make the input unusable (the CLI exits 2); ``flow.*``
come from walking the decision graph; ``engine.*`` from the classification;
``province.*`` from province rules; ``timeline.*`` and ``footer.*`` from
those modules.
"""
from __future__ import annotations

from checker.messages import _e, _i, _w  # the same entry shapes as the validators' catalog
from checker.findings import Finding, build, register, text  # noqa: F401  (text is part of this module's API)

_MAX_PARAM_CHARS = 160




_VERIFY_EN = " Verify with your access provider before you submit."
_VERIFY_ZH = "提交前请向接入商核实。"

CATALOG = {
    # -- unusable input (CLI exit 2) --------------------------------------
    "input.not_object": _e(
        "The application must be a mapping of fields (a JSON object), not {got}. See the application "
        "format page for an example.",
        "申请文件必须是字段映射（JSON 对象），而不是{got}。示例见申请文件格式页面。",
    ),
    "input.unknown_field": _e(
        "{path}: unknown field “{name}”; allowed here: {allowed}. Remove it or correct the spelling.",
        "{path}：未知字段“{name}”；此处允许的字段：{allowed}。请删除或改正拼写。",
    ),
    "input.missing_field": _e(
        "{path}: the required field “{name}” is missing; add it.",
        "{path}：缺少必填字段“{name}”，请补上。",
    ),
    "input.wrong_type": _e(
        "{path}: expected {expected}, found {got}.{hint}",
        "{path}：应为{expected}，实际为{got}。{hint}",
    ),
    "input.not_allowed": _e(
        "{path}: {value} is not allowed; use one of: {allowed}.",
        "{path}：不允许填写 {value}；请使用以下之一：{allowed}。",
    ),
    "input.wrong_form": _e(
        "{path}: {value} does not have the expected form ({expected}).",
        "{path}：{value} 的格式不对（应为：{expected}）。",
    ),
    "input.bad_date": _e(
        "{path}: {value} is not a real date; write YYYY-MM-DD, e.g. 2025-03-01.",
        "{path}：{value} 不是有效日期，请按 YYYY-MM-DD 填写，如 2025-03-01。",
    ),
    "input.bad_size": _e(
        "{path}: {detail}.",
        "{path}：{detail}。",
    ),
    "input.unreadable": _e(
        "{path}: cannot read the file ({error}); check the path and that it is a UTF-8 text file.",
        "{path}：无法读取文件（{error}），请检查路径，并确认是 UTF-8 文本文件。",
    ),
    "input.bad_syntax": _e(
        "{path}: line {line}: this is not valid {syntax} ({error}); fix the syntax there.",
        "{path}：第 {line} 行不是有效的 {syntax}（{error}），请修改该处语法。",
    ),
    "input.unknown_kind": _e(
        "“{kind}” is not a kind of field the checker knows; use one of: {allowed}.",
        "检查器不认识字段类型“{kind}”；请使用以下之一：{allowed}。",
    ),
    "input.unknown_province": _e(
        "“{code}” is not a province code; use the two-digit GB/T 2260 code, e.g. 11 (Beijing), 44 (Guangdong), "
        "51 (Sichuan).",
        "“{code}”不是省级行政区代码；请使用两位 GB/T 2260 代码，如 11（北京）、44（广东）、51（四川）。",
    ),
    "input.bad_context": _e(
        "{name}: {value} is not allowed here; use one of: {allowed}.",
        "{name}：此处不能使用 {value}；请使用以下之一：{allowed}。",
    ),
    # -- decision graph ----------------------------------------------------
    "flow.answer_missing": _e(
        "Answer the question “{question}” ({path}) so that the filing type can be worked out.",
        "请回答“{question}”（{path}），以便确定备案类型。",
    ),
    "flow.answer_unused": _i(
        "The answer {path} is not needed for this case and was not used.",
        "本情形不需要 {path} 的回答，已忽略。",
    ),
    "flow.broken": _w(
        "The checker's question data is inconsistent at “{node}”, so the case could not be classified; "
        "please report this.",
        "检查器的问题数据在“{node}”处不一致，无法判断备案类型，请报告此问题。",
    ),
    # -- classification ----------------------------------------------------
    "engine.province_missing": _e(
        "Add the filing province (province: its two-digit code, e.g. \"51\"); the province rules depend on it.",
        "请填写备案省份（province：两位省级代码，如 \"51\"），各省规定取决于此。",
    ),
    "engine.domain_other_entity": _w(
        "The domain is filed under another entity. Have that filing cancelled, or moved to your entity by a "
        "website migration (网站迁移), before you file it ({sources}).",
        "该域名备案在其他主体名下。请先让原主体注销该备案，或通过网站迁移转到您的主体名下，再办理备案（{sources}）。",
    ),
    "engine.acceleration_needs_filing": _i(
        "Your server is outside mainland China, but the domain is served in mainland China through a CDN, WAF, "
        "Anti-DDoS or object-storage custom domain, so the domain needs an ICP number. File it through an "
        "access provider in mainland China; the CDN, WAF or OSS provider itself need not be added to the "
        "filing ({sources}).",
        "服务器在中国内地以外，但该域名通过CDN、WAF、DDoS高防或对象存储自定义域名在内地提供服务，因此域名须取得"
        "ICP备案号。请通过中国内地的接入商办理；CDN、WAF、OSS的服务商本身无需加入备案信息（{sources}）。",
    ),
    "engine.cloud_service": _i(
        "{service}: {requirement} ({sources}).",
        "{service}：{requirement}（{sources}）。",
    ),
    "engine.acceleration_mismatch": _w(
        "You use {services} but answered that the domain is not served in mainland China. If the service has "
        "nodes in mainland China, the domain needs an ICP number; check answers.mainland_acceleration.",
        "您使用了{services}，但回答域名未在中国内地提供服务。如该服务有内地节点，域名须取得ICP备案号，"
        "请核对 answers.mainland_acceleration。",
    ),
    "engine.commercial_licence": _i(
        "Charging for information services needs a commercial ICP licence (ICP经营许可证) from the "
        "communications administration, applied for after the filing ({sources}).",
        "提供有偿信息服务须向通信管理局申请ICP经营许可证，在备案之后办理（{sources}）。",
    ),
    "engine.commercial_individual": _w(
        "A commercial ICP licence is issued to organisations; an individual cannot charge for information "
        "services under a personal filing. File as an organisation ({sources}).",
        "ICP经营许可证向单位颁发，个人备案不能提供有偿信息服务，请以单位名义备案（{sources}）。",
    ),
    "engine.preapproval_required": _w(
        "{category}: obtain the pre-approval ({document}) from {authority} before you file ({sources}).",
        "{category}：备案前须取得前置审批（{document}），审批部门：{authority}（{sources}）。",
    ),
    "engine.preapproval_cancelled": _i(
        "{category}: this pre-approval was cancelled nationally, but the local communications administration "
        "may still ask for it ({sources}).",
        "{category}：全国已取消此项前置审批，但当地通信管理局仍可能要求提供（{sources}）。",
    ),
    "engine.preapproval_individual": _e(
        "{category}: individuals cannot obtain pre-approvals, so a personal site cannot carry this content. "
        "File as an organisation or leave the content out ({sources}).",
        "{category}：个人无法取得前置审批，个人网站不能涉及此类内容。请以单位名义备案，或不提供此类内容（{sources}）。",
    ),
    "engine.psb_deadline": _i(
        "File with the Public Security Bureau (公安备案) on the MPS platform within {days} days of going live: "
        "by {deadline} ({sources}).",
        "请在网站开通后 {days} 日内（{deadline} 前）在公安备案平台办理公安备案（{sources}）。",
    ),
    "engine.psb_needed": _i(
        "After going live, file with the Public Security Bureau (公安备案) within {days} days ({sources}).",
        "网站开通后须在 {days} 日内办理公安备案（{sources}）。",
    ),
    "engine.internal_error": _w(
        "Part of the check could not run because of an internal problem ({error}); please report it.",
        "由于内部问题（{error}），部分检查未能完成，请报告此问题。",
    ),
    # -- province rules ----------------------------------------------------
    "province.non_local_refused": _e(
        "{province} does not accept individuals whose ID card was issued in another province ({sources}). "
        "File in the province that issued your ID card.",
        "{province}不接受身份证签发地为外省的个人备案（{sources}）。请在身份证签发地所在省份备案。",
    ),
    "province.non_local_residence_proof": _w(
        "Your ID card was issued in another province: {province} accepts you only with local proof: {proof} "
        "({sources}).",
        "您的身份证为外省签发：{province}须提供本地证明方可备案：{proof}（{sources}）。",
    ),
    "province.non_local_allowed": _i(
        "Your ID card was issued in another province; {province} accepts individuals from other provinces "
        "({sources}).",
        "您的身份证为外省签发；{province}接受外省个人备案（{sources}）。",
    ),
    "province.non_local_verify": _w(
        "Your ID card was issued in another province, and whether {province} accepts that is not clear: "
        "{sides}." + _VERIFY_EN,
        "您的身份证为外省签发，{province}是否接受尚不明确：{sides}。" + _VERIFY_ZH,
    ),
    "province.rule_verify": _w(
        "{rule} in {province} is not clear: {sides}." + _VERIFY_EN,
        "{province}的“{rule}”尚不明确：{sides}。" + _VERIFY_ZH,
    ),
    "province.org_other_province": _e(
        "The organisation's code was registered in {other} ({other_code}), but you file in {province}. "
        "Organisations file in the province of their certificate; a branch registered elsewhere files "
        "there ({sources}).",
        "该单位证件登记地为{other}（{other_code}），而备案省份为{province}。单位须在证件所在省份备案；"
        "在外省登记的分支机构在其所在省份备案（{sources}）。",
    ),
    "province.leader_must_be_legal_rep": _e(
        "{province} requires the entity leader (主体负责人) to be the legal representative ({sources}).",
        "{province}要求主体负责人必须为法定代表人（{sources}）。",
    ),
    "province.leader_authorisation_letter": _w(
        "The entity leader is not the legal representative: {province} then needs an authorisation letter "
        "from the legal representative ({sources}).",
        "主体负责人不是法定代表人：{province}要求提供法定代表人授权书（{sources}）。",
    ),
    "province.website_leader_authorisation": _w(
        "The website leader is not the legal representative: {province} then needs an authorisation letter "
        "({sources}).",
        "网站负责人不是法定代表人：{province}要求提供授权书（{sources}）。",
    ),
    "province.too_young": _e(
        "{who} will be {age} on {day}, but {province} requires at least {min} ({sources}).",
        "{who}在 {day} 时为 {age} 周岁，而{province}要求年满 {min} 周岁（{sources}）。",
    ),
    "province.age_verify": _w(
        "{who} will be {age} on {day}; sources differ on the minimum age in {province} ({sides})." + _VERIFY_EN,
        "{who}在 {day} 时为 {age} 周岁；关于{province}的最低年龄，来源说法不一（{sides}）。" + _VERIFY_ZH,
    ),
    "province.local_mobile": _i(
        "{province} requires mobile numbers registered in the province ({sources}). The checker cannot tell "
        "where a number is registered; make sure {where} is a local number.",
        "{province}要求使用本省归属地的手机号码（{sources}）。检查器无法判断号码归属地，请确认 {where} 为本省号码。",
    ),
    "province.domain_certificate": _w(
        "{province} asks for a domain certificate (域名证书) for each domain when an application has {min} or "
        "more domains; this one has {count} ({sources}).",
        "{province}要求域名数量达到 {min} 个及以上时为每个域名提供域名证书；本次申请有 {count} 个（{sources}）。",
    ),
    "province.domain_limit": _w(
        "{province} allows {limit} ({what}); this application has {count}. Split it into several "
        "websites or submissions ({sources}).",
        "{province}限制为 {limit}（{what}），本次申请为 {count}。请拆分为多个网站或多次提交（{sources}）。",
    ),
    # -- timeline ----------------------------------------------------------
    "timeline.calendar_fallback": _w(
        "Holiday data covers {first_year}–{last_year}; for {dates} working days were counted as Monday to "
        "Friday, so the dates may be off by public holidays.",
        "节假日数据仅覆盖 {first_year}–{last_year} 年；{dates} 的工作日按周一至周五计算，可能因节假日而有偏差。",
    ),
    "timeline.launch_before_approval": _w(
        "The launch date {launch} is before the earliest expected approval ({approval}); the site must stay "
        "unreachable until the filing is approved ({sources}).",
        "上线日期 {launch} 早于预计最早备案通过日期（{approval}）；备案通过前网站不得开通访问（{sources}）。",
    ),
    "timeline.submit_past": _i(
        "The submission date {submit} is in the past; the rules in force on that day were applied.",
        "提交日期 {submit} 已过，已按当日有效的规定检查。",
    ),
    # -- footer ------------------------------------------------------------
    "footer.psb_prefix_missing": _i(
        "The footer shows the public security number without a province abbreviation; copy the full "
        "text (e.g. 京公网安备 11000002000001号) from the MPS platform into numbers.psb_number.",
        "底部展示的公安备案号缺少省份简称；请从公安备案平台复制完整文字（如 京公网安备 11000002000001号）"
        "填入 numbers.psb_number。",
    ),
    "footer.entity_number_shown": _i(
        "{province} shows the entity number in the footer, so the website suffix was dropped: {number} "
        "({sources}).",
        "{province}在网站底部展示主体备案号，已去掉网站序号：{number}（{sources}）。",
    ),
}


register(CATALOG)


def make(code: str, field, /, **params) -> Finding:
    """The finding for ``code`` (this catalog or the validators'); KeyError if unknown.

    Engine params carry rule notes and source lists, so they may be longer
    than the validators' user-input params before they are shortened.
    """
    return build(code, field, params, limit=_MAX_PARAM_CHARS)
