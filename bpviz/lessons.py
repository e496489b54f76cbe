"""The lessons: a guided path through the tutorial, one JSON file per lesson in resources/lessons/.

A lesson file holds its texts in every language (title, text, what to do, what to look for) and what it sets up:
`config`, flat RunConfig field changes on the tutorial's configuration (checked by RunConfig's one validation);
`view`, where to look ("train", "inspect" or "compare"); for "compare", `compare`, the Compare window's list
fields as a user types them (checked as `bpviz compare` checks them).  Files are read in name order (01-…, 02-…).

No Qt here: the loader is tested without a window, and any problem with a file is one LessonError line.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .engine.config import ConfigError, RunConfig, section_of
from .engine.file_reading import UnreadableFile, one_line, parse_json, read_text_file, short_repr
from .i18n import LANGUAGES, SOURCE_LANGUAGE
from .paths import resource_path

MAX_LESSON_BYTES = 64 << 10
TEXTS = ("title", "text", "do", "look")
VIEWS = ("train", "inspect", "compare")
# what the Compare window lets a lesson fill in: the optimizers' check boxes and its list fields
COMPARE_FIELDS = ("optimizer", "lr", "momentum", "batch_size", "init_seed")
KEYS = frozenset((*TEXTS, "config", "view", "compare"))


class LessonError(ValueError):
    """A lesson file that cannot be used; the message is one line naming the file."""


@dataclass(frozen=True)
class Lesson:
    name: str  # the file's stem, e.g. "01-loss-mse"
    texts: dict[str, dict[str, str]]  # "title"/"text"/"do"/"look" -> language -> text
    changes: dict  # the config's flat changes, as written in the file
    config: RunConfig  # the tutorial's configuration with those changes, validated
    view: str = "train"
    compare: dict[str, str] = field(default_factory=dict)  # Compare window field -> its text

    def text(self, key: str, lang: str) -> str:
        """One of the lesson's texts in `lang` (English where the file has no such language)."""
        texts = self.texts[key]
        return texts.get(lang) or texts[SOURCE_LANGUAGE]

    def compare_lists(self) -> dict[str, list]:
        """The Compare window's lists this lesson sets up (fields it leaves out keep the config's value)."""
        from .compare_cli import parse_list

        o, m, s = self.config.optimizer, self.config.model, self.config.schedule
        texts = {"optimizer": o.optimizer, "lr": f"{o.lr:g}", "momentum": f"{o.momentum:g}",
                 "batch_size": str(s.batch_size), "init_seed": str(m.init_seed), **self.compare}
        return {name: parse_list(name, texts[name]) for name in COMPARE_FIELDS}


def lessons_folder() -> Path:
    return resource_path("lessons")


def lesson_files(folder: str | Path | None = None) -> list[Path]:
    folder = Path(folder) if folder is not None else lessons_folder()
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


def load_lesson(path: str | Path) -> Lesson:
    """The lesson in `path`; LessonError (one line, naming the file) for anything wrong with it."""
    path = Path(path)

    def fail(message: str) -> LessonError:
        return LessonError(f"{path.name}: {message}")

    try:
        raw = parse_json(read_text_file(path, MAX_LESSON_BYTES))
    except UnreadableFile as exc:
        raise LessonError(one_line(exc).replace(str(path), path.name, 1)) from None
    except ValueError as exc:
        raise fail(one_line(exc)) from None
    if not isinstance(raw, dict):
        raise fail("expected a JSON object")
    unknown = set(raw) - KEYS
    if unknown:
        raise fail(f"unknown key {short_repr(sorted(unknown)[0])}")
    texts = {}
    for key in TEXTS:
        value = raw.get(key)
        if not isinstance(value, dict) or set(value) != set(LANGUAGES) or not all(
                isinstance(t, str) and t.strip() for t in value.values()):
            raise fail(f"{key!r} must give a text in each of {', '.join(LANGUAGES)}")
        texts[key] = dict(value)
    changes = raw.get("config", {})
    if not isinstance(changes, dict):
        raise fail("'config' must be an object of settings")
    for name in changes:
        try:
            section_of(name)
        except KeyError:
            raise fail(f"config: unknown setting {short_repr(name)}") from None
    try:
        config = RunConfig().replace(**changes)
    except ConfigError as exc:
        raise fail(f"config: {exc}") from None
    view = raw.get("view", "train")
    if view not in VIEWS:
        raise fail(f"'view' must be one of {', '.join(VIEWS)}, got {short_repr(view)}")
    compare = raw.get("compare", {})
    if not isinstance(compare, dict) or not all(isinstance(v, str) for v in compare.values()):
        raise fail("'compare' must be an object of texts")
    if compare and view != "compare":
        raise fail("'compare' is only for a lesson whose view is compare")
    unknown = set(compare) - set(COMPARE_FIELDS)
    if unknown:
        raise fail(f"compare: unknown field {short_repr(sorted(unknown)[0])} (use {', '.join(COMPARE_FIELDS)})")
    lesson = Lesson(path.stem, texts, dict(changes), config, view, dict(compare))
    if view == "compare":
        _check_compare(lesson, fail)
    elif config.data.dataset == "parabola":
        raise fail("the parabola has no plane to draw: its view must be compare")
    return lesson


def _check_compare(lesson: Lesson, fail) -> None:
    from .compare_cli import CompareError, cross_product

    try:
        cross_product(lesson.config, {}, lesson.compare_lists())
    except (CompareError, ConfigError) as exc:
        raise fail(f"compare: {one_line(exc)}") from None


def load_lessons(folder: str | Path | None = None) -> tuple[list[Lesson], list[str]]:
    """Every lesson that loads, in order, and one line for each file that does not."""
    lessons, errors = [], []
    for path in lesson_files(folder):
        try:
            lessons.append(load_lesson(path))
        except LessonError as exc:
            errors.append(str(exc))
    return lessons, errors
