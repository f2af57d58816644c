namespace NumNet;

/// <summary>NumPy's array flags, as a bit set (<c>arr.flags</c>).</summary>
[Flags]
public enum ArrayFlags
{
    /// <summary>No flag set.</summary>
    None = 0,
    /// <summary>C_CONTIGUOUS: elements are adjacent in row-major order.</summary>
    CContiguous = 1,
    /// <summary>F_CONTIGUOUS: elements are adjacent in column-major order.</summary>
    FContiguous = 2,
    /// <summary>OWNDATA: the array allocated its memory (it is not a view).</summary>
    OwnData = 4,
    /// <summary>WRITEABLE: elements may be assigned.</summary>
    Writeable = 8,
    /// <summary>ALIGNED: every element sits at an address that is a multiple of the dtype's alignment.</summary>
    Aligned = 16,
}
