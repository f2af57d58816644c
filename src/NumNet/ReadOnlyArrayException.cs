namespace NumNet;

/// <summary>
/// A write to an array that is not writeable (NumPy's "assignment destination is read-only", a ValueError, hence an
/// <see cref="ArgumentException"/> as NumNet maps ValueError).
/// </summary>
public sealed class ReadOnlyArrayException : ArgumentException
{
    /// <summary>Creates the exception with NumPy's message.</summary>
    public ReadOnlyArrayException() : base("assignment destination is read-only")
    {
    }

    /// <summary>Creates the exception with NumPy's message followed by <paramref name="detail"/>.</summary>
    public ReadOnlyArrayException(string detail) : base($"assignment destination is read-only: {detail}")
    {
    }
}
