#!/usr/bin/env python3
"""Write synthetic MRZ-like lines over the 37-character MRZ set, one per line.

Usage: mrz_lines.py --seed N --count N [--lengths 44,36,30]

The lines follow the ICAO 9303 field layouts (part 4 TD3, part 5 TD1 and
TD2): document codes, state codes, names with `<<` between surname and given
names and long `<` fillers, digit runs for document numbers and dates, and
check digits computed with the 7-3-1 weighting (ICAO 9303 part 3, section
4.9). A fraction of lines are uniform random strings so that rare letters
(Q, X, Z...) and the confusable pairs 0/O, 5/S, 8/B, 2/Z, 1/I are well
represented. Same seed, same lines: the training script depends on it.
"""

import argparse
import random
import string

ALPHABET = string.ascii_uppercase + string.digits + "<"

# A sample of real ICAO 9303 part 3 state codes, plus the specimen "UTO" and
# Germany's one-letter "D<<" (the filler inside a state code happens in practice).
STATES = [
    "UTO", "D<<", "GBR", "USA", "FRA", "ESP", "ITA", "NLD", "BEL", "POL", "SWE",
    "NOR", "FIN", "DNK", "IRL", "PRT", "CHE", "AUT", "CZE", "SVK", "HUN", "ROU",
    "BGR", "GRC", "LVA", "LTU", "EST", "CAN", "MEX", "BRA", "ARG", "CHN", "JPN",
    "KOR", "IND", "PAK", "NGA", "ZAF", "EGY", "TUR", "UKR", "QAT", "AUS", "NZL",
    "ISL", "MLT", "MCO", "LIE", "SRB", "PER", "XXA", "XXB", "XXC", "ZWE", "GBD",
]
DOC_CODES_TD3 = ["P<", "PA", "PD", "PO", "PS"]
DOC_CODES_TD12 = ["I<", "ID", "IR", "A<", "C<", "AC", "IP", "V<", "VI"]

# Name syllables keep names pronounceable like real ones; random letters are
# mixed in below for coverage.
SYLLABLES = [
    "AN", "ER", "SON", "MAR", "IA", "EL", "KO", "VIC", "OV", "SKI", "EZ", "GAR",
    "CIA", "MUL", "LER", "SCH", "MID", "JO", "HAN", "SEN", "NG", "UYEN", "ZH",
    "ANG", "WEI", "AB", "DUL", "LAH", "OO", "QU", "IX", "YA", "BR", "OWN", "TH",
    "OM", "AS", "DE", "LA", "CRU", "Z", "O", "ON", "NEIL", "FOX", "PHY", "LIS",
]


def check_digit(field: str) -> str:
    """ICAO 9303 part 3, 4.9: weights 7,3,1; digits as such, A-Z as 10-35, < as 0."""
    total = 0
    for i, ch in enumerate(field):
        if ch.isdigit():
            value = int(ch)
        elif ch.isalpha():
            value = ord(ch) - ord("A") + 10
        else:
            value = 0
        total += value * (7, 3, 1)[i % 3]
    return str(total % 10)


class LineMaker:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def name_part(self) -> str:
        rng = self.rng
        if rng.random() < 0.3:
            return "".join(rng.choice(string.ascii_uppercase) for _ in range(rng.randint(2, 12)))
        return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 4)))[:14]

    def names(self, width: int) -> str:
        rng = self.rng
        surname = "<".join(self.name_part() for _ in range(rng.choice([1, 1, 1, 2])))
        given = "<".join(self.name_part() for _ in range(rng.choice([0, 1, 1, 2, 3])))
        text = surname + ("<<" + given if given else "")
        # Long names are truncated, as ICAO 9303 part 3 section 4.6 allows.
        return text[:width].ljust(width, "<")

    def digits(self, n: int) -> str:
        return "".join(self.rng.choice(string.digits) for _ in range(n))

    def date(self) -> str:
        rng = self.rng
        return f"{rng.randint(0, 99):02d}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"

    def doc_number(self) -> str:
        rng = self.rng
        kind = rng.random()
        if kind < 0.4:
            value = self.digits(9)
        elif kind < 0.8:
            value = "".join(rng.choice(string.ascii_uppercase + string.digits) for _ in range(9))
        else:
            value = self.digits(rng.randint(6, 8))
        return value.ljust(9, "<")

    def optional(self, n: int) -> str:
        rng = self.rng
        if rng.random() < 0.6:
            return "<" * n
        used = rng.randint(1, n)
        pool = string.digits if rng.random() < 0.5 else string.ascii_uppercase + string.digits
        return "".join(rng.choice(pool) for _ in range(used)).ljust(n, "<")

    def sex(self) -> str:
        return self.rng.choice("MFF<M")

    def td3(self) -> list[str]:
        rng = self.rng
        line1 = rng.choice(DOC_CODES_TD3) + rng.choice(STATES) + self.names(39)
        doc, dob, exp, opt = self.doc_number(), self.date(), self.date(), self.optional(14)
        opt_check = "<" if opt == "<" * 14 and rng.random() < 0.5 else check_digit(opt)
        part = doc + check_digit(doc) + rng.choice(STATES) + dob + check_digit(dob) + self.sex()
        part += exp + check_digit(exp) + opt + opt_check
        composite = part[0:10] + part[13:20] + part[21:43]
        return [line1, part + check_digit(composite)]

    def td2(self) -> list[str]:
        rng = self.rng
        line1 = rng.choice(DOC_CODES_TD12) + rng.choice(STATES) + self.names(31)
        doc, dob, exp, opt = self.doc_number(), self.date(), self.date(), self.optional(7)
        part = doc + check_digit(doc) + rng.choice(STATES) + dob + check_digit(dob) + self.sex()
        part += exp + check_digit(exp) + opt
        composite = part[0:10] + part[13:20] + part[21:35]
        return [line1, part + check_digit(composite)]

    def td1(self) -> list[str]:
        rng = self.rng
        doc, opt1 = self.doc_number(), self.optional(15)
        line1 = rng.choice(DOC_CODES_TD12) + rng.choice(STATES) + doc + check_digit(doc) + opt1
        dob, exp, opt2 = self.date(), self.date(), self.optional(11)
        line2 = dob + check_digit(dob) + self.sex() + exp + check_digit(exp) + rng.choice(STATES) + opt2
        composite = line1[5:30] + line2[0:7] + line2[8:15] + line2[18:29]
        return [line1, line2 + check_digit(composite), self.names(30)]

    def random_line(self, length: int) -> str:
        # Fillers come in runs, as in real zones, so '<' is not just scattered.
        rng = self.rng
        out = []
        while len(out) < length:
            if rng.random() < 0.15:
                out.extend("<" * rng.randint(1, 8))
            else:
                out.append(rng.choice(ALPHABET[:-1]))
        return "".join(out[:length])

    def line(self, length: int) -> str:
        if self.rng.random() < 0.25:
            return self.random_line(length)
        lines = {44: self.td3, 36: self.td2, 30: self.td1}[length]()
        return self.rng.choice(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--lengths", default="44,36,30", help="comma-separated line lengths to cycle through")
    args = parser.parse_args()
    lengths = [int(n) for n in args.lengths.split(",")]
    maker = LineMaker(args.seed)
    for i in range(args.count):
        line = maker.line(lengths[i % len(lengths)])
        assert len(line) == lengths[i % len(lengths)] and set(line) <= set(ALPHABET), line
        print(line)


if __name__ == "__main__":
    main()
