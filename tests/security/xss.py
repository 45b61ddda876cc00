"""Finding executable markup in a page: parsed with html.parser, not searched as text."""

from html.parser import HTMLParser

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster"}


class _ExecutableMarkup(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self._script = None

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}={value!r}>")
            elif name in URL_ATTRIBUTES and value:
                address = "".join(value.split()).lower()
                if address.startswith(("javascript:", "vbscript:", "data:text/html")):
                    self.problems.append(f"<{tag} {name}={value!r}>")
        if tag == "script":
            self._script = ""

    handle_startendtag = handle_starttag

    def handle_data(self, data):
        if self._script is not None:
            self._script += data

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            if "alert(" in self._script:
                self.problems.append(f"<script>{self._script[:60]}</script>")
            self._script = None


def executable_markup(html: str) -> list[str]:
    """The event-handler attributes, javascript: addresses and scripts with the payload's
    alert( found in `html`."""
    parser = _ExecutableMarkup()
    parser.feed(html)
    parser.close()
    return parser.problems


TEXT_INPUTS = {"text", "search", ""}


class _PostForms(HTMLParser):
    """The POST forms of a page: their action and the values a browser would send."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[dict] = []
        self._form = None
        self._textarea = None
        self._select = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and (a.get("method") or "").lower() == "post":
            self._form = {"action": a.get("action") or "", "fields": [], "texts": {}}
            self.forms.append(self._form)
        if self._form is None:
            return
        form = self._form
        name = a.get("name")
        if tag == "input" and name:
            kind = (a.get("type") or "").lower()
            if kind in ("checkbox", "radio"):
                if "checked" in a:
                    form["fields"].append((name, a.get("value") or "on"))
            elif kind not in ("submit", "button", "file", "image", "reset"):
                form["fields"].append((name, a.get("value") or ""))
                if kind in TEXT_INPUTS:
                    form["texts"][name] = int(a.get("maxlength") or 0)
        elif tag == "textarea" and name:
            self._textarea = name
            form["fields"].append((name, ""))
            form["texts"][name] = int(a.get("maxlength") or 0)
        elif tag == "select" and name:
            self._select = {"name": name, "first": None, "chosen": []}
        elif tag == "option" and self._select is not None:
            value = a.get("value", "")
            if self._select["first"] is None and value:
                self._select["first"] = value
            if "selected" in a:
                self._select["chosen"].append(value)

    def handle_data(self, data):
        if self._textarea and self._form:
            name, value = self._form["fields"][-1]
            self._form["fields"][-1] = (name, value + data)

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        elif tag == "select" and self._select is not None and self._form is not None:
            chosen = self._select["chosen"] or [self._select["first"] or ""]
            self._form["fields"] += [(self._select["name"], value) for value in chosen]
            self._select = None
        elif tag == "form":
            self._form = None


def post_forms(html: str) -> list[dict]:
    """[{"action": …, "fields": [(name, value), …], "texts": {text field: maxlength}}, …]"""
    parser = _PostForms()
    parser.feed(html)
    parser.close()
    return parser.forms
