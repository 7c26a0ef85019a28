"""Each kind of mistake in province_data/messages.yaml, made in a copy of the
real data, must be reported with the file, line and field, and stop the build."""
from tests.generator.test_data_errors import assert_reported, data, edit  # noqa: F401  (data is a fixture)

MESSAGES = "messages.yaml"
# An entry with one placeholder in each language, to break in several ways.
ENTRY = '''  uscc.format:
    severity: error
    en: "A Unified Social Credit Code uses only digits'''


def test_missing_zh(data):
    edit(data / MESSAGES, '    zh: "请填写统一社会信用代码。"\n', "")
    assert_reported(data, MESSAGES, "messages.uscc.empty.zh", "required field is missing")


def test_blank_text(data):
    edit(data / MESSAGES, 'en: "Please enter the Unified Social Credit Code."', 'en: "  "')
    assert_reported(data, MESSAGES, "messages.uscc.empty.en", "the en text is blank")


def test_placeholder_not_declared(data):
    edit(data / MESSAGES, "不使用 I、O、S、V、Z；发现不允许的字符：{chars}。", "不使用 I、O、S、V、Z；发现{count}个不允许的字符：{chars}。")
    problem = assert_reported(data, MESSAGES, "messages.uscc.format.zh", "{count}, which params does not declare")
    assert "add count to params" in problem.message


def test_declared_param_not_used(data):
    edit(data / MESSAGES, "    params: [chars]\n", "    params: [chars, count]\n")
    found = assert_reported(data, MESSAGES, "messages.uscc.format.params", "declares count")
    assert "remove it from params" in found.message


def test_placeholder_in_one_language_only(data):
    edit(data / MESSAGES, "(no I, O, S, V or Z); found: {chars}.", "(no I, O, S, V or Z).")
    assert_reported(data, MESSAGES, "messages.uscc.format.params", "the en text has no {chars}")


def test_broken_template(data):
    edit(data / MESSAGES, "found: {chars}.", "found: {chars.")
    assert_reported(data, MESSAGES, "messages.uscc.format.en", "not a valid template")


def test_bad_severity(data):
    edit(data / MESSAGES, ENTRY, ENTRY.replace("severity: error", "severity: fatal"))
    assert_reported(data, MESSAGES, "messages.uscc.format.severity", "use one of: error, warning, info")


def test_bad_code(data):
    edit(data / MESSAGES, "  uscc.format:\n", "  USCC-Format:\n")
    assert_reported(data, MESSAGES, "messages.USCC-Format", "must have the form <module>.<what>")


def test_code_without_module(data):
    edit(data / MESSAGES, "  uscc.format:\n", "  uscc_format:\n")
    assert_reported(data, MESSAGES, "messages.uscc_format", "must have the form <module>.<what>")


def test_zh_not_translated(data):
    edit(data / MESSAGES, 'zh: "请填写统一社会信用代码。"', 'zh: "Please enter the code."')
    assert_reported(data, MESSAGES, "messages.uscc.empty.zh", "no Chinese characters")


def test_phrase_with_a_message_code(data):
    edit(data / MESSAGES, "  input_hint.text:\n", "  uscc.checksum:\n")
    assert_reported(data, MESSAGES, "phrases.uscc.checksum", "also a message code")


def test_limit_for_a_module_without_codes(data):
    edit(data / MESSAGES, "footer: 160}", "footer: 160, fotter: 160}")
    assert_reported(data, MESSAGES, "param_chars.modules.fotter", "no message or phrase code starts with")


def test_labels_need_the_list_separator(data):
    edit(data / "labels.yaml", '  list_sep: {en: ", ", zh: "、"}\n', "")
    assert_reported(data, "labels.yaml", "punctuation.list_sep", "required field is missing")
