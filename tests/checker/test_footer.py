"""checker.footer: the footer snippet."""
from checker import footer
from checker.validators import icp_number, psb_number


def test_website_number_with_link_attributes():
    html, found = footer.snippet("京ICP备12345678号-1", footer_number="website_number",
                                 link="https://beian.miit.gov.cn/")
    assert html == ('<div class="beian" style="text-align:center"><a href="https://beian.miit.gov.cn/" '
                    'rel="noopener" target="_blank">京ICP备12345678号-1</a></div>')
    assert found == []


def test_entity_number_rule_strips_the_suffix():
    html, found = footer.snippet("粤ICP备2021000001号-3", footer_number="entity_number", province_name="X")
    assert ">粤ICP备2021000001号<" in html
    assert [f.code for f in found] == ["footer.entity_number_shown"]


def test_licence_number_is_shown_as_it_is():
    assert footer.icp_label("京ICP证030173号", "entity_number") == "京ICP证030173号"


def test_psb_number_uses_the_validators_footer_url():
    html, _ = footer.snippet("京ICP备12345678号-1", "京公网安备 11000002000001号")
    assert ('<a href="%s" rel="noopener" target="_blank">京公网安备 11000002000001号</a>'
            % psb_number.footer_url("11000002000001")) in html
    assert "https://beian.mps.gov.cn/#/query/webSearch?code=11000002000001" in html


def test_psb_prefix_from_the_province_table_or_a_note():
    html, found = footer.snippet("京ICP备12345678号-1", "11000002000001", psb_prefixes={"11": "京"})
    assert ">京公网安备 11000002000001号<" in html and not found
    html, found = footer.snippet("京ICP备12345678号-1", "51010702000123", psb_prefixes={"11": "京"})
    assert ">公网安备 51010702000123号<" in html
    assert [f.code for f in found] == ["footer.psb_prefix_missing"]


def test_everything_is_escaped():
    html, _ = footer.snippet("京ICP备12345678号-1", link='https://example.com/"><script>x</script>')
    assert "<script>" not in html and "&quot;&gt;&lt;script&gt;" in html


def test_invalid_numbers_give_no_snippet():
    bad = icp_number.check("ICP备123号")
    assert footer.snippet("ICP备123号", icp_findings=bad) == (None, [])
    assert footer.snippet(None) == (None, [])
    html, _ = footer.snippet("京ICP备12345678号-1", "1", psb_findings=psb_number.check("1"))
    assert "公网安备" not in html
