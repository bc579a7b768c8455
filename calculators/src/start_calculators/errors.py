"""The one error type for bad input: it names the file, row and column and what was expected."""


def _shorten(value, limit=40):
    """A printable, bounded excerpt of a bad value, so a message stays on one short line."""
    text = str(value)
    text = "".join(ch if ch.isprintable() else "?" for ch in text)
    return text if len(text) <= limit else text[: limit - 3] + "..."


class InputError(ValueError):
    """Input the calculators cannot use.

    str() reads like: sample.csv, row 4, column "nation_employment": expected a number, got "(D)".
    Rows count the way a spreadsheet shows them: the header is row 1 in a CSV file, and the first
    entry is row 1 in a JSON list of rows.
    """

    def __init__(self, message, file=None, row=None, column=None, expected=None):
        super().__init__(message)
        self.message = message
        self.file = file
        self.row = row
        self.column = column
        self.expected = expected

    @classmethod
    def bad_value(cls, expected, got, file=None, row=None, column=None):
        """The common case: a cell that should hold `expected` holds `got`."""
        message = f'expected {expected}, got "{_shorten(got)}"'
        return cls(message, file=file, row=row, column=column, expected=expected)

    def where(self):
        parts = []
        if self.file:
            parts.append(_shorten(self.file, 80))
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column is not None:
            parts.append(f'column "{_shorten(self.column)}"')
        return ", ".join(parts)

    def __str__(self):
        where = self.where()
        message = " ".join(str(self.message).split())  # always one line
        return f"{where}: {message}" if where else message

    def to_dict(self):
        return {
            "message": str(self),
            "file": self.file,
            "row": self.row,
            "column": self.column,
            "expected": self.expected,
        }
