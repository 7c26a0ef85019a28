"""Catalog of finding codes: severity and message templates in English and Chinese.

Codes are stable identifiers ``<module>.<what>``; the UI and the tests rely
on them, so rename only with care. Templates use ``str.format`` fields
filled from the finding's params; list params are joined with ", " / "、".

Severity guide: "error" only when the value certainly cannot be accepted;
"warning" when it is unusual, depends on a rule that may be outdated, or
when we are not sure; "info" for facts the user should know.
"""

from __future__ import annotations


def _e(en, zh):
    return {"severity": "error", "en": en, "zh": zh}


def _w(en, zh):
    return {"severity": "warning", "en": en, "zh": zh}


def _i(en, zh):
    return {"severity": "info", "en": en, "zh": zh}


def _empty(en_thing, zh_thing):
    return _e("Please enter the %s." % en_thing, "请填写%s。" % zh_thing)


CATALOG = {
    # -- general ---------------------------------------------------------
    "checker.internal_error": _w(
        "This value could not be checked because of an internal problem ({error}); please check it by hand.",
        "由于内部问题（{error}），无法检查此项，请人工核对。",
    ),
    "checker.not_text": _e(
        "This value must be entered as text.",
        "此项应以文本形式填写。",
    ),
    "checker.too_long": _e(
        "This value is far too long for this field.",
        "内容过长，不符合此项要求。",
    ),
    # -- USCC ------------------------------------------------------------
    "uscc.empty": _empty("Unified Social Credit Code", "统一社会信用代码"),
    "uscc.format": _e(
        "A Unified Social Credit Code uses only digits and the capital letters A–H, J–N, P–R, T, U, W–Y "
        "(no I, O, S, V or Z); found: {chars}.",
        "统一社会信用代码只能由数字和大写字母组成，不使用 I、O、S、V、Z；发现不允许的字符：{chars}。",
    ),
    "uscc.length": _e(
        "A Unified Social Credit Code has 18 characters.",
        "统一社会信用代码应为 18 位。",
    ),
    "uscc.legacy_number": _w(
        "This looks like a 15-digit business registration number from before 2015. If the licence shows an "
        "18-character Unified Social Credit Code, enter that instead.",
        "这像是 2015 年以前的 15 位工商注册号。如营业执照上有 18 位统一社会信用代码，请填写该代码。",
    ),
    "uscc.department": _e(
        "The first character of the code ({char}) is not a registration-department code (1–9, A, N or Y).",
        "代码第 1 位（{char}）不是有效的登记管理部门代码（1–9、A、N、Y）。",
    ),
    "uscc.area_format": _e(
        "Characters 3–8 must be the digits of an area code; found “{area}”.",
        "代码第 3–8 位应为行政区划码（数字），实际为“{area}”。",
    ),
    "uscc.checksum": _e(
        "The last character does not match the rest of the code; a character was probably mistyped. "
        "Copy the code from the business licence again.",
        "校验位与前 17 位不符，可能有字符输错，请对照营业执照重新填写。",
    ),
    "uscc.pilot_checksum": _w(
        "The check character does not follow GB 32100, but the code has the shape of early Fujian pilot "
        "codes, which are legal. Make sure it matches the licence exactly.",
        "校验位不符合 GB 32100，但代码形式与福建早期试点代码一致（此类代码合法）。请确认与执照完全一致。",
    ),
    "uscc.category_unknown": _w(
        "The organisation-category character ({category}) is unusual for registration department {department}; "
        "check the code against the certificate.",
        "机构类别代码（{category}）与登记管理部门（{department}）的常见组合不符，请对照证书核实。",
    ),
    "uscc.area_unknown": _w(
        "The area code {area} does not start with a known province code; check the code against the certificate.",
        "登记机关行政区划码 {area} 不以已知的省级代码开头，请对照证书核实。",
    ),
    # -- resident ID -----------------------------------------------------
    "resident_id.empty": _empty("ID card number", "身份证号码"),
    "resident_id.format": _e(
        "An ID card number has 17 digits followed by a digit or X.",
        "身份证号码应为 17 位数字加 1 位数字或 X。",
    ),
    "resident_id.length": _e(
        "An ID card number has 18 characters.",
        "身份证号码应为 18 位。",
    ),
    "resident_id.legacy_15": _w(
        "This is an old 15-digit ID number. Filing systems need the 18-digit number shown on the current card.",
        "这是旧的 15 位身份证号码。备案需要填写现行身份证上的 18 位号码。",
    ),
    "resident_id.region": _e(
        "The first two digits ({region}) are not a province code, so this is not a valid ID number.",
        "前两位（{region}）不是省级行政区划代码，号码无效。",
    ),
    "resident_id.birth_date": _e(
        "Digits 7–14 should be the date of birth (YYYYMMDD); “{digits}” is not a date between 1900 and today.",
        "第 7–14 位应为出生日期（年月日）；“{digits}”不是 1900 年至今的有效日期。",
    ),
    "resident_id.checksum": _e(
        "The last character does not match the first 17 digits; a digit was probably mistyped.",
        "校验码与前 17 位不符，可能有数字输错。",
    ),
    "resident_id.residence_permit": _i(
        "This number belongs to a residence permit for {region} residents (港澳台居民居住证).",
        "该号码为{region}居民居住证号码。",
    ),
    "resident_id.other_province": _i(
        "This ID number was issued in province code {other} ({other_name}), not in the filing province "
        "({filing}). Whether non-local individuals can file there depends on that province's rules.",
        "该身份证签发地为省级代码 {other}（{other_name}），与备案省份（{filing}）不同。"
        "非本地个人能否在该省备案取决于当地规定。",
    ),
    # -- permits and passports -------------------------------------------
    "permits.empty": _empty("document number", "证件号码"),
    "permits.kind_unknown": _w(
        "The document type “{kind}” is not known to the checker, so the number was not checked.",
        "检查器不认识证件类型“{kind}”，未检查号码。",
    ),
    "permits.hk_macau_format": _e(
        "A Mainland Travel Permit for Hong Kong and Macao Residents number is H or M followed by 8 or 10 digits.",
        "港澳居民来往内地通行证号码为 H 或 M 加 8 位或 10 位数字。",
    ),
    "permits.hk_macau_unusual": _w(
        "This is not the usual shape of a Hong Kong/Macao permit number (H or M + 8 or 10 digits); "
        "check it against the card.",
        "号码不是港澳居民来往内地通行证的常见格式（H 或 M 加 8 或 10 位数字），请对照证件核实。",
    ),
    "permits.taiwan_format": _e(
        "This cannot be a Mainland Travel Permit for Taiwan Residents number (8 digits on current cards).",
        "这不可能是台湾居民来往大陆通行证号码（现行证件为 8 位数字）。",
    ),
    "permits.taiwan_unusual": _w(
        "Current Taiwan residents' permits have 8 digits; older ones had 10 characters. Check the number "
        "against the card you will upload.",
        "现行台湾居民来往大陆通行证号码为 8 位数字，旧版为 10 位。请对照将要上传的证件核实。",
    ),
    "permits.passport_format": _e(
        "A passport number contains only letters and digits.",
        "护照号码只能包含字母和数字。",
    ),
    "permits.passport_length": _w(
        "Passport numbers usually have 5 to 17 characters; check the number against the passport.",
        "护照号码通常为 5 至 17 位，请对照护照核实。",
    ),
    "permits.passport_cn": _i(
        "This looks like a Chinese passport number. Mainland residents usually file with their resident ID card.",
        "这像是中国护照号码。大陆居民通常使用居民身份证备案。",
    ),
    # -- phone -------------------------------------------------------------
    "phone.empty": _empty("phone number", "电话号码"),
    "phone.format": _e(
        "This is not a mainland China phone number (mobile: 11 digits starting with 1; landline: area code "
        "and number, e.g. 010-12345678).",
        "这不是有效的中国大陆电话号码（手机号为 1 开头的 11 位数字；固定电话为区号加号码，如 010-12345678）。",
    ),
    "phone.not_mainland": _w(
        "This is not a mainland China (+86) number. Filing contacts normally need a mainland number; "
        "check with your provider.",
        "这不是中国大陆（+86）号码。备案联系人通常需要大陆号码，请向服务商确认。",
    ),
    "phone.no_area_code": _w(
        "Add the area code to the landline number (e.g. 010-12345678).",
        "固定电话请加上区号（如 010-12345678）。",
    ),
    "phone.mobile_format": _e(
        "A mobile number has 11 digits and starts with 13–19.",
        "手机号码应为 11 位，以 13–19 开头。",
    ),
    "phone.mobile_expected": _e(
        "This is a landline number, but a mobile number is required here.",
        "这是固定电话号码，此处需要填写手机号码。",
    ),
    "phone.landline_format": _e(
        "A landline number is an area code (010, 02x or 0 + 3 digits) followed by a 7- or 8-digit number.",
        "固定电话号码应为区号（010、02x 或 0 加 3 位）加 7 或 8 位号码。",
    ),
    "phone.service_number": _w(
        "This is a 400/800 service number, not a personal mobile or landline; check whether your provider "
        "accepts it.",
        "这是 400/800 客服号码，而不是手机或固定电话，请向服务商确认是否可用。",
    ),
    "phone.mobile_leading_zero": _w(
        "Enter the mobile number without the leading 0: {number}.",
        "手机号码前不需要加 0，请填写：{number}。",
    ),
    # -- email -------------------------------------------------------------
    "email.empty": _empty("e-mail address", "电子邮箱"),
    "email.length": _e("An e-mail address has at most 254 characters.", "电子邮箱地址最长 254 个字符。"),
    "email.format": _e(
        "An e-mail address has exactly one @, like name@example.com.",
        "电子邮箱地址应含且仅含一个 @，如 name@example.com。",
    ),
    "email.local_part": _e(
        "The part before @ must be 1–64 characters without spaces.",
        "@ 前的部分应为 1–64 个字符，且不能含空格。",
    ),
    "email.domain": _e(
        "The part after @ is not a valid domain name.",
        "@ 后的部分不是有效的域名。",
    ),
    "email.fullwidth": _w(
        "Full-width characters (＠ or ．) were replaced; the address should read {address}.",
        "已将全角字符（＠ 或 ．）替换为半角，地址应为 {address}。",
    ),
    "email.domain_typo": _w(
        "Did you mean {suggestion} instead of {domain}?",
        "您是否想填写 {suggestion}，而不是 {domain}？",
    ),
    # -- domain ------------------------------------------------------------
    "domain.empty": _empty("domain name", "域名"),
    "domain.length": _e(
        "A domain name has at most 253 characters (in its xn-- form).",
        "域名（按 xn-- 形式计算）最长 253 个字符。",
    ),
    "domain.format": _e(
        "This is not a valid domain name (e.g. example.com).",
        "这不是有效的域名（如 example.com）。",
    ),
    "domain.ip_address": _e(
        "An IP address cannot be filed; enter the domain name.",
        "IP 地址不能备案，请填写域名。",
    ),
    "domain.single_label": _e(
        "Enter the full domain name including its suffix, e.g. example.com.",
        "请填写含后缀的完整域名，如 example.com。",
    ),
    "domain.idn_invalid": _e(
        "The part “{label}” is not a valid internationalised (e.g. Chinese) domain label.",
        "“{label}”不是有效的国际化（如中文）域名标签。",
    ),
    "domain.label_length": _e(
        "Each part between dots may have at most 63 characters (in xn-- form); “{label}” is longer.",
        "域名中每一段（按 xn-- 形式计算）最长 63 个字符，“{label}”超出限制。",
    ),
    "domain.label_syntax": _e(
        "“{label}” may contain only letters, digits and hyphens, and must not start or end with a hyphen.",
        "“{label}”只能包含字母、数字和连字符，且不能以连字符开头或结尾。",
    ),
    "domain.url_stripped": _i(
        "Only the domain part is used: {host}.",
        "只取域名部分：{host}。",
    ),
    "domain.tld_unknown": _w(
        "We have no information on whether .{tld} domains can be filed. Check the MIIT-approved suffixes "
        "with your provider.",
        "暂无 .{tld} 域名能否备案的资料，请向服务商核实该后缀是否经工信部批准。",
    ),
    "domain.tld_not_fileable": _e(
        ".{tld} domains cannot be filed according to: {sources}.",
        "根据以下资料，.{tld} 域名不能备案：{sources}。",
    ),
    "domain.tld_disputed": _w(
        "Sources disagree on whether .{tld} domains can be filed ({sources}); ask your provider first.",
        "关于 .{tld} 域名能否备案，资料说法不一（{sources}），请先咨询服务商。",
    ),
    "domain.public_suffix": _w(
        "{host} is a public suffix, not a domain that can be registered; enter your own domain.",
        "{host} 是公共后缀，不是可注册的域名，请填写您自己的域名。",
    ),
    "domain.www_prefix": _i(
        "The filing is for {registrable}; www is a sub-domain and is covered by it.",
        "备案对象是 {registrable}；www 是其子域名，备案后即可使用。",
    ),
    "domain.subdomain": _i(
        "Sub-domains are not filed separately: the filing is for {registrable}.",
        "子域名不单独备案，备案对象是 {registrable}。",
    ),
    "domain.registration_future": _w(
        "The registration date {date} is after the submission date; check it.",
        "注册日期 {date} 晚于提交日期，请核实。",
    ),
    "domain.registration_recent": _w(
        "The domain was registered {days} days before submission; some providers require at least "
        "{min_days} days (earliest {earliest}).",
        "域名注册至提交仅 {days} 天；部分服务商要求至少 {min_days} 天（最早 {earliest}）。",
    ),
    "domain.real_name_future": _w(
        "The real-name verification date {date} is after the submission date; check it.",
        "实名认证日期 {date} 晚于提交日期，请核实。",
    ),
    "domain.real_name_recent": _w(
        "Real-name verification finished only {days} working days before submission; it takes about {wait} "
        "working days to reach the filing system. Submit on or after {earliest}.",
        "域名实名认证完成至提交仅 {days} 个工作日，信息同步到备案系统约需 {wait} 个工作日，"
        "建议 {earliest} 或之后提交。",
    ),
    "domain.calendar_fallback": _i(
        "Holiday data is available up to {last_year}; outside it working days were counted as Monday–Friday.",
        "节假日数据仅覆盖至 {last_year} 年，超出部分按周一至周五计算工作日。",
    ),
    # -- website name ------------------------------------------------------
    "website_name.empty": _empty("website name", "网站名称"),
    "website_name.too_short": _e(
        "The website name has {length} characters; at least {min} are required "
        "(each Chinese character, letter or digit counts as one).",
        "网站名称只有 {length} 个字，至少需要 {min} 个（汉字、字母、数字各计一个）。",
    ),
    "website_name.too_long": _w(
        "The website name has {length} characters; the recommended maximum is {max}.",
        "网站名称有 {length} 个字，建议不超过 {max} 个。",
    ),
    "website_name.only_digits": _e(
        "The website name cannot consist of digits only.",
        "网站名称不能为纯数字。",
    ),
    "website_name.only_latin": _e(
        "The website name cannot consist of Latin letters only; use a Chinese name.",
        "网站名称不能为纯英文字母，请使用中文名称。",
    ),
    "website_name.no_chinese": _w(
        "The website name contains no Chinese characters; reviewers usually expect a Chinese name.",
        "网站名称不含汉字，审核通常要求中文名称。",
    ),
    "website_name.equals_domain": _e(
        "The website name cannot be the domain name.",
        "网站名称不能是域名。",
    ),
    "website_name.forbidden_prefix": _e(
        "Names starting with “{prefix}” are reserved for state bodies.",
        "以“{prefix}”开头的名称仅限国家机关等使用。",
    ),
    "website_name.banned_personal_word": _e(
        "Personal websites may not use the word “{word}” in their name.",
        "个人网站名称不能包含“{word}”。",
    ),
    "website_name.preapproval_keyword": _w(
        "The word “{word}” suggests content that needs pre-approval ({category}). Individuals cannot obtain "
        "pre-approvals; organisations must hold it before filing.",
        "名称中的“{word}”涉及需要前置审批的内容（{category}）。个人无法取得前置审批，单位须在备案前取得。",
    ),
    "website_name.personal_suffix": _w(
        "This province has required personal website names to end with one of: {suffixes}. "
        "The rule may be outdated; check with your provider.",
        "该省曾要求个人网站名称以下列之一结尾：{suffixes}。此规定可能已过时，请向服务商确认。",
    ),
    "website_name.sensitive_word": _w(
        "The name contains “{word}”, which providers report as refused; choose another name.",
        "名称含有“{word}”，据服务商说明此类名称会被驳回，请更换。",
    ),
    "website_name.special_chars": _w(
        "Avoid special characters in the website name ({chars}); only () - · are usually accepted.",
        "网站名称请勿使用特殊符号（{chars}）；通常仅允许 () - ·。",
    ),
    # -- ICP numbers -------------------------------------------------------
    "icp_number.empty": _empty("ICP number", "ICP备案号"),
    "icp_number.format": _e(
        "An ICP number looks like 京ICP备12345678号-1 (filing) or 京ICP证123456号 (licence).",
        "ICP备案号格式如 京ICP备12345678号-1（备案号）或 京ICP证123456号（经营许可证号）。",
    ),
    "icp_number.digit_count": _w(
        "ICP numbers normally have 6 to 10 digits; this one has {count}. Check it in the MIIT filing system.",
        "ICP备案号通常为 6 至 10 位数字，此号码为 {count} 位，请在工信部备案系统核实。",
    ),
    "icp_number.missing_hao": _w(
        "The number should end with 号: {number}.",
        "备案号应含“号”字：{number}。",
    ),
    "icp_number.licence_site_seq": _w(
        "Licence numbers (ICP证) do not have a -n website suffix; check the number.",
        "经营许可证号（ICP证）没有“-序号”后缀，请核实。",
    ),
    "icp_number.prefix_unknown": _e(
        "“{prefix}” is not the abbreviation of any province that issues ICP numbers.",
        "“{prefix}”不是任何签发ICP备案号的省份简称。",
    ),
    "icp_number.prefix_province": _e(
        "ICP numbers of the filing province start with {expected}, not “{prefix}”.",
        "备案省份的ICP备案号以{expected}开头，而不是“{prefix}”。",
    ),
    "icp_number.entity_number": _i(
        "This is the entity's number (no -n suffix). Each website has its own number, {number}-n; "
        "the footer of a site shows the website number.",
        "这是主体备案号（没有“-序号”）。每个网站有自己的网站备案号（{number}-序号），网站底部应展示网站备案号。",
    ),
    "icp_number.website_number": _i(
        "This is a website number (with -n); the entity's number is the part before the hyphen.",
        "这是网站备案号（带“-序号”）；主体备案号是连字符之前的部分。",
    ),
    "icp_number.kind_mismatch": _w(
        "A number with {expected} is expected here.",
        "此处应填写{expected}号码。",
    ),
    # -- PSB numbers -------------------------------------------------------
    "psb_number.empty": _empty("public security filing number", "公安备案号"),
    "psb_number.length": _e(
        "A public security filing number has 14 digits; this one has {count}.",
        "公安备案号应为 14 位数字，此号码为 {count} 位。",
    ),
    "psb_number.format": _e(
        "A public security filing number is 14 digits, e.g. 京公网安备 11000002000001号.",
        "公安备案号为 14 位数字，如 京公网安备 11000002000001号。",
    ),
    "psb_number.length_unusual": _w(
        "Public security filing numbers normally have 14 digits; this one has {count}. Copy it from the "
        "platform again.",
        "公安备案号通常为 14 位数字，此号码为 {count} 位，请从公安备案平台重新复制。",
    ),
    "psb_number.area_unknown": _w(
        "The number should start with an area code; {area} does not start with a known province code.",
        "号码应以行政区划代码开头，{area} 不以已知的省级代码开头。",
    ),
    "psb_number.area_province": _w(
        "The number starts with area code {area}, which is outside the filing province ({province}); "
        "check it.",
        "号码开头的行政区划代码 {area} 不属于备案省份（{province}），请核实。",
    ),
    # -- instance ----------------------------------------------------------
    "instance.empty": _empty("hosting service type", "服务器（实例）类型"),
    "instance.service_type_unknown": _w(
        "“{service_type}” is not in your provider's list of services that provide service identification "
        "numbers for filing; check with your provider.",
        "“{service_type}”不在服务商可申请备案服务号的产品列表中，请向服务商确认。",
    ),
    "instance.billing_not_allowed": _e(
        "Your provider does not issue service identification numbers for {service_type} instances billed "
        "as {billing}; use a subscription instance.",
        "服务商不为计费方式为 {billing} 的 {service_type} 实例发放备案服务号，请使用包年包月实例。",
    ),
    "instance.quota_exceeded": _e(
        "This filing needs {requested} service identification numbers, but a {service_type} instance provides "
        "at most {quota}.",
        "本次备案需要 {requested} 个备案服务号，但一个 {service_type} 实例最多提供 {quota} 个。",
    ),
    "instance.requested_invalid": _w(
        "The number of websites to file could not be read, so the quota was not checked.",
        "无法识别需要备案的网站数量，未检查服务号配额。",
    ),
}
