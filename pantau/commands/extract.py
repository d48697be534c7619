"""``pantau extract INPUT.jsonl -o OUTPUT.jsonl``: analyse a file of texts (no archive).

Input: one JSON object a line with ``id`` and ``text``, optional ``title``, ``url``,
``published`` (ISO date), ``author``, ``default_region``. Output: one object a line, same
``id``, in the shape of ``shared/eval/README.md`` plus evidence (see ``nlp.extract``).
"""

from __future__ import annotations

from pathlib import Path

import typer

from pantau.errors import InvalidInput


def read_items(path: Path, skip_errors: bool) -> tuple[list, list[str]]:
    """The items of a JSONL file and the problems found (raises unless ``skip_errors``)."""
    import json

    from nlp.runner import Item, as_date

    items, problems = [], []
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
                if not isinstance(obj, dict):
                    raise ValueError("not a JSON object")
                if not isinstance(obj.get("text"), str) or not obj["text"].strip():
                    raise ValueError('no "text"')
                if obj.get("id") in (None, ""):
                    raise ValueError('no "id"')
                items.append(Item(
                    id=str(obj["id"]), text=obj["text"], title=obj.get("title"),
                    published=as_date(obj.get("published")), url=obj.get("url"),
                    default_region=obj.get("default_region"), author=obj.get("author")))
            except ValueError as exc:  # JSONDecodeError is a ValueError
                problem = f"{path}:{number}: {exc}"
                if not skip_errors:
                    raise InvalidInput(f"{problem} (use --skip-errors to skip bad lines)") from exc
                problems.append(problem)
    return items, problems


def extract(
    input_path: Path = typer.Argument(..., exists=True, dir_okay=False, metavar="INPUT.jsonl",
                                      help="One JSON object a line: id, text, title, url, published."),
    output: Path = typer.Option(..., "-o", "--output", dir_okay=False,
                                help="Where to write one JSON object a line."),
    skip_errors: bool = typer.Option(False, "--skip-errors",
                                     help="Report and skip bad input lines instead of stopping."),
    batch_size: int = typer.Option(64, "--batch-size", min=1, help="Articles per pipeline batch."),
) -> None:
    """Analyse a JSONL file of texts and write what the pipeline finds in each."""
    import json

    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    items, problems = read_items(input_path, skip_errors)
    err = Console(stderr=True)
    for problem in problems:
        err.print(f"[yellow]skipped[/] {problem}")

    from nlp.runner import analyze

    tmp = output.with_name(output.name + ".part")
    with tmp.open("w", encoding="utf-8") as out, Progress(
            TextColumn("extract"), BarColumn(), MofNCompleteColumn(), console=err) as progress:
        task = progress.add_task("extract", total=len(items))
        for result in analyze(items, batch_size=batch_size):
            out.write(json.dumps(result.output, ensure_ascii=False) + "\n")
            progress.advance(task)
    tmp.replace(output)
    err.print(f"extract: {len(items)} articles written to {output}"
              + (f", {len(problems)} bad lines skipped" if problems else ""))
