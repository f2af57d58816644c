using System;

namespace NumNet;

public static partial class FloatFormat
{
    // The core takes -1 for an omitted count, as NumPy's C layer does.
    private static int CountOrDefault(int? count, string name)
    {
        if (count is not int value)
        {
            return -1;
        }

        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be >= 0.");
        }

        return value;
    }

    private static void CheckPrecisionCombination(int precision, int minDigits, bool unique)
    {
        if (minDigits > 0 && precision > 0 && minDigits > precision)
        {
            throw new ArgumentException("minDigits must be less than or equal to precision.", "minDigits");
        }

        if (!unique && precision < 0)
        {
            throw new ArgumentException("In non-unique mode precision must be supplied.", "precision");
        }
    }
}
