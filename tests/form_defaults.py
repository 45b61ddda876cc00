"""What a browser would send for a form left as it is shown: every field's initial value."""

from html.parser import HTMLParser


class _FormDefaults(HTMLParser):
    def __init__(self, form_id: str | None):
        super().__init__()
        self.form_id = form_id
        self.in_main = False
        self.in_form = False
        self.done = False
        self.select = None
        self.first_option = None
        self.textarea = None
        self.data: dict[str, list[str]] = {}

    def _add(self, name, value):
        self.data.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "main":
            self.in_main = True  # the header's forms (log out, language) are not the page's
        if tag == "form" and self.in_main and not self.done and attrs.get("method") == "post":
            self.in_form = self.form_id is None or attrs.get("id") == self.form_id
        if not self.in_form:
            return
        name = attrs.get("name")
        if tag == "input" and name and "disabled" not in attrs:
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self._add(name, attrs.get("value", "on"))
            elif kind not in ("submit", "button", "file"):
                self._add(name, attrs.get("value", ""))
        elif tag == "select" and name:
            self.select, self.first_option = name, None
        elif tag == "option" and self.select:
            value = attrs.get("value", "")
            if self.first_option is None:
                self.first_option = value
            if "selected" in attrs:
                self._add(self.select, value)
        elif tag == "textarea" and name:
            self.textarea = name
            self._add(name, "")

    def handle_data(self, data):
        if self.textarea:
            self.data[self.textarea][-1] += data

    def handle_endtag(self, tag):
        if tag == "select" and self.select:
            if self.select not in self.data and self.first_option is not None:
                self._add(self.select, self.first_option)  # a browser sends the first option
            self.select = None
        elif tag == "textarea":
            self.textarea = None
        elif tag == "form" and self.in_form:
            self.in_form, self.done = False, True


def form_defaults(html: str, form_id: str | None = None) -> dict[str, list[str]]:
    """The data of the page's first POST form in <main> (or the one with `form_id`), as a
    browser sends it when nothing is changed."""
    parser = _FormDefaults(form_id)
    parser.feed(html)
    return parser.data
