"""The footer snippet a filed site must show (Decree 33, Art. 13).

* The ICP number, linked to the ``footer_link`` national rule
  (https://beian.miit.gov.cn/). Which number is shown follows the
  ``footer_number`` rule of the province: ``website_number`` (the number with
  its -n suffix) in most provinces, ``entity_number`` (the suffix removed)
  where the data says so (Guangdong today). No province is named in code.
* Optionally the PSB number, shown as "京公网安备 11000002000001号" and linked to
  the MPS platform's query page (the psb_number validator's ``footer_url``).

Everything that goes into the HTML is escaped with :func:`html.escape`.
"""
from __future__ import annotations

import html

from checker.findings import has_errors, make
from checker.validators import ValidationError
from checker.validators import icp_number as _icp
from checker.validators import psb_number as _psb


def _anchor(url: str, label: str) -> str:
    return ('<a href="%s" rel="noopener" target="_blank">%s</a>'
            % (html.escape(url, quote=True), html.escape(label, quote=True)))


def icp_label(number, footer_number: str | None) -> str:
    """The text to show for a valid ICP number under the province's footer rule."""
    if footer_number == "entity_number" and _icp.parse(number)["kind"] == "filing":
        return _icp.entity_part(number)
    return _icp.format(number)


def psb_label(number, prefix: str | None) -> str:
    digits = _psb.compact(number)
    return "%s公网安备 %s号" % (prefix or "", digits)


def _psb_url(number) -> str:
    footer_url = getattr(_psb, "footer_url", None)
    if callable(footer_url):
        return footer_url(number)
    return "https://beian.mps.gov.cn/#/query/webSearch?code=" + _psb.compact(number)


def snippet(icp_number, psb_number=None, *, footer_number=None, link=None, psb_prefixes=None,
            icp_findings=(), psb_findings=(), province_name=None, footer_sources=()):
    """(html or None, findings).

    ``footer_number``: the province's value of the footer_number rule;
    ``link``: the footer_link value (the number is shown unlinked without one); ``psb_prefixes``: 2-digit province code
    -> abbreviation to use when the PSB number was given without one (only
    provinces with a single ICP prefix are listed by the engine);
    ``icp_findings`` / ``psb_findings``: what the validators said, so that an
    invalid number gives no snippet.
    """
    findings = []
    if icp_number is None or has_errors(icp_findings):
        return None, findings
    try:
        label = icp_label(icp_number, footer_number)
    except ValidationError:
        return None, findings
    parts = _icp.parse(icp_number)
    if footer_number == "entity_number" and parts["kind"] == "filing" and parts["site_seq"] is not None:
        findings.append(make("footer.entity_number_shown", "numbers.icp_number", province=province_name,
                             number=label, sources=list(footer_sources)))
    pieces = [_anchor(link, label) if isinstance(link, str) and link else html.escape(label)]
    if psb_number is not None and not has_errors(psb_findings):
        try:
            digits = _psb.compact(psb_number)
            prefix = _psb.parse(psb_number)["prefix"]
        except ValidationError:
            digits, prefix = "", None
        if digits:
            if prefix is None:
                prefix = (psb_prefixes or {}).get(digits[:2])
            if prefix is None:
                findings.append(make("footer.psb_prefix_missing", "numbers.psb_number"))
            pieces.append(_anchor(_psb_url(psb_number), psb_label(psb_number, prefix)))
    body = " ".join(pieces)
    return '<div class="beian" style="text-align:center">%s</div>' % body, findings


def app_snippet(icp_number, link=None) -> str:
    """How an app shows its number: the number, and the filing system's address
    linked below it (national rule app_number_display)."""
    label = html.escape(_icp.format(icp_number), quote=True)
    below = _anchor(link, link) if isinstance(link, str) and link else ""
    return '<p class="beian">%s%s</p>' % (label, "<br>" + below if below else "")
