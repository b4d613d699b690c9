"""Active content out of an uploaded PDF before it is stored (issue 14).

A CV goes to employers, and a PDF can carry more than text: JavaScript (in the document's
name tree, as the action on opening, or on a page, a link or a form field), actions that
start a program or open another file, embedded files, rich media, XFA forms. None of that
belongs in a CV. The PDF is read with pypdf in a child process with memory, CPU and time
limits (hallowerk/bounded_child.py); every such part is removed and the cleaned copy is what
we store. A PDF with none of it is stored byte for byte as it came. A PDF we cannot read or
that is locked with a password is refused: we cannot tell whether it is safe.

The child runs this file as a script (the PDF on stdin, JSON on stdout), so its top level
needs only pypdf.
"""

import base64
import io
import json
import sys

# Keys whose value is active content wherever they appear (catalog, page, annotation, field).
ACTIVE_KEYS = {
    "/JavaScript": "javascript",   # the document-level JavaScript name tree
    "/JS": "javascript",
    "/AA": "automatic_action",      # "additional actions": run on open, close, focus, print …
    "/EmbeddedFiles": "embedded_file",
    "/EF": "embedded_file",         # the file stream of a file specification
    "/RichMediaContent": "rich_media",
    "/RichMediaSettings": "rich_media",
    "/XFA": "xfa_form",
}
# Actions (/A, or an entry of /Next) that run code, start a program, send data or fetch
# another document. Links to a web page (/URI) and within the document (/GoTo) stay.
ACTIVE_ACTIONS = {
    "/JavaScript": "javascript", "/Launch": "launch", "/ImportData": "form_action",
    "/SubmitForm": "form_action", "/ResetForm": "form_action", "/GoToR": "other_file",
    "/GoToE": "other_file", "/Rendition": "rich_media", "/RichMediaExecute": "rich_media",
    "/Movie": "rich_media", "/Sound": "rich_media", "/Hide": "form_action",
}
ACTIVE_ANNOTATIONS = {
    "/FileAttachment": "embedded_file", "/RichMedia": "rich_media", "/Screen": "rich_media",
    "/Movie": "rich_media", "/Sound": "rich_media", "/3D": "rich_media",
}
# A CV has a few hundred objects; far more is a file built to keep a reader busy.
MAX_OBJECTS = 200_000


class PdfNotCleaned(Exception):
    """The PDF could not be read or cleaned; `reason` is "locked" or "unreadable"."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class _Cleaner:
    def __init__(self):
        self.removed: set[str] = set()
        self.seen: set[int] = set()

    def _active_action(self, value) -> str | None:
        from pypdf.generic import DictionaryObject

        value = value.get_object()
        if isinstance(value, DictionaryObject):
            return ACTIVE_ACTIONS.get(value.get("/S"))
        return None

    def _active_annotation(self, value) -> str | None:
        from pypdf.generic import DictionaryObject

        value = value.get_object()
        if isinstance(value, DictionaryObject):
            return ACTIVE_ANNOTATIONS.get(value.get("/Subtype"))
        return None

    def visit(self, node) -> None:
        from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

        stack = [node]
        while stack:
            item = stack.pop()
            if isinstance(item, IndirectObject):
                if item.idnum in self.seen:
                    continue
                self.seen.add(item.idnum)
                if len(self.seen) > MAX_OBJECTS:
                    raise PdfNotCleaned("unreadable")
                item = item.get_object()
            if isinstance(item, DictionaryObject):
                for key in list(item.keys()):
                    kind = ACTIVE_KEYS.get(key)
                    # /OpenAction may also be a plain destination ("open at page 1"): it stays.
                    if kind is None and key in ("/A", "/Next", "/OpenAction"):
                        kind = self._active_action(item[key])
                    if kind is not None:
                        del item[key]
                        self.removed.add(kind)
                    else:
                        stack.append(item.raw_get(key))
            elif isinstance(item, ArrayObject):
                for index in reversed(range(len(item))):
                    kind = self._active_action(item[index]) or self._active_annotation(item[index])
                    if kind is not None:
                        del item[index]
                        self.removed.add(kind)
                    else:
                        stack.append(item[index])


def _drop_unreachable(writer, cleaner: _Cleaner) -> None:
    """What no longer hangs off the document (a removed script, an embedded file and its
    file specification) would otherwise still be written. pypdf's own
    compress_identical_objects(remove_unreferenced=True) keeps an object that only a removed
    object refers to, so we keep exactly what the walk from the catalog reached (and the
    document information)."""
    keep = set(cleaner.seen)
    for reference in (writer.root_object.indirect_reference,
                      getattr(writer._info, "indirect_reference", None)):
        if reference is not None:
            keep.add(reference.idnum)
    if writer._info is not None:
        cleaner.visit(writer._info)  # its references, cleaned like the rest
        keep |= cleaner.seen
    for index in range(len(writer._objects)):  # pypdf's object table (pinned version)
        if index + 1 not in keep:
            writer._objects[index] = None


def clean(data: bytes) -> tuple[bytes, list[str]]:
    """(the PDF without active content, what kinds were removed); in this process."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise PdfNotCleaned("locked")
        writer = PdfWriter(clone_from=reader)
        cleaner = _Cleaner()
        cleaner.visit(writer.root_object)
        if not cleaner.removed:
            return data, []
        _drop_unreachable(writer, cleaner)
        buffer = io.BytesIO()
        writer.write(buffer)
    except PdfNotCleaned:
        raise
    except (PdfReadError, ValueError, TypeError, KeyError, AttributeError, OSError,
            RecursionError, NotImplementedError) as error:
        raise PdfNotCleaned("unreadable") from error
    return buffer.getvalue(), sorted(cleaner.removed)


def pdf_clean(data: bytes) -> tuple[bytes, list[str]]:
    """(what to store, what kinds of active content were removed), read within limits;
    PdfNotCleaned when the PDF cannot be read or is locked."""
    from hallowerk.bounded_child import ChildFailed, run_bounded

    try:
        answer = json.loads(run_bounded(__file__, [], data))
    except (ChildFailed, ValueError) as error:
        raise PdfNotCleaned("unreadable") from error
    if answer.get("refused"):
        raise PdfNotCleaned(answer["refused"])
    cleaned = base64.b64decode(answer["pdf"]) if answer["removed"] else data
    return cleaned, answer["removed"]


if __name__ == "__main__":  # the child: within hallowerk.bounded_child's limits
    try:
        output, removed = clean(sys.stdin.buffer.read())
        answer = {"removed": removed,
                  "pdf": base64.b64encode(output).decode() if removed else None}
    except PdfNotCleaned as refusal:
        answer = {"refused": refusal.reason}
    sys.stdout.write(json.dumps(answer))
