"""The `summarise` command line: run, eval, gold-check. Errors become one line on stderr."""

from __future__ import annotations

import json
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import click
import typer
from rich.console import Console
from rich.table import Table

from .errors import InputError, InternalError, RegressionError, SummariserError


class _Command(typer.core.TyperCommand):
    """Help as a user reads it: `INPUT...` not `{inputs}...`, `PATH` not `<path>`, and no
    type at all for on/off flags (typer would print `<bool>`, `<list[str]>`)."""

    def get_params(self, ctx: click.Context) -> list:
        params = super().get_params(ctx)
        for param in params:
            if param.metavar is not None:
                continue
            if isinstance(param, typer.core.TyperArgument):
                name = "INPUT" if param.name == "inputs" else param.name.upper()
                param.metavar = name + ("..." if param.nargs != 1 else "")
                param.display_type_rich = lambda ctx: None
            elif getattr(param, "is_flag", False):
                param.metavar = ""
            else:
                param.metavar = _METAVARS.get(param.name, param.name.upper())
        return params

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        pieces += [param.metavar for param in self.get_params(ctx) if isinstance(param, typer.core.TyperArgument)]
        return pieces


_METAVARS = {"out": "PATH", "model": "DIR|FILE.gguf", "backend": "NAME", "device": "auto|cpu|cuda",
             "quantize": "int8", "batch_size": "N", "glob": "PATTERN", "text_column": "NAME",
             "id_column": "NAME", "shard": "K/N", "timeout": "SECONDS", "gold": "GOLD.jsonl",
             "articles": "DIR", "predictions": "FILE", "baseline": "FILE", "tolerance": "X",
             "title": "TEXT", "threshold": "X", "limit": "N", "threads": "N", "which": "line|brief",
             "format": "csv|parquet|acled|ucdp", "date_column": "NAME", "keep_columns": "A,B,...",
             "adapter": "DIR|none", "seed": "N", "epochs": "N", "rank": "N", "lr": "X", "layers": "N",
             "orders": "N", "choice": "greedy|loglik|loglik-norm|loglik-pmi", "shots": "N",
             "model_decides": "KINDS", "variants": "CHOICE:SHOTS,...", "min_decisions": "N"}  # fmt: skip


app = typer.Typer(
    help="Grounded briefs (who, where, toll, attribution) of news articles about violent events.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, soft_wrap=True)  # a message is one line, whatever the width: scripts grep it

ModelOption = Annotated[
    str | None,
    typer.Option("--model", help="Local HF model directory or .gguf file (default: SmolLM2-135M-Instruct)."),
]
BackendOption = Annotated[
    str,
    typer.Option(
        "--backend",
        help="transformers (the model chooses), rules (no model), llamacpp (optional extra), regex, single-pass.",
    ),
]
DeviceOption = Annotated[str, typer.Option("--device", help="auto, cpu or cuda.")]
AdapterOption = Annotated[
    str,
    typer.Option(
        "--adapter",
        help="LoRA adapter directory from `summarise train`; none: no adapter "
        "(default: the adapter shipped for the default model, if any).",
    ),
]
ChoiceOption = Annotated[
    str | None,
    typer.Option(
        "--choice",
        help="How the model picks an option: greedy (first-token walk of the grammar), loglik (whole "
        "option, total log-likelihood), loglik-norm (per token), loglik-pmi (less its likelihood without "
        "the article); default: the model's policy.",
    ),
]
ShotsOption = Annotated[
    int | None,
    typer.Option("--shots", min=0, help="Labelled examples in each decision prompt (0-3); default: the policy."),
]
ModelDecidesOption = Annotated[
    str | None,
    typer.Option(
        "--model-decides",
        help="Decision kinds the model takes, comma-separated (category, source, role, place_type, "
        "source_type; '' for none); default: the policy.",
    ),
]
QuantizeOption = Annotated[
    str | None,
    typer.Option("--quantize", help="int8: dynamic int8 linear layers on the CPU (faster; decisions may change)."),
]


def _plain(message: str) -> str:
    """One line of printable text: control characters and line breaks of hostile ids and
    file names are shown escaped, so an error is always one line."""
    return "".join(c if c.isprintable() or c == " " else ascii(c)[1:-1] for c in message)


def warn_plain(message: str) -> None:
    err.print(_plain(message), highlight=False, markup=False)


def _fail(exc: SummariserError) -> None:
    from rich.markup import escape

    # the message is plain text: "[llamacpp]" or a file name in brackets must print as written
    err.print(f"[red]error:[/red] {escape(_plain(str(exc)))}", highlight=False, soft_wrap=True)
    raise typer.Exit(exc.exit_code)


@app.command(cls=_Command)
def run(
    inputs: Annotated[
        list[str],
        typer.Argument(help=".txt/.html file, directory, .jsonl/.csv/.parquet file, saved HF dataset, or - (stdin)."),
    ],
    out: Annotated[Path | None, typer.Option("--out", help="JSONL output (default stdout). Re-runs resume.")] = None,
    model: ModelOption = None,
    backend: BackendOption = "transformers",
    device: DeviceOption = "auto",
    quantize: QuantizeOption = None,
    adapter: AdapterOption = "default",
    batch_size: Annotated[
        int,
        typer.Option("--batch-size", min=1, help="Articles decoded together (1 is fastest on a CPU; try 8+ on a GPU)."),
    ] = 1,
    glob: Annotated[str, typer.Option("--glob", help="Files to take from a directory; '**/*.txt' recurses.")] = "*.txt",
    text_column: Annotated[str, typer.Option("--text-column", help="Text field of JSONL/CSV/Parquet.")] = "text",
    id_column: Annotated[str, typer.Option("--id-column", help="Id field of JSONL/CSV/Parquet.")] = "id",
    date_column: Annotated[
        str | None,
        typer.Option("--date-column", help="Publication-date field of JSONL/CSV/Parquet: resolves 'on Thursday'."),
    ] = None,
    keep_columns: Annotated[
        str | None,
        typer.Option("--keep-columns", help="Comma-separated input fields copied to each line's meta (url,title)."),
    ] = None,
    shard: Annotated[str | None, typer.Option("--shard", help="K/N: process a deterministic 1/N of the ids.")] = None,
    timeout: Annotated[float | None, typer.Option("--timeout", help="Seconds per article before it fails.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", help="No progress or summary on stderr.")] = False,
    choice: ChoiceOption = None,
    shots: ShotsOption = None,
    model_decides: ModelDecidesOption = None,
) -> None:
    """Summarise articles into one JSON brief per line."""
    from .api import Summariser
    from .inputs import Columns, count_inputs, read_inputs
    from .output import BriefsOutput
    from .runner import parse_shard, parse_timeout, run_articles

    def warn(message: str) -> None:
        err.print(f"warning: {_plain(message)}", highlight=False, markup=False)

    output = None
    try:
        # everything a user can get wrong fails here, in one line, before the model loads
        shard_spec = parse_shard(shard)
        timeout = parse_timeout(timeout)
        keep = tuple(dict.fromkeys(name.strip() for name in (keep_columns or "").split(",") if name.strip()))
        columns = Columns(date=date_column or None, keep=keep)
        articles = read_inputs(inputs, glob=glob, text_column=text_column, id_column=id_column, columns=columns)
        articles = _peek(articles)  # a missing path fails before the model loads
        output = BriefsOutput(out, warn)  # a directory, read-only, full, locked, not ours
        summariser = Summariser(
            model=model,
            backend=backend,
            device=device,
            quantize=quantize,
            progress=None if quiet else warn_plain,
            adapter=adapter,
            **decision_overrides(choice, shots, model_decides),
        )
        total = None if quiet or shard_spec else count_inputs(inputs, glob)
        with _progress(quiet, total) as progress:
            tally = run_articles(
                summariser,
                articles,
                output,
                shard=shard_spec,
                timeout=timeout,
                progress=progress,
                warn=warn,
                batch_size=batch_size,
            )
    except SummariserError as exc:
        _fail(exc)
    except (typer.Exit, click.exceptions.ClickException, click.exceptions.Abort):
        raise
    except Exception as exc:  # never a traceback: a bug outside any one article still ends in one line
        _fail(InternalError.wrap(exc))
    finally:
        if output is not None:
            output.close()
    if not quiet:
        err.print(tally.line(), highlight=False)
    if tally.failed:
        raise typer.Exit(1)


def _peek(articles):
    import itertools

    first = next(articles, None)
    return iter(()) if first is None else itertools.chain([first], articles)


@contextmanager
def _progress(quiet: bool, total: int | None = None):
    """A live line on stderr (articles done of total, articles/min, ETA) when it is a terminal."""
    if quiet or not err.is_terminal:
        yield None
        return
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = [SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn()]
    with Progress(*columns, console=err, transient=True) as bar:
        task = bar.add_task("starting", total=total)
        started = time.perf_counter()

        def update(tally) -> None:
            minutes = max(time.perf_counter() - started, 1e-6) / 60
            handled = tally.done + tally.failed
            rate = handled / minutes
            remaining = (total - handled - tally.skipped) if total else None
            eta = f", ETA {remaining / rate:.1f} min" if remaining is not None and rate > 0 else ""
            bar.update(
                task,
                completed=handled + tally.skipped,
                description=f"{handled + tally.skipped}{'/' + str(total) if total else ''} articles "
                f"({tally.failed} failed, {tally.skipped} skipped), {rate:.1f}/min{eta}",
            )

        yield update


@app.command("eval", cls=_Command)
def eval_command(
    gold: Annotated[Path, typer.Option("--gold", help="Gold JSONL (GOLD_FORMAT.md).")],
    articles: Annotated[Path, typer.Option("--articles", help="Directory of <id>.txt articles.")],
    out: Annotated[Path, typer.Option("--out", help="Directory for metrics.json and predictions.jsonl.")],
    predictions: Annotated[Path | None, typer.Option("--predictions", help="Score these briefs; run no model.")] = None,
    baseline: Annotated[Path | None, typer.Option("--baseline", help="metrics.json to compare against.")] = None,
    tolerance: Annotated[float, typer.Option("--tolerance", help="Allowed F1 drop below the baseline.")] = 0.02,
    model: ModelOption = None,
    backend: BackendOption = "transformers",
    device: DeviceOption = "auto",
    quantize: QuantizeOption = None,
    adapter: AdapterOption = "default",
    model_decides: ModelDecidesOption = None,
    choice: ChoiceOption = None,
    shots: ShotsOption = None,
) -> None:
    """Score briefs against hand-labelled gold, per field and per article."""
    from .evaluation import evaluate, load_gold, read_predictions, run_predictions, table_rows
    from .scoring import compare_to_baseline

    try:
        gold_records, texts = load_gold(gold, articles)
        out.mkdir(parents=True, exist_ok=True)
        if predictions is not None:
            briefs, seconds = read_predictions(predictions), None
            (out / "predictions.jsonl").write_bytes(predictions.read_bytes())
        else:
            from .api import Summariser

            summariser = Summariser(
                model=model,
                backend=backend,
                device=device,
                quantize=quantize,
                progress=warn_plain,
                adapter=adapter,
                **decision_overrides(choice, shots, model_decides),
            )
            briefs, seconds = run_predictions(summariser, gold_records, texts, out / "predictions.jsonl")
        metrics = evaluate(gold_records, texts, briefs, seconds)
        metrics["backend"] = backend if predictions is None else "predictions"
        if predictions is None and summariser.adapter is not None:
            metrics["adapter"] = str(summariser.adapter)
        if predictions is None:
            from .evaluation import run_stats

            metrics["pipeline"] = run_stats(summariser)
            if summariser.generator is not None:
                options = summariser.options
                metrics["policy"] = {
                    "model_decides": sorted(options.model_decides),
                    "choice": options.choice,
                    "shots": options.shots,
                    "origin": summariser.policy.origin if summariser.policy else "caller's options",
                }
        (out / "metrics.json").write_text(json.dumps(metrics, indent=2) + "\n", "utf-8")
        _print_metrics(metrics, table_rows(metrics))
        if baseline is not None:
            problems = compare_to_baseline(metrics, json.loads(baseline.read_text("utf-8")), tolerance)
            if problems:
                raise RegressionError("regression against baseline: " + "; ".join(problems))
            err.print(f"no field more than {tolerance} below {baseline}", highlight=False)
    except SummariserError as exc:
        _fail(exc)


def decision_overrides(
    choice: str | None, shots: int | None, model_decides: str | None, flag: str = "--model-decides"
) -> dict:
    """The --choice/--shots/--model-decides values given, checked, as Summariser keywords."""
    from .answers import CHOICE_METHODS, few_shot_examples

    overrides: dict = {}
    if choice is not None:
        if choice not in CHOICE_METHODS:
            raise InputError(f"--choice takes {', '.join(CHOICE_METHODS)}, not {choice!r}")
        overrides["choice"] = choice
    if shots is not None:
        few_shot_examples(shots)  # more shots than examples fails here, before the model loads
        overrides["shots"] = shots
    if model_decides is not None:
        overrides["model_decides"] = decision_kinds(model_decides, flag)
    return overrides


def decision_kinds(text: str, flag: str) -> frozenset[str]:
    """The decision kinds of a comma-separated option value; an unknown kind is an InputError."""
    from .pipeline import DECISION_KINDS

    kinds = frozenset(k.strip() for k in text.split(",") if k.strip())
    if not kinds <= DECISION_KINDS:
        raise InputError(f"{flag} takes {', '.join(sorted(DECISION_KINDS))}, not {text!r}")
    return kinds


@app.command(cls=_Command)
def calibrate(
    gold: Annotated[
        list[Path],
        typer.Option("--gold", help="Gold JSONL to measure on (corpus train; repeatable: never a set you report)."),
    ],
    articles: Annotated[
        list[Path], typer.Option("--articles", help="Directory of <id>.txt articles, one per --gold, in order.")
    ],
    out: Annotated[
        Path | None,
        typer.Option("--out", help="Policy JSON to write (default: the user policy directory, where it is found)."),
    ] = None,
    model: ModelOption = None,
    device: DeviceOption = "auto",
    variants: Annotated[
        str,
        typer.Option("--variants", help="Choice methods and shots to measure, e.g. greedy:0,loglik:0,loglik:3."),
    ] = "greedy:0,greedy:3,loglik:0,loglik:3,loglik-norm:0,loglik-norm:3",
    min_decisions: Annotated[
        int, typer.Option("--min-decisions", min=0, help="Judged decisions a kind needs before the model takes it.")
    ] = 30,
    kinds: Annotated[
        str | None,
        typer.Option("--kinds", help="Decision kinds to measure, comma-separated (default: all)."),
    ] = None,
    adapter: AdapterOption = "default",
) -> None:
    """Measure each decision kind for a model against the rules on gold, and write its policy."""
    from .calibration import calibrate as measure_policy
    from .evaluation import load_gold_sets
    from .generate import load_generator
    from .policy import model_file, policy_name, user_policy_dir

    try:
        if len(gold) != len(articles):
            raise InputError(f"give one --articles per --gold ({len(gold)} --gold, {len(articles)} --articles)")
        pairs = []
        for item in variants.split(","):
            method, _, count = item.strip().partition(":")
            overrides = decision_overrides(method, int(count or 0), None)
            pairs.append((overrides["choice"], overrides.get("shots", 0)))
        measured = decision_kinds(kinds, "--kinds") if kinds else None
        gold_records, texts = load_gold_sets(list(zip(gold, articles, strict=True)))
        path = model_file(model)
        generator = load_generator(model, device, progress=warn_plain, adapter=adapter)
        policy = measure_policy(
            generator, path, gold, gold_records, texts, pairs, min_decisions,
            progress=lambda line: err.print(f"calibrate: {line}", highlight=False),
            **({"kinds": measured} if measured else {}),
        )  # fmt: skip
        measured_with = getattr(generator, "adapter", None)
        if measured_with is not None:  # the policy holds for the model with this adapter
            policy["adapter"] = measured_with.name
        target = out or user_policy_dir() / policy_name(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(policy, indent=2) + "\n", "utf-8")
    except ValueError as exc:
        _fail(InputError(f"--variants: {exc}"))
    except SummariserError as exc:
        _fail(exc)
    on = ", ".join(path.name for path in gold)
    table = Table(title=f"decisions of {policy['model']} against the rules on {on}")
    for column in ("choice", "shots", "kind", "decisions", "judged", "rules acc", "model acc", "decider", "ms/dec"):
        table.add_column(column)
    for variant in policy["variants"]:
        if "error" in variant:
            table.add_row(variant["choice"], str(variant["shots"]), "-", "-", "-", "-", "-", variant["error"][:60], "-")
        for kind, entry in variant["kinds"].items():
            table.add_row(
                variant["choice"], str(variant["shots"]), kind, str(entry["decisions"]), str(entry["judged"]),
                _rate(entry["rules_accuracy"]), _rate(entry["model_accuracy"]), entry["decider"],
                str(variant["ms_per_decision"]),
            )  # fmt: skip
    Console().print(table)
    decided = ", ".join(k for k, e in policy["kinds"].items() if e["decider"] == "model") or "nothing"
    err.print(
        f"wrote {target}: the model decides {decided} (choice {policy['choice']}, {policy['shots']} shots)",
        highlight=False,
    )


def _rate(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _print_metrics(metrics: dict, rows) -> None:
    console = Console()
    table = Table(title="per-field scores")
    for column in ("field", "precision", "recall", "F1"):
        table.add_column(column)
    for row in rows:
        table.add_row(*row)
    console.print(table)
    accuracy = {k: v for k, v in metrics["accuracy"].items() if k != "n"}
    grounding = {k: v for k, v in metrics["grounding"].items() if k != "n"}
    console.print(f"accuracy: { {k: (round(v, 3) if v is not None else None) for k, v in accuracy.items()} }")
    console.print(f"grounding: { {k: round(v, 3) for k, v in grounding.items()} }")
    seconds = metrics.get("seconds_per_article")
    console.print(
        f"validity: {metrics['validity']:.3f}   seconds/article: {seconds if seconds is None else round(seconds, 2)}"
    )
    articles = Table(title="per article (tp/fp/fn)")
    for column in ("id", "who", "where", "toll", "attribution", "missed"):
        articles.add_column(column, overflow="fold")
    for article_id, entry in metrics["per_article"].items():
        cells = [
            "/".join(str(entry[f][k]) for k in ("tp", "fp", "fn")) for f in ("who", "where", "toll", "attribution")
        ]
        articles.add_row(article_id, *cells, "; ".join(entry.get("missed", []))[:200])
    console.print(articles)


@app.command("train", cls=_Command)
def train_command(
    gold: Annotated[list[Path], typer.Option("--gold", help="Gold JSONL of training articles (repeatable).")],
    articles: Annotated[
        list[Path], typer.Option("--articles", help="Directory of <id>.txt articles, one per --gold, in order.")
    ],
    out: Annotated[Path, typer.Option("--out", help="Directory for the adapter (adapter_*.json/.safetensors).")],
    seed: Annotated[int, typer.Option("--seed", help="Seed of the example order and the adapter's start.")] = 0,
    epochs: Annotated[int, typer.Option("--epochs", help="Passes over the examples.")] = 4,
    rank: Annotated[int, typer.Option("--rank", help="LoRA rank.")] = 8,
    lr: Annotated[float, typer.Option("--lr", help="Learning rate (AdamW, decaying linearly to 0).")] = 1e-3,
    layers: Annotated[
        int, typer.Option("--layers", help="Top decoder layers given LoRA; those below stay frozen.")
    ] = 8,
    sure: Annotated[
        bool,
        typer.Option("--sure/--asked-only", help="Also teach the decisions the rules take alone (more examples)."),
    ] = True,
    orders: Annotated[
        int, typer.Option("--orders", help="Ask each source question in up to N orders of its named options.")
    ] = 1,
    threads: Annotated[int, typer.Option("--threads", help="torch threads (1 is fastest on a busy machine).")] = 1,
    kinds: Annotated[
        str | None, typer.Option("--kinds", help="Decision kinds to teach, comma-separated (default: all).")
    ] = None,
    model: ModelOption = None,
) -> None:
    """Train a LoRA adapter of the model on the decisions of labelled articles (training gold only)."""
    try:
        if len(gold) != len(articles):
            raise InputError(f"give one --articles per --gold ({len(gold)} --gold, {len(articles)} --articles)")
        numbers = (
            ("--epochs", epochs),
            ("--rank", rank),
            ("--layers", layers),
            ("--orders", orders),
            ("--threads", threads),
        )
        for name, value in numbers:
            if value < 1:
                raise InputError(f"{name} must be at least 1, not {value}")
        if not lr > 0:
            raise InputError(f"--lr must be above 0, not {lr}")
        if out.exists() and not out.is_dir():
            raise InputError(f"{out}: exists and is not a directory")
        from .evaluation import load_gold_sets
        from .pipeline import DECISION_KINDS
        from .train import decision_examples, summary

        taught = decision_kinds(kinds, "--kinds") if kinds else DECISION_KINDS

        gold_records, texts = load_gold_sets(list(zip(gold, articles, strict=True)))
        started = time.perf_counter()
        from .adapter import chat_prompter, load_base, train_adapter

        network, tokenizer = load_base(model)
        examples = decision_examples(gold_records, texts, chat_prompter(tokenizer), taught, sure=sure, orders=orders)
        counts = summary(examples)
        err.print(f"train: {len(texts)} articles -> {counts}", highlight=False)
        base_name = Path(model).name if model else _default_model_name()
        report = train_adapter(
            examples,
            out,
            network,
            tokenizer,
            seed=seed,
            epochs=epochs,
            rank=rank,
            lr=lr,
            layers=layers,
            threads=threads,
            base_name=base_name,
            progress=lambda line: err.print(f"train: {line}", highlight=False),
        )
    except SummariserError as exc:
        _fail(exc)
    size = sum(path.stat().st_size for path in out.iterdir() if path.is_file())
    err.print(
        f"wrote {out} ({size / 1e6:.1f} MB): {report['examples']} examples {counts}, {report['steps']} steps, "
        f"training {report['seconds']:.0f} s, {time.perf_counter() - started:.0f} s in all",
        highlight=False,
    )


def _default_model_name() -> str:
    from .generate import DEFAULT_GGUF

    return DEFAULT_GGUF


@app.command("gold-check", cls=_Command)
def gold_check(
    gold: Annotated[Path, typer.Option("--gold")],
    articles: Annotated[Path, typer.Option("--articles")],
) -> None:
    """Refuse gold whose evidence is not in its article, whose vocabularies are off, or whose ids have no article."""
    from .evaluation import load_gold

    try:
        records, _ = load_gold(gold, articles)
    except SummariserError as exc:
        _fail(exc)
    err.print(f"{len(records)} gold records are valid", highlight=False)


ArticlesOption = Annotated[
    Path | None,
    typer.Option("--articles", help='Directory of <id>.txt, or a JSONL file of {"id", "text"} records.'),
]


def _briefs_and_texts(inputs: list[Path], articles: Path | None) -> tuple[list[dict], dict[str, str]]:
    from .report import load_briefs, load_texts

    records, texts = load_briefs(inputs)
    missing = [str(record["id"]) for record in records if str(record["id"]) not in texts]
    return records, {**texts, **load_texts(articles, missing)}


@app.command(cls=_Command)
def report(
    inputs: Annotated[list[Path], typer.Argument(help="Briefs JSONL file(s), as `summarise run` writes them.")],
    out: Annotated[Path, typer.Option("--out", help="The HTML file to write.")] = Path("report.html"),
    articles: ArticlesOption = None,
    title: Annotated[str, typer.Option("--title", help="Page title.")] = "Briefs report",
    events: Annotated[bool, typer.Option("--events/--no-events", help="Include the events section.")] = True,
) -> None:
    """One self-contained HTML page: articles with highlighted spans, brief cards, events."""
    from .events import build_events
    from .report import render_report

    try:
        records, texts = _briefs_and_texts(inputs, articles)
        grouped = build_events(records, texts) if events else None
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(render_report(records, texts, grouped, title=title), "utf-8")
    except SummariserError as exc:
        _fail(exc)
    without_text = sum(1 for record in records if str(record["id"]) not in texts)
    note = f"; {without_text} without article text" if without_text else ""
    err.print(f"wrote {out}: {len(records)} articles{note}", highlight=False)


@app.command("events", cls=_Command)
def events_command(
    briefs: Annotated[list[Path], typer.Argument(help="Briefs JSONL file(s).")],
    out: Annotated[Path | None, typer.Option("--out", help="events.json (default stdout).")] = None,
    articles: ArticlesOption = None,
    threshold: Annotated[
        float | None,
        typer.Option("--threshold", min=0.0, max=1.0, help="Link score that joins two articles (default 0.30)."),
    ] = None,
) -> None:
    """Group briefs of the same event; per toll category, low / best / high across sources."""
    from .events import LINK_THRESHOLD, build_events, grouping_rule

    threshold = LINK_THRESHOLD if threshold is None else threshold
    try:
        records, texts = _briefs_and_texts(briefs, articles)
        grouped = build_events(records, texts, threshold=threshold)
    except SummariserError as exc:
        _fail(exc)
    skipped = [str(record["id"]) for record in records if "error" in record]
    payload = {"grouping": {**grouping_rule(), "threshold": threshold}, "skipped": skipped, "events": grouped}
    text = json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
    if out is None:
        typer.echo(text, nl=False)
    else:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, "utf-8")
        err.print(f"wrote {out}: {len(grouped)} events from {len(records) - len(skipped)} briefs", highlight=False)


@app.command("export", cls=_Command)
def export_command(
    briefs: Annotated[list[Path], typer.Argument(help="Briefs JSONL file(s), as `summarise run` writes them.")],
    format: Annotated[
        str,
        typer.Option(
            "--format",
            help="csv or parquet: one row per toll figure; acled or ucdp: one row per article "
            "(CSV, or Parquet when --out ends in .parquet).",
        ),
    ],
    out: Annotated[Path, typer.Option("--out", help="The table file to write (replaced atomically).")],
) -> None:
    """Briefs as a table: long form (one row per figure), ACLED-like or UCDP-GED-like."""
    from .export import export_briefs

    try:
        counts = export_briefs(briefs, format, out)
    except SummariserError as exc:
        _fail(exc)
    skipped = f"; {counts['skipped']} error or invalid line(s) skipped" if counts["skipped"] else ""
    message = f"wrote {out}: {counts['rows']} rows from {counts['briefs']} briefs{skipped}"
    err.print(message, highlight=False, soft_wrap=True)


@app.command("schema", cls=_Command)
def schema_command(
    which: Annotated[
        str, typer.Option("--which", help="line: every line of `run` output (default); brief: the brief alone.")
    ] = "line",
) -> None:
    """Print the JSON Schema that every line of `summarise run` output validates against."""
    from .brief import brief_json_schema, line_json_schema

    builders = {"line": line_json_schema, "brief": brief_json_schema}
    if which not in builders:
        _fail(InputError(f"--which {which!r}: choose line or brief"))
    typer.echo(json.dumps(builders[which](), indent=2, sort_keys=True))


@app.command(cls=_Command)
def bench(
    out: Annotated[Path, typer.Option("--out", help="JSON file for the measurements.")],
    articles: Annotated[
        list[Path] | None,
        typer.Option(
            "--articles", help="Directory of .txt articles or a .jsonl file, repeatable (default: the seeds)."
        ),
    ] = None,
    backend: Annotated[
        list[str] | None,
        typer.Option("--backend", help="transformers, rules, llamacpp (repeatable; default: all installed)."),
    ] = None,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="Only the first N articles.")] = None,
    model: ModelOption = None,
    device: DeviceOption = "auto",
    threads: Annotated[int | None, typer.Option("--threads", min=1, help="torch threads (default torch's).")] = None,
    adapter: AdapterOption = "default",
    experiments: Annotated[
        bool | None,
        typer.Option(
            "--experiments/--no-experiments",
            help="Also measure the speed options (fast-forward, int8, attention, threads); default on without --limit.",
        ),
    ] = None,
) -> None:
    """Measure load time, throughput, constraint overhead, batching and memory on this machine."""
    from .bench import default_articles, default_backends, run_bench, summary_rows, write_result

    try:
        result = run_bench(
            articles or default_articles(),
            backends=backend or default_backends(),
            limit=limit,
            model=model,
            device=device,
            threads=threads,
            experiments=limit is None if experiments is None else experiments,
            progress=lambda message: err.print(f"bench: {message}", highlight=False),
            adapter=adapter,
        )
        write_result(result, out)
    except SummariserError as exc:
        _fail(exc)
    machine = result["machine"]
    table = Table(
        title=f"bench: {result['articles']['count']} articles, {machine.get('cpu_model')}, "
        f"{machine.get('usable_cores')} cores, torch threads {machine.get('torch_threads', '-')}"
    )
    table.add_column("field")
    for name in result["backends"]:
        table.add_column(name, justify="right")
    for row in summary_rows(result):
        table.add_row(*row)
    Console().print(table)
    err.print(f"wrote {out}", highlight=False)


def main() -> None:
    app()
