"""Number expressions in news prose: where they are and what they are worth.

Recognition is one linear-time regular expression over digits ('1,000', '200 000', '1.2
million', '1.2m') and number words; the word grammar itself ('three thousand five
hundred', 'twenty-one') is `text2num`'s. What English adds around it is handled here:
'a hundred', 'a dozen', 'two dozen', 'half a dozen', 'a half-dozen'.
"""

from __future__ import annotations

import re

from text_to_num import text2num

# No event has more people in its toll than this: a larger figure is not a count of people
# (and a hostile 10^38 never becomes one).
MAX_COUNT = 1_000_000_000
# Bounds that keep every step linear and cheap whatever the input.
MAX_DIGITS = 12
MAX_WORDS = 10

_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_SCALE_WORDS = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_WORD = "|".join(sorted([*_UNITS, *_TENS], key=len, reverse=True))
_SCALE = "hundred|thousand|million|billion"
# One word of a spelled number; a spelled number is such words joined by spaces, hyphens
# or 'and' (each repetition consumes a word, so matching stays linear).
_TOKEN = rf"(?:{_WORD}|{_SCALE})"
_AFTER_SCALE = "(?:(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion))"
_SPELLED = rf"(?:(?:{_WORD})(?:(?:{_AFTER_SCALE}\s+and\s+|[\s-]+){_TOKEN})*)"
_NUMBER_WORDS = (
    rf"(?:half\s+a\s+(?:dozen|{_SCALE})|(?:an?\s+)?half[\s-]dozen|(?:a|an)\s+(?:dozen|{_SCALE})(?:\s+and\s+{_SPELLED})?"
    rf"|{_SPELLED}(?:\s+dozen)?)"
)
_SPACE = r"[ \u00a0\u202f]"
_DIGITS = (
    rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d{{1,3}}(?:{_SPACE}\d{{3}})+(?![\d,.])|\d+)(?:\.\d+)?"
    rf"(?:\s*(?:{_SCALE})|(?:m|bn|k)\b)?"
)
# a hyphen between two numbers writes a range ('30-40'); one joined to a word does not ('COVID-19');
# a full stop after a word ends a sentence run into the next ('on Monday.Eight people'), one
# after a digit is a decimal point
NUMBER = re.compile(rf"(?<![\w,])(?<!\d\.)(?<![^\d]-)(?:{_DIGITS}|{_NUMBER_WORDS})(?![\w]|-(?!\d))", re.IGNORECASE)

VAGUE = re.compile(
    r"\b(dozens|scores|hundreds|thousands|several|many|numerous|an unspecified number"
    r"|a number|a handful)\b",
    re.IGNORECASE,
)

_SUFFIX = {"m": 1_000_000, "bn": 1_000_000_000, "k": 1_000}


def parse_number(expression: str) -> int | None:
    """'1,000' -> 1000, '200 000' -> 200000, '1.2 million' / '1.2m' -> 1200000,
    'twenty-five' -> 25, 'a hundred' -> 100, 'two dozen' -> 24, 'half a dozen' -> 6.
    None for anything that is not a whole count of at most MAX_COUNT."""
    words = re.sub(r"[\s\u00a0\u202f]+", " ", expression.strip().lower()).split(" ")
    if not words or len(words) > MAX_WORDS + 2:
        return None
    if words[0][:1].isdigit():
        value = _digits_value(words)
    else:
        value = _words_value(words)
    if value is None or value < 0 or value > MAX_COUNT:
        return None
    return value


def _digits_value(words: list[str]) -> int | None:
    scale = 1
    if len(words) > 1 and words[-1] in _SCALE_WORDS:
        scale, words = _SCALE_WORDS[words[-1]], words[:-1]
    joined = "".join(words).replace(",", "")
    suffix = re.fullmatch(r"([\d.]+)(m|bn|k)", joined)
    if suffix:
        joined, scale = suffix.group(1), _SUFFIX[suffix.group(2)]
    if not re.fullmatch(rf"\d{{1,{MAX_DIGITS}}}(\.\d{{1,6}})?", joined):
        return None
    if "." in joined:
        whole, fraction = joined.split(".")
        # thousandths in cents: exact, no float rounding ('1.2' million is 1,200,000)
        value = int(whole) * scale + int(fraction) * scale // 10 ** len(fraction)
        exact = int(fraction) * scale % 10 ** len(fraction) == 0
        return value if exact else None
    return int(joined) * scale


def _words_value(words: list[str]) -> int | None:
    phrase = " ".join(words).replace("-", " ")
    half = re.fullmatch(r"(?:an? )?half (?:an? )?(dozen|hundred|thousand|million|billion)", phrase)
    if half:  # 'half a dozen' 6, 'half a million' 500,000
        return (12 if half.group(1) == "dozen" else _SCALE_WORDS[half.group(1)]) // 2
    multiplier = 1
    if phrase.endswith(" dozen"):
        multiplier, phrase = 12, phrase.rsplit(" ", 1)[0]
    # 'a hundred', 'a thousand and five', 'a dozen': the article stands for 'one'
    phrase = re.sub(r"^an?\b", "one", phrase)
    try:
        value = text2num(phrase, "en")
    except ValueError:
        return None
    return value * multiplier


# 'a', 'an' or 'one' before a noun for one person ('an American soldier was killed').
SINGULAR = re.compile(r"(?:an?|one|his|her|their)", re.IGNORECASE)  # 'and their driver': one person


def read_count(text: str, start: int, end: int) -> int | None:
    """The count written at the start of text[start:end] (a range's low end), 1 for a
    singular article, 2 for 'both'."""
    number = NUMBER.match(text, start, end)
    if number is not None:
        return parse_number(number.group())
    if re.fullmatch(r"both", text[start:end], re.IGNORECASE):
        return 2  # 'both were arrested': a pair
    return 1 if SINGULAR.fullmatch(text, start, end) else None
