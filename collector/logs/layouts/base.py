"""One kind of log file: which columns follow an entry's timestamp, whether NLog frames the file
with a header and a footer, how its bytes are encoded."""

from __future__ import annotations

from dataclasses import dataclass

SEP = " | "  # NLog's column separator in every layout of the program


@dataclass(frozen=True)
class Fields:
    """The columns of one entry, as written (the message may span lines)."""

    time: str
    level: str = ""
    callsite: str = ""
    message: str = ""
    exception: str = ""


@dataclass(frozen=True)
class Layout:
    kind: str  # trace | error | egais | performace | ua_prro | crpt | backup | other
    columns: tuple[str, ...]  # after the timestamp: level, callsite, message, exception
    framed: bool = True  # NLog header "NLog Starting" when the file starts, footer at close
    encoding: str = "utf-8"

    @property
    def has_level(self) -> bool:
        return "level" in self.columns

    @property
    def has_callsite(self) -> bool:
        return "callsite" in self.columns

    def split(self, entry: str) -> Fields:
        """The columns of an entry's text (its first line and the lines that follow it).

        The columns before the message never hold the separator; the message may (a JSON
        message, a user's text), so the exception column is what follows the *last* separator.
        """
        text = entry.rstrip("\r\n")
        before = self.columns.index("message") if "message" in self.columns else 0
        parts = text.split(SEP, before + 1)
        while len(parts) < before + 2:
            parts.append("")
        head, rest = parts[: before + 1], parts[before + 1]
        values = dict(zip(("time", *self.columns[:before]), (p.strip() for p in head),
                          strict=True))
        if "exception" in self.columns:
            message, sep, exception = rest.rpartition(SEP)
            if not sep:  # the separator's trailing space trimmed, or the line cut short
                message, exception = rest.rstrip().removesuffix("|").rstrip(), ""
            values["message"], values["exception"] = message, exception.strip()
        else:
            values["message"] = rest.removesuffix(" ")  # the layout ends "${message} "
        return Fields(**values)
