"""What a Content-Security-Policy without 'unsafe-inline' forbids in HTML: inline scripts, <style>
elements, style="" attributes, on*= handlers, htmx's hx-on (evaluated code) and javascript: URLs."""

from html.parser import HTMLParser

DATA_SCRIPT_TYPES = {"application/json", "application/ld+json"}


class InlineCodeFinder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.offences: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "style":
            self.offences.append("<style> element")
        script_type = (attributes.get("type") or "").lower()
        if tag == "script" and not attributes.get("src") and script_type not in DATA_SCRIPT_TYPES:
            self.offences.append("inline <script>")
        for name, value in attrs:
            if name == "style":
                self.offences.append(f'<{tag} style="{value}">')
            elif name.startswith("on") or name.startswith(("hx-on", "data-hx-on")):
                self.offences.append(f"<{tag} {name}=...> handler")
            elif (value or "").strip().lower().startswith("javascript:"):
                self.offences.append(f"<{tag} {name}={value!r}>")


def inline_code(html: str) -> list[str]:
    finder = InlineCodeFinder()
    finder.feed(html)
    finder.close()
    return finder.offences
