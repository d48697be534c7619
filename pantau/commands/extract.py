"""``pantau extract INPUT.jsonl -o OUTPUT.jsonl``: analyse a file of texts (no archive).

Input: one JSON object a line with ``id`` and ``text``, optional ``title``, ``url``,
``published`` (ISO date), ``author``, ``default_region``. Output: one object a line, same
``id``, in the shape of ``shared/eval/README.md`` plus evidence (see ``nlp.extract``).

Bad lines (not JSON, not an object, no ``id``, a missing or empty ``text``, a text over
``MAX_TEXT_CHARS``, bytes that are not UTF-8, a malformed ``published``) are reported with
their line number and skipped; every good line is still written. With ``--strict`` the
first bad line stops the command (exit 2) before anything is written. The output appears
whole or not at all (``pantau.atomic``): a killed run leaves the previous output untouched.
"""

from __future__ import annotations

from pathlib import Path

import typer

from pantau.errors import InvalidInput

# spaCy's default Language.max_length: longer texts are refused rather than half-read
MAX_TEXT_CHARS = 1_000_000


def _item(obj):
    from nlp.runner import Item, as_date

    if not isinstance(obj, dict):
        raise ValueError("not a JSON object")
    text = obj.get("text")
    if text is None:
        raise ValueError('no "text"')
    if not isinstance(text, str):
        raise ValueError(f'"text" is a {type(text).__name__}, not a string')
    if not text.strip():
        raise ValueError('empty "text"')
    if len(text) > MAX_TEXT_CHARS:
        raise ValueError(f'"text" has {len(text):,} characters; at most {MAX_TEXT_CHARS:,} are analysed')
    if obj.get("id") in (None, ""):
        raise ValueError('no "id"')
    return Item(id=str(obj["id"]), text=text, title=obj.get("title"),
                published=as_date(obj.get("published")), url=obj.get("url"),
                default_region=obj.get("default_region"), author=obj.get("author"))


def read_items(path: Path, strict: bool = False) -> tuple[list, list[str]]:
    """The items of a JSONL file and its bad lines, each as ``path:number: reason``
    (``strict``: raise InvalidInput at the first bad line)."""
    import json

    items, problems = [], []
    try:
        fh = path.open("rb")
    except OSError as exc:
        raise InvalidInput(f"cannot read {path}: {exc.strerror or exc}") from exc
    with fh:
        for number, raw in enumerate(fh, 1):
            try:
                try:
                    line = raw.decode("utf-8")
                except UnicodeDecodeError as exc:
                    raise ValueError(f"not UTF-8 (byte 0x{raw[exc.start]:02x} at column {exc.start + 1})") \
                        from None
                if not line.strip():
                    continue
                items.append(_item(json.loads(line)))
            except (ValueError, RecursionError) as exc:  # JSONDecodeError is a ValueError
                problem = f"{path}:{number}: {exc}"
                if strict:
                    raise InvalidInput(f"{problem} (--strict: nothing written)") from None
                problems.append(problem)
    return items, problems


def _write_cases(files, cases_path: Path, input_path: Path, outputs: dict, err) -> None:
    import json

    from pantau.cases import contract_row
    from pantau.commands.case_run import cases_for

    lines = [line for line in _lines(input_path) if str(line.get("id")) in outputs]
    found = cases_for(lines, outputs)
    with files.open(cases_path) as out:
        for case in found:
            out.write((json.dumps(contract_row(case), ensure_ascii=False) + "\n").encode("utf-8"))
    err.print(f"cases: {len(found)} cases written to {cases_path}")


def _lines(path: Path):
    import json

    with path.open("rb") as fh:
        for raw in fh:
            try:
                obj = json.loads(raw.decode("utf-8"))
            except (ValueError, UnicodeDecodeError):
                continue
            if isinstance(obj, dict):
                yield obj


def extract(
    input_path: Path = typer.Argument(..., exists=True, dir_okay=False, metavar="INPUT.jsonl",
                                      help="One JSON object a line: id, text, title, url, published."),
    output: Path = typer.Option(..., "-o", "--output", dir_okay=False,
                                help="Where to write one JSON object a line."),
    strict: bool = typer.Option(False, "--strict",
                                help="Stop at the first bad input line (exit 2, nothing written) "
                                     "instead of reporting and skipping it."),
    skip_errors: bool = typer.Option(False, "--skip-errors", hidden=True,
                                     help="Accepted for compatibility: skipping is the default."),
    batch_size: int = typer.Option(64, "--batch-size", min=1, help="Articles per pipeline batch."),
    cases_path: Path | None = typer.Option(
        None, "--cases", dir_okay=False, metavar="CASES.jsonl",
        help="Also run the case stage over these articles and write one case a line "
             "(shared/eval/README.md); an input line may name its outlet in `source`."),
) -> None:
    """Analyse a JSONL file of texts and write what the pipeline finds in each; bad lines
    are reported with their number and skipped (unless --strict)."""
    import json

    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from pantau.atomic import AtomicFiles

    if strict and skip_errors:
        raise InvalidInput("--strict and --skip-errors contradict each other")
    items, problems = read_items(input_path, strict)
    if cases_path is not None and cases_path.resolve() == output.resolve():
        raise InvalidInput("--cases must name another file than -o")
    for problem in problems:  # one plain line each, whatever the terminal's width
        typer.echo(f"bad line, skipped: {problem}", err=True)
    err = Console(stderr=True)

    from nlp.runner import analyze

    outputs: dict[str, dict] = {}
    targets = [output] + ([cases_path] if cases_path is not None else [])
    with AtomicFiles(targets) as files:
        with files.open(output) as out, Progress(
                TextColumn("extract"), BarColumn(), MofNCompleteColumn(), console=err) as progress:
            task = progress.add_task("extract", total=len(items))
            for result in analyze(items, batch_size=batch_size):
                out.write((json.dumps(result.output, ensure_ascii=False) + "\n").encode("utf-8"))
                if cases_path is not None:
                    outputs[result.output["id"]] = result.output
                progress.advance(task)
        if cases_path is not None:
            _write_cases(files, cases_path, input_path, outputs, err)
    err.print(f"extract: {len(items)} articles written to {output}"
              + (f"; {len(problems)} bad lines skipped (listed above)" if problems else ""))
