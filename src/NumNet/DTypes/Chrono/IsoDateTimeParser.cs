namespace NumNet.DTypes.Chrono;

/// <summary>
/// NumPy's reader of (almost) ISO 8601 text: "YYYY[-MM[-DD[(T| )hh[:mm[:ss[.f...]]]]]]" with any number of year
/// digits and an optional sign, "NaT"/"" (not a time), "today", "now", and a time-zone suffix ("Z", "+hh[[:]mm]")
/// after a time, which is converted to UTC and flagged because NumPy warns about it.
/// </summary>
internal static class IsoDateTimeParser
{
    /// <summary>What the text held, before it is expressed in a unit.</summary>
    public readonly record struct Parsed(DateTimeFields Fields, DateTimeUnit BestUnit, bool HadTimezone);

    /// <param name="text">The text.</param>
    /// <param name="unit">The unit the value will be stored in, or null when it is to be detected.</param>
    /// <param name="casting">The rule the detected unit must satisfy to go into <paramref name="unit"/>.</param>
    /// <param name="clock">The source of "today" and "now".</param>
    public static Parsed Parse(string text, DateTimeUnit? unit, CastingRule casting, TimeProvider clock)
    {
        if (text.Length == 0 || IsWord(text, "nat"))
            return new Parsed(DateTimeFields.NaT, DateTimeUnit.Generic, false);
        if (unit == DateTimeUnit.Generic)
            throw new ArgumentException("Cannot create a NumPy datetime other than NaT with generic units");

        if (IsWord(text, "today"))
        {
            // The local calendar date, not the UTC one, so that a day unit shows the date the user sees.
            var local = clock.GetLocalNow();
            var today = DateTimeFields.Epoch;
            today.Year = local.Year;
            today.Month = local.Month;
            today.Day = local.Day;
            return Finish(text, unit, casting, new Parsed(today, DateTimeUnit.Days, false));
        }
        if (IsWord(text, "now"))
        {
            long seconds = clock.GetUtcNow().ToUnixTimeSeconds();
            var now = FieldsConversion.ToFields(seconds, new DateTimeMetadata(DateTimeUnit.Seconds));
            return Finish(text, unit, casting, new Parsed(now, DateTimeUnit.Seconds, false));
        }
        return Finish(text, unit, casting, new Reader(text).Read());
    }

    private static Parsed Finish(string text, DateTimeUnit? unit, CastingRule casting, Parsed parsed)
    {
        if (unit is { } target && !UnitCastRules.CanCastDateTimeUnit(parsed.BestUnit, target, casting))
        {
            throw new InvalidCastException(
                $"Cannot parse \"{text}\" as unit '{target.ToCode()}' using casting rule {casting.ToName()}");
        }
        return parsed;
    }

    // NumPy lowercases byte by byte in the C locale, so only ASCII letters fold.
    private static bool IsWord(string text, string lowerWord)
    {
        if (text.Length != lowerWord.Length)
            return false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            char folded = c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
            if (folded != lowerWord[i])
                return false;
        }
        return true;
    }

    private struct Reader(string text)
    {
        private readonly string _text = text;
        private int _pos;
        private DateTimeFields _fields = DateTimeFields.Epoch;
        private DateTimeUnit _best;
        private bool _hadTimezone;

        private readonly bool AtEnd => _pos == _text.Length;

        public Parsed Read()
        {
            ReadDateAndTime();
            return new Parsed(_fields, _best, _hadTimezone);
        }

        private void ReadDateAndTime()
        {
            while (!AtEnd && CIntegerScanner.IsCSpace(_text[_pos]))
                _pos++;
            if (!AtEnd && _text[_pos] is '-' or '+')
                _pos++;
            if (AtEnd)
                throw ParseError();

            long year = 0;
            while (!AtEnd && CIntegerScanner.IsDigit(_text[_pos]))
                year = unchecked(10 * year + (_text[_pos++] - '0'));
            // NumPy looks at the very first character, so " -2003" (blank first) stays positive.
            if (_text[0] == '-')
                year = unchecked(-year);
            _fields.Year = year;

            if (AtEnd)
            {
                _best = DateTimeUnit.Years;
                return;
            }
            ExpectSeparator('-');
            _fields.Month = ReadTwoDigits();
            if (_fields.Month is < 1 or > 12)
                throw OutOfRange("Month");
            if (AtEnd)
            {
                _best = DateTimeUnit.Months;
                return;
            }
            ExpectSeparator('-');
            _fields.Day = ReadTwoDigits();
            if (_fields.Day < 1 || _fields.Day > GregorianCalendar.DaysInMonth(year, _fields.Month))
                throw OutOfRange("Day");
            if (AtEnd)
            {
                _best = DateTimeUnit.Days;
                return;
            }
            if (_text[_pos] is not ('T' or ' '))
                throw ParseError();
            _pos++;

            _fields.Hour = ReadTwoDigits();
            if (_fields.Hour >= 24)
                throw OutOfRange("Hours");
            if (!TryTimeSeparator())
            {
                _best = DateTimeUnit.Hours;
                ReadTimezone();
                return;
            }
            _fields.Minute = ReadTwoDigits();
            if (_fields.Minute >= 60)
                throw OutOfRange("Minutes");
            if (!TryTimeSeparator())
            {
                _best = DateTimeUnit.Minutes;
                ReadTimezone();
                return;
            }
            _fields.Second = ReadTwoDigits();
            if (_fields.Second >= 60)
                throw OutOfRange("Seconds");
            if (AtEnd || _text[_pos] != '.')
            {
                _best = DateTimeUnit.Seconds;
                ReadTimezone();
                return;
            }
            _pos++;
            ReadFraction();
            ReadTimezone();
        }

        // Up to 18 digits in three groups of six; the digit count within the last group read picks the unit.
        private void ReadFraction()
        {
            _fields.Microsecond = ReadSixDigits(out int digits);
            if (AtEnd || !CIntegerScanner.IsDigit(_text[_pos]))
            {
                _best = digits > 3 ? DateTimeUnit.Microseconds : DateTimeUnit.Milliseconds;
                return;
            }
            _fields.Picosecond = ReadSixDigits(out digits);
            if (AtEnd || !CIntegerScanner.IsDigit(_text[_pos]))
            {
                _best = digits > 3 ? DateTimeUnit.Picoseconds : DateTimeUnit.Nanoseconds;
                return;
            }
            _fields.Attosecond = ReadSixDigits(out digits);
            _best = digits > 3 ? DateTimeUnit.Attoseconds : DateTimeUnit.Femtoseconds;
        }

        private int ReadSixDigits(out int digits)
        {
            int value = 0;
            digits = 0;
            for (int i = 0; i < 6; i++)
            {
                value *= 10;
                if (!AtEnd && CIntegerScanner.IsDigit(_text[_pos]))
                {
                    value += _text[_pos++] - '0';
                    digits++;
                }
            }
            return value;
        }

        private void ReadTimezone()
        {
            if (AtEnd)
                return;
            // NumPy warns as soon as anything follows the time, even trailing blanks it then accepts.
            _hadTimezone = true;
            char c = _text[_pos];
            if (c == 'Z')
            {
                _pos++;
            }
            else if (c is '+' or '-')
            {
                _pos++;
                int hours = ReadTwoDigits();
                if (hours >= 24)
                    throw OutOfRange("Timezone hours offset");
                int minutes = 0;
                if (!AtEnd)
                {
                    if (_text[_pos] == ':')
                        _pos++;
                    minutes = ReadTwoDigits();
                    if (minutes >= 60)
                        throw OutOfRange("Timezone minutes offset");
                }
                int offset = 60 * hours + minutes;
                GregorianCalendar.AddMinutes(ref _fields, c == '-' ? offset : -offset);
            }
            while (!AtEnd && CIntegerScanner.IsCSpace(_text[_pos]))
                _pos++;
            if (!AtEnd)
                throw ParseError();
        }

        private void ExpectSeparator(char separator)
        {
            if (_text[_pos] != separator)
                throw ParseError();
            _pos++;
            if (AtEnd)
                throw ParseError();
        }

        private bool TryTimeSeparator()
        {
            if (AtEnd || _text[_pos] != ':')
                return false;
            _pos++;
            if (AtEnd)
                throw ParseError();
            return true;
        }

        private int ReadTwoDigits()
        {
            if (_text.Length - _pos < 2 || !CIntegerScanner.IsDigit(_text[_pos]) || !CIntegerScanner.IsDigit(_text[_pos + 1]))
                throw ParseError();
            int value = 10 * (_text[_pos] - '0') + (_text[_pos + 1] - '0');
            _pos += 2;
            return value;
        }

        private readonly ArgumentException ParseError() =>
            new($"Error parsing datetime string \"{_text}\" at position {_pos}");

        private readonly ArgumentException OutOfRange(string what) =>
            new($"{what} out of range in datetime string \"{_text}\"");
    }
}
